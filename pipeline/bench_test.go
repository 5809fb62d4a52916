package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"
	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/nlp"
)

// benchInputs returns copies copies of the embedded corpus under distinct
// names.
func benchInputs(b *testing.B, copies int) ([]Input, int) {
	b.Helper()
	files, err := datasets.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	var out []Input
	size := 0
	for c := range copies {
		for _, f := range files {
			out = append(out, Input{Path: f.Name, Name: fmt.Sprintf("copy%03d-%s", c, f.Name), read: func() ([]byte, error) { return f.Data, nil }})
			size += len(f.Data)
		}
	}
	return out, size
}

// BenchmarkPipeline runs the whole pipeline (ingest, nlp, Parquet writing,
// manifest) over copies of the corpus, with and without prose's entity
// recogniser.
func BenchmarkPipeline(b *testing.B) {
	inputs, size := benchInputs(b, 4)
	for _, opt := range []nlp.Options{{ProseEntities: false}, {ProseEntities: true}} {
		b.Run(fmt.Sprintf("prose-entities=%t", opt.ProseEntities), func(b *testing.B) {
			b.SetBytes(int64(size))
			var tokens int
			for b.Loop() {
				m, err := Execute(context.Background(), Job{Inputs: inputs, OutDir: filepath.Join(b.TempDir(), "out"), NLP: opt})
				if err != nil {
					b.Fatal(err)
				}
				tokens = m.Manifest.Totals.Tokens
			}
			b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkProseBaseline is prose v3's own NewDocument with default options
// (tokens, sentences, tags, entities) over the same corpus, one file at a
// time, for comparison with BenchmarkPipeline.
func BenchmarkProseBaseline(b *testing.B) {
	inputs, size := benchInputs(b, 1)
	b.SetBytes(int64(size))
	var tokens int
	for b.Loop() {
		tokens = 0
		for _, in := range inputs {
			raw, _ := in.Read()
			doc, err := prose.NewDocument(string(raw))
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(doc.Tokens())
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkIngest measures the ingest stage alone on the corpus.
func BenchmarkIngest(b *testing.B) {
	inputs, size := benchInputs(b, 1)
	cfg, err := loadConfig("")
	if err != nil {
		b.Fatal(err)
	}
	ing := ingest.New(cfg, gazetteer.Default())
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, in := range inputs {
			raw, _ := in.Read()
			if _, err := ing.Parse(in.Name, raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// annotatedCorpus ingests and annotates the embedded corpus once, for the
// benchmarks of the later stages.
func annotatedCorpus(b *testing.B) ([]*Document, Options) {
	b.Helper()
	cfg, err := loadConfig("")
	if err != nil {
		b.Fatal(err)
	}
	ts, lex, err := loadStance("", "")
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Workers: 1, Config: cfg, Gazetteer: gazetteer.Default(), NLP: DefaultNLP, Targets: ts, Lexicon: lex}
	ing := ingest.New(cfg, opt.Gazetteer)
	ann, err := nlp.New(opt.Gazetteer, opt.NLP)
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := benchInputs(b, 1)
	clock := &stageClock{d: map[string]time.Duration{}}
	var docs []*Document
	for i, in := range inputs {
		d := &Document{Index: i, Input: in}
		if err := ingestOne(ing, d, false, clock); err != nil {
			b.Fatal(err)
		}
		if err := annotateOne(ann, d, clock); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs, opt
}

// BenchmarkAnnotateStage measures the nlp stage (sentences, tokens, tags,
// gazetteer and windowed prose entities) on the corpus.
func BenchmarkAnnotateStage(b *testing.B) {
	docs, opt := annotatedCorpus(b)
	ann, err := nlp.New(opt.Gazetteer, opt.NLP)
	if err != nil {
		b.Fatal(err)
	}
	clock := &stageClock{d: map[string]time.Duration{}}
	benchDocs(b, docs, func(d *Document) error { return annotateOne(ann, d, clock) })
}

// BenchmarkFeatureStage measures tone, alignment edges and stance on the
// annotated corpus.
func BenchmarkFeatureStage(b *testing.B) {
	docs, opt := annotatedCorpus(b)
	st, err := newFeatureStage(opt)
	if err != nil {
		b.Fatal(err)
	}
	clock := &stageClock{d: map[string]time.Duration{}}
	benchDocs(b, docs, func(d *Document) error {
		d.Stances, d.Edges = nil, nil
		return st.run(d, clock)
	})
}

// benchDocs times fn over every document of the corpus and reports words
// per second.
func benchDocs(b *testing.B, docs []*Document, fn func(*Document) error) {
	b.Helper()
	words := corpusWords(docs)
	for b.Loop() {
		for _, d := range docs {
			if err := fn(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkWriteStage measures writing the per-transcript tables
// (interventions, sentences, tokens, entities, stance, edges) of the corpus.
func BenchmarkWriteStage(b *testing.B) {
	docs, opt := annotatedCorpus(b)
	st, err := newFeatureStage(opt)
	if err != nil {
		b.Fatal(err)
	}
	clock := &stageClock{d: map[string]time.Duration{}}
	for _, d := range docs {
		if err := st.run(d, clock); err != nil {
			b.Fatal(err)
		}
	}
	words := corpusWords(docs)
	for b.Loop() {
		out, err := CreateOutput(filepath.Join(b.TempDir(), "out"), false, opt.Gazetteer, opt.Targets.IDs(), opt.Lexicon.Threshold, opt.Config.Corpus)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := out.Write(d); err != nil {
				b.Fatal(err)
			}
		}
		out.Abort()
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func corpusWords(docs []*Document) int {
	n := 0
	for _, d := range docs {
		for _, t := range d.Transcript.Turns {
			n += len(strings.Fields(t.Text))
		}
	}
	return n
}
