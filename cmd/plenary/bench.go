package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/nlp"
	"github.com/plenary/plenary/pipeline"
	"github.com/spf13/cobra"
)

type benchFlags struct {
	copies   string
	cores    string
	baseline bool
	keep     string
	repeat   int
}

func newBenchCmd(stdout, stderr io.Writer) *cobra.Command {
	var f benchFlags
	cmd := &cobra.Command{
		Use:   "bench [--copies N[,N...]] [--cores N[,N...]] [--baseline=false]",
		Short: "Measure whole-pipeline throughput and memory against prose v3 alone",
		Long: `Build a benchmark corpus of N renamed copies of the embedded transcripts,
run 'plenary run' over it in a child process limited to C cores
(GOMAXPROCS=C, --workers C), and report words and turns per second, peak
memory (maximum resident set size of the child) and the CPU seconds of
each stage (from a CPU profile of a second, profiled run, whose samples
the pipeline labels by stage; the timed run is not profiled). Alongside, on the same files and the same number of
cores, prose v3's own NewDocument with default options (tokens, sentences,
tags, entities) runs over each file, one file per core at a time, in its
own child process; the ratio is prose's wall time over plenary's.

Each row is timed --repeat times (default 3), plenary and prose in turn,
so that a machine whose speed drifts or that is busy for a moment weighs
on both alike; the table gives the median wall times and their ratio, and
a line below it the lowest and highest ratio of the single repetitions.

--copies and --cores take comma-separated lists; every combination is run.
Memory for growing corpora: plenary bench --copies 25,250 --baseline=false.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			copies, err := intList("--copies", f.copies)
			if err != nil {
				return err
			}
			cores, err := intList("--cores", f.cores)
			if err != nil {
				return err
			}
			return runBench(cmd.Context(), copies, cores, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.copies, "copies", "25", "copies of the embedded corpus (2 transcripts each)")
	fl.StringVar(&f.cores, "cores", defaultCores(), "numbers of cores to run with")
	fl.BoolVar(&f.baseline, "baseline", true, "also run prose v3 alone on the same files and cores")
	fl.StringVar(&f.keep, "keep", "", "build the corpora and outputs in DIR and keep them (default: a temporary directory)")
	fl.IntVar(&f.repeat, "repeat", 3, "timed runs of plenary and of prose per row, interleaved; the table gives the medians")
	return cmd
}

// newBenchProseCmd is the hidden child command of bench that runs prose v3
// alone over a directory of transcripts with a number of goroutines.
func newBenchProseCmd(stdout io.Writer) *cobra.Command {
	var workers int
	cmd := &cobra.Command{
		Use:    "bench-prose --workers N DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tokens, err := proseOverDir(args[0], workers)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, tokens)
			return nil
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 1, "files processed at once")
	return cmd
}

func defaultCores() string {
	if n := runtime.NumCPU(); n > 1 {
		return "1," + strconv.Itoa(n)
	}
	return "1"
}

func intList(flag, s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 {
			return nil, usageError{fmt.Errorf("%s: %q is not a positive number", flag, part)}
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// benchCorpus is a benchmark corpus on disk.
type benchCorpus struct {
	dir          string
	files, words int
	bytes        int64
}

// buildBenchCorpus writes copies renamed copies of the embedded corpus into
// dir (c0001-oewg2-s1-m8.txt, ...).
func buildBenchCorpus(dir string, copies int) (benchCorpus, error) {
	files, err := datasets.Corpus()
	if err != nil {
		return benchCorpus{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return benchCorpus{}, err
	}
	c := benchCorpus{dir: dir}
	for i := 1; i <= copies; i++ {
		for _, f := range files {
			name := fmt.Sprintf("c%04d-%s", i, f.Name)
			if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
				return benchCorpus{}, fmt.Errorf("bench: %w", err)
			}
			c.files++
			c.words += len(strings.Fields(string(f.Data)))
			c.bytes += int64(len(f.Data))
		}
	}
	return c, nil
}

// childRun is the measurement of one child process.
type childRun struct {
	wall   time.Duration
	peakMB float64
	stdout string
}

// runChild runs this executable with args, limited to cores, and measures
// its wall time and peak resident memory.
func runChild(ctx context.Context, cores int, args ...string) (childRun, error) {
	exe, err := os.Executable()
	if err != nil {
		return childRun{}, err
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(cores))
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	t0 := time.Now()
	err = cmd.Run()
	r := childRun{wall: time.Since(t0), stdout: out.String()}
	if err != nil {
		return r, fmt.Errorf("bench: %s: %w: %s", strings.Join(args, " "), err, errb.String())
	}
	r.peakMB = peakRSSMB(cmd.ProcessState)
	return r, nil
}

// benchRow is one line of the results table.
type benchRow struct {
	copies, cores int
	corpus        benchCorpus
	plenary       childRun
	turns, tokens int
	stages        map[string]float64
	prose         *childRun
	ratios        []float64 // per repetition
}

func runBench(ctx context.Context, copies, cores []int, f benchFlags, stdout, stderr io.Writer) error {
	root := f.keep
	if root == "" {
		tmp, err := os.MkdirTemp("", "plenary-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	var rows []benchRow
	for _, n := range copies {
		corpus, err := buildBenchCorpus(filepath.Join(root, fmt.Sprintf("corpus-%d", n)), n)
		if err != nil {
			return err
		}
		for _, c := range cores {
			fmt.Fprintf(stderr, "bench: %d transcripts, %d words, %d cores: plenary ...\n", corpus.files, corpus.words, c)
			row, err := benchOnce(ctx, root, corpus, n, c, f, stderr)
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
	}
	printBench(stdout, rows)
	return nil
}

func benchOnce(ctx context.Context, root string, corpus benchCorpus, copies, cores int, f benchFlags, stderr io.Writer) (benchRow, error) {
	out := filepath.Join(root, fmt.Sprintf("out-%d-%d", copies, cores))
	row := benchRow{copies: copies, cores: cores, corpus: corpus}
	var plenary, prose []childRun
	for r := range max(f.repeat, 1) {
		fmt.Fprintf(stderr, "bench: %d transcripts, %d cores, run %d: plenary ...\n", corpus.files, cores, r+1)
		p, err := runChild(ctx, cores, "run", "-q", "--force", "--workers", strconv.Itoa(cores), "--out", out, corpus.dir)
		if err != nil {
			return row, err
		}
		plenary = append(plenary, p)
		if f.baseline {
			fmt.Fprintf(stderr, "bench: %d transcripts, %d cores, run %d: prose v3 NewDocument ...\n", corpus.files, cores, r+1)
			b, err := runChild(ctx, cores, "bench-prose", "--workers", strconv.Itoa(cores), corpus.dir)
			if err != nil {
				return row, err
			}
			prose = append(prose, b)
		}
	}
	row.plenary, row.ratios = median(plenary), ratios(prose, plenary)
	if len(prose) > 0 {
		b := median(prose)
		row.prose = &b
	}
	raw, err := os.ReadFile(filepath.Join(out, pipeline.ManifestName))
	if err != nil {
		return row, err
	}
	var m pipeline.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return row, fmt.Errorf("bench: %s: %w", out, err)
	}
	row.turns, row.tokens = m.Totals.Turns, m.Totals.Tokens
	// The stage split comes from one more, profiled run: profiling costs
	// a little time, which the timed runs above do not pay.
	prof := filepath.Join(root, fmt.Sprintf("cpu-%d-%d.prof", copies, cores))
	if _, err := runChild(ctx, cores, "run", "-q", "--force", "--workers", strconv.Itoa(cores), "--cpuprofile", prof, "--out", out+"-profiled", corpus.dir); err != nil {
		return row, err
	}
	if row.stages, err = stageCPU(prof); err != nil {
		return row, err
	}
	return row, nil
}

// median returns the run with the median wall time (the lower middle one
// of an even number) and the highest peak memory of all runs.
func median(runs []childRun) childRun {
	sorted := slices.Clone(runs)
	slices.SortFunc(sorted, func(a, b childRun) int { return cmp.Compare(a.wall, b.wall) })
	m := sorted[(len(sorted)-1)/2]
	for _, r := range runs {
		m.peakMB = max(m.peakMB, r.peakMB)
	}
	return m
}

// ratios returns prose's wall time over plenary's for each repetition.
func ratios(prose, plenary []childRun) []float64 {
	var out []float64
	for i := range min(len(prose), len(plenary)) {
		out = append(out, prose[i].wall.Seconds()/plenary[i].wall.Seconds())
	}
	return out
}

func printBench(w io.Writer, rows []benchRow) {
	fmt.Fprintf(w, "plenary %s, %s, %d CPUs, %s/%s\n\n", pipeline.Version, runtime.Version(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(w, "| transcripts | words | cores | plenary s | words/s | turns/s | peak MB | prose v3 s | prose words/s | prose peak MB | ratio |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		s := r.plenary.wall.Seconds()
		prose := "| – | – | – | – |"
		if r.prose != nil {
			ps := r.prose.wall.Seconds()
			prose = fmt.Sprintf("| %.1f | %.0f | %.0f | %.1f× |", ps, float64(r.corpus.words)/ps, r.prose.peakMB, ps/s)
		}
		fmt.Fprintf(w, "| %d | %d | %d | %.2f | %.0f | %.0f | %.0f %s\n", r.corpus.files, r.corpus.words, r.cores, s,
			float64(r.corpus.words)/s, float64(r.turns)/s, r.plenary.peakMB, prose)
	}
	for _, r := range rows {
		if len(r.ratios) > 1 {
			fmt.Fprintf(w, "\n%d transcripts, %d cores: ratio of single repetitions %.1f× to %.1f× (%d runs each)", r.corpus.files, r.cores,
				slices.Min(r.ratios), slices.Max(r.ratios), len(r.ratios))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\nCPU seconds per stage (samples of a CPU profile of one more, profiled run, by stage label; other: start-up, garbage collection, scheduler):")
	names := []string{"ingest", "nlp", "stance", "sentiment", "alignment", "write", "corpus", "other"}
	fmt.Fprintf(w, "\n| transcripts | cores | %s |\n|---:|---:|%s\n", strings.Join(names, " | "), strings.Repeat("---:|", len(names)))
	for _, r := range rows {
		var cells []string
		for _, n := range names {
			cells = append(cells, fmt.Sprintf("%.2f", r.stages[n]))
		}
		fmt.Fprintf(w, "| %d | %d | %s |\n", r.corpus.files, r.cores, strings.Join(cells, " | "))
	}
}

// proseOverDir runs prose v3's NewDocument with default options over every
// *.txt file of dir, workers files at a time, and returns the number of
// tokens.
func proseOverDir(dir string, workers int) (int64, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return 0, fmt.Errorf("bench-prose: no *.txt in %s", dir)
	}
	workers = max(workers, 1)
	var next, tokens atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				raw, err := os.ReadFile(paths[i])
				if err == nil {
					var n int
					_, n, err = nlp.ProseBaseline(string(raw))
					tokens.Add(int64(n))
				}
				if err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return tokens.Load(), nil
}
