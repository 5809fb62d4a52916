package pipeline

import (
	"runtime"
	"runtime/debug"
	"time"

	"github.com/plenary/plenary/datasets/config"
)

// Manifest records what a run read, how, and what it wrote, so that a
// paper's numbers can be rebuilt and checked years later. Everything but
// the Run section is the same for the same inputs, version and config.
type Manifest struct {
	Generator string         `json:"generator"` // always "plenary"
	Version   string         `json:"version"`
	Build     Build          `json:"build"`
	Config    ManifestConfig `json:"config"`
	Targets   ManifestConfig `json:"targets"`
	Lexicon   ManifestConfig `json:"stance_lexicon"`
	// Seeds of every random source, by name (only the corpus-level
	// models use randomness).
	Seeds  map[string]uint64 `json:"seeds"`
	Inputs []ManifestInput   `json:"inputs"`
	// Skipped lists the files found in input directories that are not
	// transcripts (other extensions, links, special files): reported, not
	// silently dropped.
	Skipped []string         `json:"skipped_files"`
	Outputs []ManifestOutput `json:"outputs"`
	Totals  Totals           `json:"totals"`
	Corpus  CorpusSummary    `json:"corpus"`
	Run     RunInfo          `json:"run"`

	started time.Time // for Run.WallSeconds
}

// Build describes the binary.
type Build struct {
	GoVersion   string            `json:"go_version"`
	VCSRevision string            `json:"vcs_revision,omitempty"`
	VCSModified bool              `json:"vcs_modified,omitempty"`
	Modules     map[string]string `json:"modules"` // dependency path → version
}

// ManifestConfig is the configuration the run used, verbatim.
type ManifestConfig struct {
	Source string `json:"source"`
	SHA256 string `json:"sha256"`
	Text   string `json:"text"`
}

// ManifestInput describes one input file.
type ManifestInput struct {
	File     string   `json:"file"`
	Path     string   `json:"path"`
	SHA256   string   `json:"sha256"`
	Bytes    int64    `json:"bytes"`
	Session  string   `json:"session"`
	Turns    int      `json:"turns"`
	Dropped  int      `json:"boilerplate_lines_dropped"`
	Warnings []string `json:"warnings"`
}

// ManifestOutput describes one output table.
type ManifestOutput struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	Rows   *int64 `json:"rows,omitempty"` // tables only
}

// Totals are the counts of a run.
type Totals struct {
	Files       int `json:"files"`
	Turns       int `json:"turns"`
	Delegations int `json:"delegations"`
	Sentences   int `json:"sentences"`
	Tokens      int `json:"tokens"`
	Entities    int `json:"entities"`
	Warnings    int `json:"warnings"`
}

// RunInfo is what varies between runs of the same build on the same
// inputs: when, with how many workers, and how long each stage took.
type RunInfo struct {
	StartedAt string `json:"started_at"`
	Workers   int    `json:"workers"`
	// WallSeconds is the whole run, from reading the configuration to
	// writing the manifest.
	WallSeconds float64 `json:"wall_seconds"`
	// StageSeconds is the time spent in each stage: for the
	// per-transcript stages (ingest, nlp, stance, sentiment, alignment,
	// write) the wall time of their workers, summed, so it can exceed the
	// wall time of the run (with no more workers than cores it is close to
	// the stage's CPU time); for the corpus stage (reading the tables back,
	// the corpus models, writing delegations and linkage), its wall time.
	StageSeconds map[string]float64 `json:"stage_seconds"`
}

func fileRecord(source, sha string, raw []byte) ManifestConfig {
	return ManifestConfig{Source: source, SHA256: sha, Text: string(raw)}
}

// NewManifest starts a manifest for a run with cfg.
func NewManifest(cfg *config.Config, started time.Time, workers int) *Manifest {
	return &Manifest{
		Generator: "plenary",
		Version:   Version,
		Build:     BuildInfo(),
		Config:    ManifestConfig{Source: cfg.Source, SHA256: cfg.SHA256, Text: string(cfg.Raw)},
		Seeds:     map[string]uint64{},
		Run:       RunInfo{StartedAt: started.UTC().Format(time.RFC3339), Workers: workers},
		started:   started,
	}
}

// Finish records the totals and timings of the run.
func (m *Manifest) Finish(s Stats) {
	m.Totals = Totals{Files: s.Files, Turns: s.Turns, Delegations: s.Delegations, Sentences: s.Sentences,
		Tokens: s.Tokens, Entities: s.Entities, Warnings: s.Warnings}
	m.Run.WallSeconds = s.WallSeconds
	m.Run.StageSeconds = s.StageSeconds
}

// BuildInfo describes the running binary: Go version, VCS revision and
// the versions of every dependency.
func BuildInfo() Build {
	b := Build{GoVersion: runtime.Version(), Modules: map[string]string{}}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	for _, d := range info.Deps {
		b.Modules[d.Path] = d.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.VCSRevision = s.Value
		case "vcs.modified":
			b.VCSModified = s.Value == "true"
		}
	}
	return b
}

func manifestInput(d *Document) ManifestInput {
	tr := d.Transcript
	warnings := make([]string, 0, len(tr.Warnings))
	for _, w := range tr.Warnings {
		warnings = append(warnings, w.String())
	}
	return ManifestInput{File: d.Input.Name, Path: d.Input.Path, SHA256: d.SHA256, Bytes: d.Size,
		Session: tr.Session, Turns: len(tr.Turns), Dropped: tr.Dropped, Warnings: warnings}
}
