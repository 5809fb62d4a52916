package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/pipeline/tables"
)

// OutputTables are the tables a run writes, in manifest order.
var OutputTables = []string{tables.Interventions.Name, tables.Sentences.Name, tables.Tokens.Name, tables.Entities.Name,
	tables.Stance.Name, tables.Edges.Name, tables.Delegations.Name, tables.Linkage.Name}

// ManifestName is the file name of the run manifest in an output directory.
const ManifestName = "manifest.json"

// ErrNotOurs is returned when the output directory holds files plenary did
// not write; --force overrides it.
var ErrNotOurs = errors.New("output directory is not empty and was not written by plenary")

// Output writes the tables of a run into a temporary directory next to the
// final one and moves it into place only when everything has been written,
// so that a failed or interrupted run leaves nothing half-written.
type Output struct {
	final, tmp string
	gaz        *gazetteer.Gazetteer
	createdBy  string

	files         []outFile
	interventions *tables.Writer[tables.Intervention]
	sentences     *tables.Writer[tables.SentenceRow]
	tokens        *tables.Writer[tables.TokenRow]
	entities      *tables.Writer[tables.EntityRow]
	stance        *tables.Writer[tables.StanceRow]
	edges         *tables.Writer[tables.EdgeRow]
	inputs        []ManifestInput

	// Corpus-level state.
	targetIDs   []string
	threshold   float64
	keepStances bool
	records     []StanceRecord
	delegations []stance.DelegationStance
	corpus      *corpusStage
	summary     CorpusSummary
}

type delegationTotals struct {
	turns, words         int
	toneSum, courtesySum float64
	toneN, courtesyN     int
}

// CreateOutput prepares to write into dir. It refuses a non-empty dir that
// has no plenary manifest unless force is set.
func CreateOutput(dir string, force bool, gaz *gazetteer.Gazetteer, targetIDs []string, threshold float64, cc config.Corpus) (*Output, error) {
	if err := checkOutDir(dir, force); err != nil {
		return nil, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".plenary-tmp-")
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	// MkdirTemp makes the directory private; the output is ordinary data.
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("output: %w", err)
	}
	o := &Output{final: dir, tmp: tmp, gaz: gaz, createdBy: "plenary version " + Version,
		targetIDs: targetIDs, threshold: threshold, corpus: newCorpusStage(cc)}
	if err := o.open(); err != nil {
		o.Abort()
		return nil, err
	}
	return o, nil
}

func checkOutDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", dir, err)
	case len(entries) == 0 || force:
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return fmt.Errorf("%s: %w (use --force to replace it)", dir, ErrNotOurs)
	}
	var m struct {
		Generator string `json:"generator"`
	}
	if json.Unmarshal(raw, &m) != nil || m.Generator != "plenary" {
		return fmt.Errorf("%s: %w (its manifest.json is not plenary's; use --force to replace it)", dir, ErrNotOurs)
	}
	return nil
}

func (o *Output) open() error {
	var err error
	if o.interventions, err = openTable(o, tables.Interventions); err != nil {
		return err
	}
	if o.sentences, err = openTable(o, tables.Sentences); err != nil {
		return err
	}
	if o.tokens, err = openTable(o, tables.Tokens); err != nil {
		return err
	}
	if o.entities, err = openTable(o, tables.Entities); err != nil {
		return err
	}
	if o.stance, err = openTable(o, tables.Stance); err != nil {
		return err
	}
	o.edges, err = openTable(o, tables.Edges)
	return err
}

func openTable[R any](o *Output, t *tables.Table[R]) (*tables.Writer[R], error) {
	f, err := createFile(filepath.Join(o.tmp, t.Name+".parquet"))
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	o.files = append(o.files, f)
	// The Parquet writer closes what it writes to if it can; hide Close so
	// that the file can be synced before it is closed.
	return tables.NewWriter(t, writeOnly{f}, o.createdBy)
}

// outFile is what the output writes to: a file, or in tests a file that
// runs out of space.
type outFile interface {
	io.Writer
	Sync() error
	Close() error
}

