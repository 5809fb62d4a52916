package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/models/evaluate"
	"github.com/plenary/plenary/pipeline"
	"github.com/spf13/cobra"
)

type evalFlags struct {
	gold, out, targets, lexicon string
	workers                     int
}

func newEvalCmd(stdout, stderr io.Writer) *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "eval --gold FILE [--out DIR] [PATH ...]",
		Short: "Score stance labels against a hand-annotated gold file",
		Long: `Run plenary on the transcripts of a gold file and score the stance labels:
precision, recall and F1 per label and target, macro-F1 over support/oppose/
neutral, the confusion matrix, and every disagreement with its evidence.

The gold file is a TSV with columns source_file, seq, speaker_code, target,
label, alt_label, evidence, note (see datasets/annotations/README.md). PATHs
name the transcripts to run; without them, the transcripts are looked for
next to the gold file, then in the embedded corpus. Gold rows of files that
are not run are left out (and counted). With --out the run's tables are kept
there; otherwise they go to a temporary directory that is removed.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.gold == "" {
				return usageError{fmt.Errorf("--gold FILE is required")}
			}
			return runEval(cmd, args, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.gold, "gold", "g", "", "gold stance TSV")
	fl.StringVarP(&f.out, "out", "o", "", "keep the run's output tables in DIR")
	fl.StringVarP(&f.targets, "targets", "t", "", "stance target file (default: embedded)")
	fl.StringVar(&f.lexicon, "lexicon", "", "stance cue lexicon (default: embedded)")
	fl.IntVarP(&f.workers, "workers", "w", 0, "workers per stage (0: number of CPUs)")
	return cmd
}

func runEval(cmd *cobra.Command, args []string, f evalFlags, stdout, stderr io.Writer) error {
	gf, err := os.Open(f.gold)
	if err != nil {
		return &ingest.InputError{File: f.gold, Msg: fmt.Sprintf("cannot open: %v", err)}
	}
	gold, err := evaluate.ReadGold(f.gold, gf)
	gf.Close()
	if err != nil {
		return &ingest.InputError{File: f.gold, Msg: err.Error()}
	}
	job := pipeline.Job{Paths: args, Workers: f.workers, TargetsPath: f.targets, LexiconPath: f.lexicon, NLP: pipeline.DefaultNLP, Force: true, KeepStances: true}
	if len(args) == 0 {
		job.Paths = besideGold(f.gold, gold)
	}
	job.OutDir = f.out
	if f.out == "" {
		tmp, err := os.MkdirTemp("", "plenary-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		job.OutDir = filepath.Join(tmp, "out")
	}
	rep, err := pipeline.Execute(cmd.Context(), job)
	if err != nil {
		return err
	}
	files := map[string]bool{}
	for _, in := range rep.Manifest.Inputs {
		files[in.File] = true
	}
	var kept []evaluate.Item
	skipped := 0
	for _, it := range gold {
		if files[it.File] {
			kept = append(kept, it)
		} else {
			skipped++
		}
	}
	if len(kept) == 0 {
		return &ingest.InputError{File: f.gold, Msg: "none of its transcripts were run; name them as PATH arguments"}
	}
	pred := map[evaluate.Key]evaluate.Prediction{}
	for _, s := range rep.Stances {
		pred[evaluate.Key{File: s.File, Seq: s.Seq, Target: s.Target}] = evaluate.Prediction{Label: s.Label, Score: s.Score, Evidence: s.Evidence, Cues: s.Cues}
	}
	fmt.Fprintf(stdout, "gold %s: %d items on %d files", f.gold, len(kept), len(files))
	if skipped > 0 {
		fmt.Fprintf(stdout, " (%d items of files not run left out)", skipped)
	}
	fmt.Fprintln(stdout)
	evaluate.Evaluate(kept, pred).Format(stdout)
	return nil
}

// besideGold returns the gold's transcripts found next to the gold file,
// or nil (the embedded corpus) if any is missing there.
func besideGold(goldPath string, gold []evaluate.Item) []string {
	dir := filepath.Dir(goldPath)
	seen := map[string]bool{}
	var paths []string
	for _, it := range gold {
		if seen[it.File] {
			continue
		}
		seen[it.File] = true
		p := filepath.Join(dir, it.File)
		if _, err := os.Stat(p); err != nil {
			return nil
		}
		paths = append(paths, p)
	}
	return paths
}
