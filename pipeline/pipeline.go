// Package pipeline wires plenary's stages together: inputs are read and
// ingested, annotated by nlp, and handed in input order to a Sink that
// writes the tables.
//
// A pool of workers takes one transcript at a time through the
// per-transcript stages in order (ingest, nlp, then sentiment, alignment
// and stance), and a bounded channel hands the finished documents to the
// sink; an errgroup cancels everything on the first error. Files finish in
// any order, and a reorder buffer restores input order before the sink, so
// the output never depends on scheduling or on the number of workers. The
// number of files in flight is bounded too, so memory does not grow with
// the size of the corpus.
//
// One worker carries a transcript through all its stages, rather than one
// pool per stage passing it on, because the hand-offs between pools cost
// more than they gain: every transcript is independent, so the workers are
// busy either way, and fewer goroutines than cores to switch between keeps
// the stage clock close to the CPU each stage uses.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/features/alignment"
	"github.com/plenary/plenary/features/cues"
	"github.com/plenary/plenary/features/sentiment"
	"github.com/plenary/plenary/features/targets"
	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/nlp"
	"golang.org/x/sync/errgroup"
)

// Version is plenary's version. It is written into every Parquet footer
// and the manifest.
const Version = "0.1.0"

// Document is one processed transcript: the turns and their annotations.
type Document struct {
	Index       int // position in the input list
	Input       Input
	SHA256      string
	Size        int64
	Transcript  *ingest.Transcript
	Annotations []nlp.Annotation       // one per turn, same order
	Stances     []TurnStance           // in turn order, then target order
	Tone        [][]sentiment.Sentence // per turn, per sentence
	Edges       []EdgeRecord           // in turn order
}

// Sink receives documents in input order, one at a time.
type Sink interface {
	Write(*Document) error
}

// Options configure a run.
type Options struct {
	Workers   int // transcripts processed at once; <= 0 means the number of CPUs
	Config    *config.Config
	Gazetteer *gazetteer.Gazetteer
	NLP       nlp.Options
	Targets   *targets.Set
	Lexicon   *cues.Lexicon
	// Strict turns every ingest warning into an error.
	Strict bool
	// Progress, if set, is called from a single goroutine after each
	// document has been written.
	Progress func(done, total int, doc *Document)
}

// Stats are the totals and timings of a run.
type Stats struct {
	Files, Turns, Tokens, Sentences, Entities int
	Delegations                               int
	Warnings                                  int
	// StageSeconds is the time spent in each stage, summed over workers
	// (see stageClock), so it can exceed the wall time.
	StageSeconds map[string]float64
	WallSeconds  float64

	codes map[string]bool
}

// stageClock sums the wall time spent in each stage over all workers.
// With no more workers than cores each worker nearly always holds a core,
// so a stage's figure is close to the CPU it used; with more workers than
// cores it also counts the time a worker waited for one. (Timing each
// stage's CPU exactly would need every worker locked to its own OS thread,
// which cost a tenth of the throughput on two cores.) For exact CPU time
// per stage, each stage also labels the goroutine that runs it with
// StageLabel, so that a CPU profile of the run (plenary run --cpuprofile)
// splits its samples by stage; plenary bench reports them.
type stageClock struct {
	mu sync.Mutex
	d  map[string]time.Duration
}

// StageLabel is the pprof label key whose value names the stage a sample
// of a CPU profile was taken in: ingest, nlp, sentiment, alignment,
// stance, write or corpus.
const StageLabel = "stage"

// enter starts stage on the calling goroutine: it labels the goroutine
// for CPU profiles and returns the time to pass to since.
func (c *stageClock) enter(stage string) time.Time {
	labelStage(stage)
	return time.Now()
}

// since adds the time from m to now to stage.
func (c *stageClock) since(stage string, m time.Time) {
	d := time.Since(m)
	c.mu.Lock()
	c.d[stage] += d
	c.mu.Unlock()
}

// labelStage sets the calling goroutine's pprof labels to stage.
func labelStage(stage string) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels(StageLabel, stage)))
}

// Run processes inputs and writes every document to sink in input order.
func Run(ctx context.Context, inputs []Input, opt Options, sink Sink) (Stats, error) {
	start := time.Now()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ann, err := nlp.New(opt.Gazetteer, opt.NLP)
	if err != nil {
		return Stats{}, err
	}
	ing := ingest.New(opt.Config, opt.Gazetteer)
	st, err := newFeatureStage(opt)
	if err != nil {
		return Stats{}, err
	}
	clock := &stageClock{d: map[string]time.Duration{}}

	g, ctx := errgroup.WithContext(ctx)
	window := make(chan struct{}, 4*workers) // documents in flight
	jobs := source(ctx, g, inputs, window)
	var failed firstError
	featured := stage(ctx, g, workers, jobs, &failed, func(d *Document) error {
		if err := ingestOne(ing, d, opt.Strict, clock); err != nil {
			return err
		}
		if err := annotateOne(ann, d, clock); err != nil {
			return err
		}
		return st.run(d, clock)
	})
	stats := Stats{StageSeconds: map[string]float64{}}
	g.Go(func() error {
		return reorder(ctx, featured, len(inputs), window, func(d *Document) error {
			t0 := clock.enter("write")
			if err := sink.Write(d); err != nil {
				return err
			}
			clock.since("write", t0)
			stats.count(d)
			if opt.Progress != nil {
				opt.Progress(stats.Files, len(inputs), d)
			}
			return nil
		})
	})
	if err := g.Wait(); err != nil {
		if failed.err != nil {
			// A document's own error, not the reorder buffer's report of
			// the document that never arrived because of it.
			return stats, failed.err
		}
		return stats, err
	}
	for k, v := range clock.d {
		stats.StageSeconds[k] = v.Seconds()
	}
	stats.WallSeconds = time.Since(start).Seconds()
	return stats, nil
}

