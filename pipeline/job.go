package pipeline

import (
	"context"
	"runtime"
	"time"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/features/cues"
	"github.com/plenary/plenary/features/targets"
	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/nlp"
)

// Job is one complete run: what to read, how, and where to write.
type Job struct {
	// Paths are files or directories of transcripts; empty means the
	// embedded default corpus.
	Paths []string
	// OutDir is the output directory; Force allows replacing a directory
	// plenary did not write.
	OutDir string
	Force  bool
	// Workers per stage; <= 0 means the number of CPUs.
	Workers int
	// ConfigPath is a configuration file; empty means the embedded default.
	ConfigPath string
	// TargetsPath and LexiconPath replace the embedded stance targets and
	// cue lexicon.
	TargetsPath, LexiconPath string
	NLP                      nlp.Options
	// Strict refuses any input that gives a warning.
	Strict bool
	// Progress is called after each document is written.
	Progress func(done, total int, doc *Document)
	// Inputs, when set, replaces Paths (used by tests and benchmarks).
	Inputs []Input
	// KeepStances returns every turn's stance in Report.Stances (for
	// plenary eval). Off by default: the list grows with the corpus, and a
	// run's memory must not.
	KeepStances bool
}

// DefaultNLP are the nlp options of a plain `plenary run`.
var DefaultNLP = nlp.Options{ProseEntities: true}

// Report is what a run produced, for the command line's summary.
type Report struct {
	Manifest    *Manifest
	Targets     []string
	Delegations []stance.DelegationStance
	Stances     []StanceRecord // only with Job.KeepStances
}

// Execute runs a job end to end: it loads the configuration, finds the
// inputs, runs the stages and commits the output directory with its
// manifest. On any error nothing is left in the output directory's place.
func Execute(ctx context.Context, job Job) (*Report, error) {
	started := time.Now()
	cfg, err := loadConfig(job.ConfigPath)
	if err != nil {
		return nil, err
	}
	ts, lex, err := loadStance(job.TargetsPath, job.LexiconPath)
	if err != nil {
		return nil, err
	}
	inputs, skipped, err := resolveInputs(job)
	if err != nil {
		return nil, err
	}
	gaz := gazetteer.Default()
	out, err := CreateOutput(job.OutDir, job.Force, gaz, ts.IDs(), lex.Threshold, cfg.Corpus)
	if err != nil {
		return nil, err
	}
	out.keepStances = job.KeepStances
	workers := job.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	opt := Options{Workers: workers, Config: cfg, Gazetteer: gaz, NLP: job.NLP, Targets: ts, Lexicon: lex, Progress: job.Progress, Strict: job.Strict}
	stats, err := Run(ctx, inputs, opt, out)
	if err != nil {
		out.Abort()
		return nil, err
	}
	m := NewManifest(cfg, started, workers)
	m.Skipped = nonNilStrings(skipped)
	m.Targets = fileRecord(ts.Source, ts.SHA256, ts.Raw)
	m.Lexicon = fileRecord(lex.Source, lex.SHA256, lex.Raw)
	m.Finish(stats)
	if err := out.Commit(ctx, m); err != nil {
		out.Abort()
		return nil, err
	}
	return &Report{Manifest: m, Targets: ts.IDs(), Delegations: out.Delegations(), Stances: out.Stances()}, nil
}

func loadStance(targetsPath, lexiconPath string) (*targets.Set, *cues.Lexicon, error) {
	var ts *targets.Set
	var lex *cues.Lexicon
	var err error
	if targetsPath == "" {
		ts, err = targets.Default()
	} else {
		ts, err = targets.Load(targetsPath)
	}
	if err != nil {
		return nil, nil, err
	}
	if lexiconPath == "" {
		lex, err = cues.Default()
	} else {
		lex, err = cues.Load(lexiconPath)
	}
	return ts, lex, err
}

func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		return config.Default()
	}
	return config.Load(path)
}

func resolveInputs(job Job) ([]Input, []string, error) {
	switch {
	case job.Inputs != nil:
		return job.Inputs, nil, nil
	case len(job.Paths) == 0:
		in, err := EmbeddedInputs()
		return in, nil, err
	default:
		return DiscoverInputsSkipped(job.Paths)
	}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
