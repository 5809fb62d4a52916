package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/plenary/plenary/pipeline"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type runFlags struct {
	out     string
	workers int
	config  string
	targets string
	lexicon string
	force   bool
	quiet   bool
	strict  bool
	cpuprof string
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [PATH ...]",
		Short: "Process transcripts (files or directories of *.txt) into Parquet tables",
		Long: `Process transcripts into Parquet tables in --out: interventions, sentences,
tokens, entities, stance (per turn and target, with evidence), delegations
(per delegation and target), and a manifest.json recording versions, configuration and
checksums. With no PATH, the corpus embedded in plenary is processed.

The output is written to a temporary directory and moved into place only when
the run succeeds: a failed or interrupted run leaves the previous output (or
nothing) behind. A non-empty directory that plenary did not write is never
replaced unless --force is given.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.workers < 0 {
				return usageError{fmt.Errorf("--workers must be positive (or 0 for the number of CPUs), got %d", f.workers)}
			}
			return runJob(cmd, args, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "out", "o", "out", "output directory")
	fl.IntVarP(&f.workers, "workers", "w", 0, "workers per stage (0: number of CPUs)")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: the embedded plenary.yaml)")
	fl.StringVarP(&f.targets, "targets", "t", "", "stance target file (default: the embedded targets.yaml)")
	fl.StringVar(&f.lexicon, "lexicon", "", "stance cue lexicon (default: the embedded lexicons/stance/stance.yaml)")
	fl.BoolVar(&f.force, "force", false, "replace an output directory that plenary did not write")
	fl.BoolVar(&f.strict, "strict", false, "refuse any transcript that gives a warning (unknown speaker, inferred speaker, text before the first heading, ...)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "do not print warnings (they are still recorded in manifest.json)")
	fl.StringVar(&f.cpuprof, "cpuprofile", "", "write a CPU profile of the run to FILE (go tool pprof)")
	return cmd
}

func runJob(cmd *cobra.Command, args []string, f runFlags, stdout, stderr io.Writer) error {
	job := pipeline.Job{
		Paths: args, OutDir: f.out, Force: f.force, Workers: f.workers,
		ConfigPath: f.config, TargetsPath: f.targets, LexiconPath: f.lexicon, NLP: pipeline.DefaultNLP, Strict: f.strict,
	}
	if f.cpuprof != "" {
		stop, err := startCPUProfile(f.cpuprof)
		if err != nil {
			return err
		}
		defer stop()
	}
	prog := newProgress(stderr)
	job.Progress = prog.update
	rep, err := pipeline.Execute(cmd.Context(), job)
	prog.finish()
	if err != nil {
		return err
	}
	m := rep.Manifest
	if !f.quiet {
		for _, sk := range m.Skipped {
			fmt.Fprintln(stderr, "note: skipped (not a *.txt transcript):", sk)
		}
		for _, in := range m.Inputs {
			for _, w := range in.Warnings {
				fmt.Fprintln(stderr, "warning:", w)
			}
		}
	}
	printSummary(stdout, m, f.out)
	printStanceTable(stdout, rep)
	return nil
}

func printSummary(w io.Writer, m *pipeline.Manifest, out string) {
	t := m.Totals
	fmt.Fprintf(w, "plenary %s: %d files, %d turns, %d delegations, %d sentences, %d tokens, %d entities, %d warnings in %.2fs (%d workers)\n",
		m.Version, t.Files, t.Turns, t.Delegations, t.Sentences, t.Tokens, t.Entities, t.Warnings, m.Run.WallSeconds, m.Run.Workers)
	fmt.Fprintf(w, "wrote %s/{", out)
	for i, o := range m.Outputs {
		if i > 0 {
			fmt.Fprint(w, ",")
		}
		fmt.Fprint(w, o.File)
	}
	fmt.Fprintf(w, ",%s}\n", pipeline.ManifestName)
}

// progress shows a bar on a terminal and one log line per file otherwise.
type progress struct {
	w     io.Writer
	tty   bool
	bar   *progressbar.ProgressBar
	start time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) update(done, total int, d *pipeline.Document) {
	if !p.tty {
		fmt.Fprintf(p.w, "plenary: [%d/%d] %s: %d turns (%.1fs)\n", done, total, d.Input.Name, len(d.Transcript.Turns), time.Since(p.start).Seconds())
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("transcripts"),
			progressbar.OptionShowCount(), progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish())
	}
	_ = p.bar.Set(done)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print plenary's version and build information",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := pipeline.BuildInfo()
			fmt.Fprintf(stdout, "plenary %s (%s, %s/%s)\n", pipeline.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			if b.VCSRevision != "" {
				fmt.Fprintf(stdout, "revision %s", b.VCSRevision)
				if b.VCSModified {
					fmt.Fprint(stdout, " (modified)")
				}
				fmt.Fprintln(stdout)
			}
			for _, k := range []string{"github.com/jdkato/prose/v3", "gonum.org/v1/gonum", "github.com/apache/arrow-go/v18"} {
				fmt.Fprintf(stdout, "%s %s\n", k, b.Modules[k])
			}
			return nil
		},
	}
}

// startCPUProfile starts writing a CPU profile to path; stop ends it.
func startCPUProfile(path string) (stop func(), err error) {
	fh, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(fh); err != nil {
		fh.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		fh.Close()
	}, nil
}
