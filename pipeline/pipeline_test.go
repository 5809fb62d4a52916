package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/pipeline/tables"
)

var tableFiles = []string{"interventions.parquet", "sentences.parquet", "tokens.parquet", "entities.parquet", "stance.parquet", "edges.parquet", "delegations.parquet", "linkage.parquet"}

// runCorpus runs the embedded corpus into a fresh directory.
func runCorpus(t *testing.T, workers int) (string, *Manifest) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	rep, err := Execute(context.Background(), Job{OutDir: out, Workers: workers, NLP: DefaultNLP})
	if err != nil {
		t.Fatal(err)
	}
	return out, rep.Manifest
}

// TestDeterministicAcrossWorkers is the reproducibility promise: the same
// inputs give byte-identical Parquet files whatever the number of workers.
func TestDeterministicAcrossWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the corpus twice")
	}
	one, _ := runCorpus(t, 1)
	four, _ := runCorpus(t, 4)
	for _, name := range tableFiles {
		a, err := os.ReadFile(filepath.Join(one, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(four, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between --workers 1 and --workers 4", name)
		}
	}
}

// TestReadBack reads every table back with the Parquet reader and checks
// schema, row counts against the manifest, and the attribution of the four
// speeches whose heading is missing.
func TestReadBack(t *testing.T) {
	out, m := runCorpus(t, 2)
	schemas := map[string]*arrow.Schema{
		"interventions.parquet": tables.Interventions.Schema(), "sentences.parquet": tables.Sentences.Schema(),
		"tokens.parquet": tables.Tokens.Schema(), "entities.parquet": tables.Entities.Schema(),
		"stance.parquet": tables.Stance.Schema(), "delegations.parquet": tables.Delegations.Schema(),
		"edges.parquet": tables.Edges.Schema(), "linkage.parquet": tables.Linkage.Schema(),
	}
	rows := map[string]int64{}
	for _, o := range m.Outputs {
		if o.Rows != nil {
			rows[o.File] = *o.Rows
		}
	}
	for name, schema := range schemas {
		tbl := readTable(t, filepath.Join(out, name))
		if got := fieldList(tbl.Schema()); got != fieldList(schema) {
			t.Errorf("%s schema:\n got %s\nwant %s", name, got, fieldList(schema))
		}
		if tbl.NumRows() != rows[name] || rows[name] == 0 {
			t.Errorf("%s has %d rows, manifest says %d", name, tbl.NumRows(), rows[name])
		}
		tbl.Release()
	}
	tbl := readTable(t, filepath.Join(out, "interventions.parquet"))
	defer tbl.Release()
	inferred := map[string]string{}
	ids, codes, flags := column[*array.String](t, tbl, "intervention_id"), column[*array.String](t, tbl, "delegation_code"), column[*array.Boolean](t, tbl, "speaker_inferred")
	for i := 0; i < ids.Len(); i++ {
		if flags.Value(i) {
			inferred[ids.Value(i)] = codes.Value(i)
		}
	}
	want := map[string]string{"oewg2-s1-m8.t064": "CUB", "oewg2-s1-m8.t070": "IRN", "oewg2-s1-m9.t048": "IRQ", "oewg2-s1-m9.t106": "CUB"}
	if len(inferred) != len(want) {
		t.Errorf("inferred speakers %v, want %v", inferred, want)
	}
	for id, code := range want {
		if inferred[id] != code {
			t.Errorf("%s attributed to %q, want %s", id, inferred[id], code)
		}
	}
}

// fieldList renders names, types and nullability, ignoring the Parquet
// field-id metadata the reader adds.
func fieldList(s *arrow.Schema) string {
	var b strings.Builder
	for _, f := range s.Fields() {
		b.WriteString(f.Name + ":" + f.Type.String())
		if f.Nullable {
			b.WriteString("?")
		}
		b.WriteString(" ")
	}
	return b.String()
}

func readTable(t *testing.T, path string) arrow.Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pf, err := file.NewParquetReader(f)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if got := pf.MetaData().GetCreatedBy(); got != "plenary version "+Version {
		t.Errorf("%s created_by %q", path, got)
	}
	r, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := r.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func column[A arrow.Array](t *testing.T, tbl arrow.Table, name string) A {
	t.Helper()
	idx := tbl.Schema().FieldIndices(name)
	if len(idx) != 1 {
		t.Fatalf("no column %s", name)
	}
	chunks := tbl.Column(idx[0]).Data().Chunks()
	if len(chunks) != 1 {
		t.Fatalf("column %s has %d chunks", name, len(chunks))
	}
	return chunks[0].(A)
}

// TestBadInputLeavesNothing checks that every kind of refused input names
// the file, is a bad-input error, and leaves no output directory and no
// temporary files behind.
func TestBadInputLeavesNothing(t *testing.T) {
	good := "Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you.\n"
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"binary", map[string]string{"a.txt": good, "b.txt": "\x89PNG\r\n\x1a\n\x00\x00"}, "b.txt: line 3: binary data (a NUL byte"},
		{"latin-1", map[string]string{"a.txt": good, "c.txt": "Chair\n\nCaf\xe9"}, "c.txt: line 3: not valid UTF-8"},
		{"empty", map[string]string{"a.txt": good, "d.txt": ""}, "d.txt: the file is empty"},
		{"no speaker", map[string]string{"e.txt": "Notes\n\nnothing here at all.\n"}, "e.txt: no recognisable speaker"},
		{"no transcripts", map[string]string{"README.md": "# notes"}, "contains no transcripts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			in := filepath.Join(root, "in")
			if err := os.Mkdir(in, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, body := range c.files {
				if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(root, "out")
			_, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out, Workers: 2})
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ingest.ErrBadInput) {
				t.Fatalf("error %v, want a bad-input error containing %q", err, c.want)
			}
			entries, _ := os.ReadDir(root)
			if len(entries) != 1 || entries[0].Name() != "in" {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func TestRefusesForeignOutputDir(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Execute(context.Background(), Job{OutDir: out, Workers: 1})
	if !errors.Is(err, ErrNotOurs) {
		t.Fatalf("error %v, want ErrNotOurs", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "thesis.tex")); err != nil || string(b) != "precious" {
		t.Fatal("the foreign file was touched")
	}
}

func TestReplacesOwnOutputDir(t *testing.T) {
	in := filepath.Join(t.TempDir(), "m.txt")
	if err := os.WriteFile(in, []byte("Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	for range 2 {
		if _, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out, Workers: 1}); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) != len(tableFiles)+2 {
		t.Fatalf("output holds %v (%v)", entries, err)
	}
}

// TestVerify: a fresh output verifies; a changed byte, a missing file or
// an unlisted file does not.
func TestVerify(t *testing.T) {
	in := filepath.Join(t.TempDir(), "m.txt")
	if err := os.WriteFile(in, []byte("Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you. We support the Programme of Action.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if n, err := Verify(out); err != nil || n != len(tableFiles)+1 {
		t.Fatalf("fresh output: %d files, %v", n, err)
	}
	corrupt := func(name string, f func(path string)) {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "copy")
		if err := os.CopyFS(dir, os.DirFS(out)); err != nil {
			t.Fatal(err)
		}
		f(filepath.Join(dir, name))
		if _, err := Verify(dir); !errors.Is(err, ErrVerify) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: Verify = %v", name, err)
		}
	}
	for _, name := range append(tableFiles, DataPackageName) {
		corrupt(name, func(p string) {
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 1
			os.WriteFile(p, b, 0o644)
		})
	}
	corrupt("stance.parquet", func(p string) { os.Remove(p) })
	corrupt("extra.parquet", func(p string) { os.WriteFile(p, []byte("x"), 0o644) })
}

