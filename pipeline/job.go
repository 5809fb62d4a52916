package pipeline

import (
	"context"
	"runtime"
	"time"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
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
	NLP        nlp.Options
	// Progress is called after each document is written.
	Progress func(done, total int, doc *Document)
	// Inputs, when set, replaces Paths (used by tests and benchmarks).
	Inputs []Input
}

// DefaultNLP are the nlp options of a plain `plenary run`.
var DefaultNLP = nlp.Options{ProseEntities: true}

// Execute runs a job end to end: it loads the configuration, finds the
// inputs, runs the stages and commits the output directory with its
// manifest. On any error nothing is left in the output directory's place.
func Execute(ctx context.Context, job Job) (*Manifest, error) {
	started := time.Now()
	cfg, err := loadConfig(job.ConfigPath)
	if err != nil {
		return nil, err
	}
	inputs, err := resolveInputs(job)
	if err != nil {
		return nil, err
	}
	gaz := gazetteer.Default()
	out, err := CreateOutput(job.OutDir, job.Force, gaz)
	if err != nil {
		return nil, err
	}
	workers := job.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	opt := Options{Workers: workers, Config: cfg, Gazetteer: gaz, NLP: job.NLP, Progress: job.Progress}
	stats, err := Run(ctx, inputs, opt, out)
	if err != nil {
		out.Abort()
		return nil, err
	}
	m := NewManifest(cfg, started, workers)
	m.Finish(stats)
	if err := out.Commit(m); err != nil {
		out.Abort()
		return nil, err
	}
	return m, nil
}

func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		return config.Default()
	}
	return config.Load(path)
}

func resolveInputs(job Job) ([]Input, error) {
	switch {
	case job.Inputs != nil:
		return job.Inputs, nil
	case len(job.Paths) == 0:
		return EmbeddedInputs()
	default:
		return DiscoverInputs(job.Paths)
	}
}