// createFile creates an output file; tests replace it to simulate a full
// disk.
var createFile = func(path string) (outFile, error) { return os.Create(path) }

// writeOnly exposes only the Write method of a file.
type writeOnly struct{ w io.Writer }

func (w writeOnly) Write(p []byte) (int, error) { return w.w.Write(p) }

// Write appends the rows of one document. Documents must come in input
// order (the pipeline guarantees it).
func (o *Output) Write(d *Document) error {
	r := rowsOf(d, o.gaz)
	if err := o.interventions.Append(r.interventions...); err != nil {
		return err
	}
	for _, iv := range r.interventions {
		o.corpus.add(iv)
	}
	if err := o.sentences.Append(r.sentences...); err != nil {
		return err
	}
	if err := o.tokens.Append(r.tokens...); err != nil {
		return err
	}
	if err := o.entities.Append(r.entities...); err != nil {
		return err
	}
	if err := o.stance.Append(r.stance...); err != nil {
		return err
	}
	if err := o.edges.Append(r.edges...); err != nil {
		return err
	}
	if o.keepStances {
		o.collect(d)
	}
	o.inputs = append(o.inputs, manifestInput(d))
	return nil
}

// collect keeps the turn stances for the run's report (plenary eval).
func (o *Output) collect(d *Document) {
	for _, s := range d.Stances {
		t := d.Transcript.Turns[s.Turn]
		o.records = append(o.records, StanceRecord{File: d.Input.Name, Seq: t.Seq, Delegation: t.Code, Target: s.Result.Target,
			Label: s.Result.Label, Score: s.Result.Score, Evidence: s.Evidence, Cues: s.Result.Cues})
	}
}

// writeCorpus runs the corpus-level stage and writes delegations.parquet
// and linkage.parquet.
func (o *Output) writeCorpus(ctx context.Context) (delegations, linkage int64, err error) {
	if err := o.corpus.read(ctx, o.tmp); err != nil {
		return 0, 0, err
	}
	codes := make([]string, 0, len(o.corpus.tot))
	for c := range o.corpus.tot {
		codes = append(codes, c)
	}
	o.delegations = stance.Aggregate(o.corpus.turns, codes, o.targetIDs, o.threshold)
	res, sum, err := o.corpus.build(o.delegations, o.targetIDs)
	if err != nil {
		return 0, 0, err
	}
	o.summary = sum
	pos := positionsOf(res)
	w, err := openTable(o, tables.Delegations)
	if err != nil {
		return 0, 0, err
	}
	for _, ds := range o.delegations {
		p, ok := pos[ds.Delegation]
		if !ok {
			p = noPositions
		}
		if err := w.Append(delegationRow(ds, o.corpus.tot[ds.Delegation], p, o.gaz)); err != nil {
			return 0, 0, err
		}
	}
	if err := w.Close(); err != nil {
		return 0, 0, err
	}
	lw, err := openTable(o, tables.Linkage)
	if err != nil {
		return 0, 0, err
	}
	if res != nil {
		for _, row := range res.Linkage {
			if err := lw.Append(tables.LinkageRow{Idx1: row[0], Idx2: row[1], Distance: row[2], Count: row[3]}); err != nil {
				return 0, 0, err
			}
		}
	}
	return w.Rows(), lw.Rows(), lw.Close()
}

// StanceRecord is a turn's stance as a report needs it.
type StanceRecord struct {
	File       string
	Seq        int
	Delegation string
	Target     string
	Label      string
	Score      float64
	Evidence   string
	Cues       []string
}

// Stances returns every turn stance written, in output order.
func (o *Output) Stances() []StanceRecord { return o.records }

// Delegations returns the delegation stances of a committed output.
func (o *Output) Delegations() []stance.DelegationStance { return o.delegations }