// TestDataPackage checks the Frictionless descriptor lists every table
// with its checksum and typed fields.
func TestDataPackage(t *testing.T) {
	in := filepath.Join(t.TempDir(), "m.txt")
	if err := os.WriteFile(in, []byte("Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	rep, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(out, DataPackageName))
	if err != nil {
		t.Fatal(err)
	}
	var dp dataPackage
	if err := json.Unmarshal(raw, &dp); err != nil {
		t.Fatal(err)
	}
	if len(dp.Resources) != len(tableFiles) {
		t.Fatalf("%d resources, want %d", len(dp.Resources), len(tableFiles))
	}
	hashes := map[string]string{}
	for _, o := range rep.Manifest.Outputs {
		hashes[o.File] = "sha256:" + o.SHA256
	}
	for _, r := range dp.Resources {
		if r.Hash != hashes[r.Path] || len(r.Schema.Fields) == 0 || r.Format != "parquet" {
			t.Errorf("resource %s: hash %s (manifest %s), %d fields", r.Name, r.Hash, hashes[r.Path], len(r.Schema.Fields))
		}
		for _, f := range r.Schema.Fields {
			if f.Type == "any" {
				t.Errorf("%s.%s has no type", r.Name, f.Name)
			}
		}
	}
}

// TestInterruptLeavesNothing cancels a run after its first document: the
// run fails with the cancellation, and neither the output directory nor a
// temporary directory is left behind.
func TestInterruptLeavesNothing(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		body := fmt.Sprintf("Chair\n\nGood morning. Cuba, please.\n\nCuba\n\nThank you, number %d.\n", i)
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("m%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(root, "out")
	_, err := Execute(ctx, Job{Paths: []string{in}, OutDir: out, Workers: 2, Progress: func(done, total int, d *Document) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestStrict(t *testing.T) {
	in := filepath.Join(t.TempDir(), "w.txt")
	if err := os.WriteFile(in, []byte("Chair\n\nCuba, please.\n\nThank you, Chair. We speak without a heading.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out}); err != nil {
		t.Fatalf("lenient run: %v", err)
	}
	out2 := filepath.Join(t.TempDir(), "out")
	_, err := Execute(context.Background(), Job{Paths: []string{in}, OutDir: out2, Strict: true})
	if !errors.Is(err, ingest.ErrBadInput) || !strings.Contains(err.Error(), "w.txt: line 5: no heading") || !strings.Contains(err.Error(), "--strict") {
		t.Fatalf("strict run: %v", err)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Error("strict failure left output")
	}
}

// fullDisk is an output file that fails with ENOSPC after limit bytes, as
// a write on a full disk does.
type fullDisk struct {
	f     *os.File
	limit *int
}

func (d fullDisk) Write(p []byte) (int, error) {
	if len(p) > *d.limit {
		n, _ := d.f.Write(p[:*d.limit])
		*d.limit = 0
		return n, &os.PathError{Op: "write", Path: d.f.Name(), Err: syscall.ENOSPC}
	}
	*d.limit -= len(p)
	return d.f.Write(p)
}
func (d fullDisk) Sync() error  { return d.f.Sync() }
func (d fullDisk) Close() error { return d.f.Close() }

// TestDiskFull: running out of space while writing gives a clear error and
// leaves no partial output, at any point of the writing.
func TestDiskFull(t *testing.T) {
	saved := createFile
	defer func() { createFile = saved }()
	for _, budget := range []int{0, 5000, 200000, 800000} { // the corpus output is about 0.9 MB
		limit := budget
		createFile = func(p string) (outFile, error) {
			f, err := os.Create(p)
			return fullDisk{f, &limit}, err
		}
		root := t.TempDir()
		_, err := Execute(context.Background(), Job{OutDir: filepath.Join(root, "out"), Workers: 2})
		if err == nil || !strings.Contains(err.Error(), "no space left on device") {
			t.Errorf("budget %d: error %v, want one about space", budget, err)
		}
		if entries, _ := os.ReadDir(root); len(entries) != 0 {
			t.Errorf("budget %d: left behind %v", budget, entries)
		}
	}
}