func newFeatureStage(opt Options) (*featureStage, error) {
	tone, err := sentiment.New()
	if err != nil {
		return nil, err
	}
	align, err := alignment.New(opt.Gazetteer)
	if err != nil {
		return nil, err
	}
	sm, err := stance.DefaultSentenceModel()
	if err != nil {
		return nil, err
	}
	return &featureStage{
		set:      opt.Targets,
		resolver: targets.NewResolver(opt.Targets, opt.Gazetteer),
		model:    stance.New(opt.Lexicon, opt.Targets).WithSentences(sm),
		tone:     tone,
		align:    align,
	}, nil
}

// source emits one document per input, waiting for a free slot in the
// window so that at most cap(window) documents are in flight.
func source(ctx context.Context, g *errgroup.Group, inputs []Input, window chan struct{}) <-chan *Document {
	out := make(chan *Document)
	g.Go(func() error {
		defer close(out)
		for i, in := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case out <- &Document{Index: i, Input: in}:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	return out
}

// firstError keeps the first error a worker met. A worker's error reaches
// the errgroup only after the worker has returned, and by then the closing
// of its output may already have let the reorder buffer report a missing
// document; the run reports the worker's error instead.
type firstError struct {
	once sync.Once
	err  error
}

// set records err if it is the first and returns it.
func (f *firstError) set(err error) error {
	f.once.Do(func() { f.err = err })
	return err
}

// stage runs fn on every document from in with the given number of
// workers and passes the documents on; it closes its output when all
// workers are done.
func stage(ctx context.Context, g *errgroup.Group, workers int, in <-chan *Document, failed *firstError, fn func(*Document) error) <-chan *Document {
	out := make(chan *Document, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for d := range in {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := fn(d); err != nil {
					return failed.set(err)
				}
				select {
				case out <- d:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// reorder hands documents to emit in input order, buffering those that
// arrive early, and frees a window slot after each one.
func reorder(ctx context.Context, in <-chan *Document, total int, window chan struct{}, emit func(*Document) error) error {
	pending := map[int]*Document{}
	next := 0
	for d := range in {
		pending[d.Index] = d
		for pending[next] != nil {
			d := pending[next]
			delete(pending, next)
			if err := emit(d); err != nil {
				return err
			}
			next++
			<-window
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if next != total {
		return fmt.Errorf("pipeline: %d of %d documents were processed", next, total)
	}
	return nil
}

func ingestOne(ing *ingest.Ingester, d *Document, strict bool, clock *stageClock) error {
	t0 := clock.enter("ingest")
	raw, err := d.Input.Read()
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	d.SHA256, d.Size = hex.EncodeToString(sum[:]), int64(len(raw))
	tr, err := ing.Parse(d.Input.Path, raw)
	if err != nil {
		return err
	}
	if strict && len(tr.Warnings) > 0 {
		w := tr.Warnings[0]
		return &ingest.InputError{File: w.File, Line: w.Line, Msg: w.Msg + fmt.Sprintf(" (--strict: %d warnings in this file)", len(tr.Warnings))}
	}
	d.Transcript = tr
	clock.since("ingest", t0)
	return nil
}

func annotateOne(a *nlp.Annotator, d *Document, clock *stageClock) error {
	t0 := clock.enter("nlp")
	d.Annotations = make([]nlp.Annotation, len(d.Transcript.Turns))
	for i, t := range d.Transcript.Turns {
		d.Annotations[i] = a.Annotate(t.Text, t.Start)
	}
	clock.since("nlp", t0)
	return nil
}

func (s *Stats) count(d *Document) {
	s.Files++
	s.Turns += len(d.Transcript.Turns)
	s.Warnings += len(d.Transcript.Warnings)
	if s.codes == nil {
		s.codes = map[string]bool{}
	}
	for _, t := range d.Transcript.Turns {
		if t.Code != "" && !s.codes[t.Code] {
			s.codes[t.Code] = true
			s.Delegations++
		}
	}
	for _, a := range d.Annotations {
		s.Tokens += len(a.Tokens)
		s.Sentences += len(a.Sentences)
		s.Entities += len(a.Entities)
	}
}