// Commit closes the tables, writes the manifest and moves the directory
// into place, replacing a previous output. m is completed with the inputs
// and outputs.
func (o *Output) Commit(ctx context.Context, m *Manifest) error {
	rows := map[string]int64{
		tables.Interventions.Name: o.interventions.Rows(), tables.Sentences.Name: o.sentences.Rows(),
		tables.Tokens.Name: o.tokens.Rows(), tables.Entities.Name: o.entities.Rows(), tables.Stance.Name: o.stance.Rows(),
		tables.Edges.Name: o.edges.Rows(),
	}
	closers := []func() error{o.interventions.Close, o.sentences.Close, o.tokens.Close, o.entities.Close, o.stance.Close, o.edges.Close}
	for _, c := range closers {
		if err := c(); err != nil {
			return err
		}
	}
	t0 := time.Now()
	labelStage("corpus")
	nd, nl, err := o.writeCorpus(ctx)
	pprof.SetGoroutineLabels(ctx)
	if err != nil {
		return err
	}
	if m.Run.StageSeconds == nil {
		m.Run.StageSeconds = map[string]float64{}
	}
	m.Run.StageSeconds["corpus"] = time.Since(t0).Seconds()
	rows[tables.Delegations.Name], rows[tables.Linkage.Name] = nd, nl
	m.Corpus = o.summary
	m.Seeds["kmeans"], m.Seeds["louvain"] = o.corpus.cfg.Seed, o.corpus.cfg.Seed
	if err := o.closeFiles(); err != nil {
		return err
	}
	m.Inputs = o.inputs
	for _, name := range OutputTables {
		out, err := describeOutput(filepath.Join(o.tmp, name+".parquet"), rows[name])
		if err != nil {
			return err
		}
		m.Outputs = append(m.Outputs, out)
	}
	if err := writeJSON(filepath.Join(o.tmp, DataPackageName), newDataPackage(m.Outputs)); err != nil {
		return err
	}
	dp, err := describeOutput(filepath.Join(o.tmp, DataPackageName), -1)
	if err != nil {
		return err
	}
	m.Outputs = append(m.Outputs, dp)
	if !m.started.IsZero() {
		m.Run.WallSeconds = time.Since(m.started).Seconds()
	}
	if err := writeJSON(filepath.Join(o.tmp, ManifestName), m); err != nil {
		return err
	}
	return o.moveIntoPlace()
}

func (o *Output) closeFiles() error {
	for _, f := range o.files {
		if err := f.Sync(); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	o.files = nil
	return nil
}

// moveIntoPlace renames the temporary directory to the final name. A
// previous output is moved aside first and removed only after the new one
// is in place.
func (o *Output) moveIntoPlace() error {
	var old string
	if _, err := os.Stat(o.final); err == nil {
		old = o.tmp + ".old"
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("output: moving the previous %s aside: %w", o.final, err)
		}
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if old != "" {
			_ = os.Rename(old, o.final)
		}
		return fmt.Errorf("output: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("output: removing the previous output: %w", err)
		}
	}
	return nil
}

// Abort removes everything written so far. It is safe to call after a
// failed Commit and more than once.
func (o *Output) Abort() {
	for _, f := range o.files {
		_ = f.Close()
	}
	o.files = nil
	_ = os.RemoveAll(o.tmp)
}

// describeOutput hashes an output file; rows < 0 for files that are not
// tables.
func describeOutput(path string, rows int64) (ManifestOutput, error) {
	f, err := os.Open(path)
	if err != nil {
		return ManifestOutput{}, fmt.Errorf("output: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return ManifestOutput{}, fmt.Errorf("output: hashing %s: %w", path, err)
	}
	out := ManifestOutput{File: filepath.Base(path), SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: n}
	if rows >= 0 {
		out.Rows = &rows
	}
	return out, nil
}

// writeJSON writes v as indented JSON, without HTML escaping (the manifest
// quotes the configuration, which has < and > in it).
func writeJSON(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("output: encoding %s: %w", filepath.Base(path), err)
	}
	f, err := createFile(path)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("output: writing %s: %w", filepath.Base(path), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
