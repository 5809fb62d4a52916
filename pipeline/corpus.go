package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"

	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/features/alignment"
	"github.com/plenary/plenary/models/corpus"
	"github.com/plenary/plenary/models/stance"
	"github.com/plenary/plenary/pipeline/tables"
)

// corpusStage is the corpus-level stage. It accumulates the intervention
// rows as they are written and, after every transcript has been written,
// reads the stance and edge tables back — it never sees the transcripts,
// so that the map over transcripts can later run sharded and the corpus
// stage over the shards' rows. What it holds in memory is per delegation — its term counts for
// the document-feature matrix (bounded by the vocabulary, not by the
// corpus), turn counts, tone sums and stance scores — plus one small
// record per stance row and alignment edge.
type corpusStage struct {
	cfg     config.Corpus
	counter corpus.Counter
	terms   map[string]*termCounts // delegation → its turns' terms
	edges   []corpus.Edge
	turns   []stance.TurnStance
	tot     map[string]*delegationTotals
}

// termCounts are one delegation's term counts and word tokens.
type termCounts struct {
	counts map[string]int
	words  int
}

func newCorpusStage(cfg config.Corpus) *corpusStage {
	return &corpusStage{cfg: cfg, terms: map[string]*termCounts{}, tot: map[string]*delegationTotals{}}
}

// add accumulates one intervention row, as it is written: the
// delegation's term counts, turns, words and tone sums. Doing this while
// the rows stream to the writer, rather than reading interventions.parquet
// back at the end, keeps the text column from being decoded twice and
// takes the work off the run's serial tail.
func (c *corpusStage) add(iv tables.Intervention) {
	code := iv.DelegationCode
	if iv.Role == string(ingest.RoleChair) || code == "" {
		return
	}
	tc := c.terms[code]
	if tc == nil {
		tc = &termCounts{counts: map[string]int{}}
		c.terms[code] = tc
	}
	tc.words += c.counter.Add(tc.counts, iv.Text)
	t := c.tot[code]
	if t == nil {
		t = &delegationTotals{}
		c.tot[code] = t
	}
	t.turns++
	t.words += int(iv.Words)
	nc := int(iv.NCourtesy)
	if ns := int(iv.NSentences) - nc; ns > 0 && !math.IsNaN(iv.ToneSubstantive) {
		t.toneSum += iv.ToneSubstantive * float64(ns)
		t.toneN += ns
	}
	if nc > 0 && !math.IsNaN(iv.ToneCourtesy) {
		t.courtesySum += iv.ToneCourtesy * float64(nc)
		t.courtesyN += nc
	}
}

// read loads the rest of the corpus stage's inputs from the tables in
// dir: the stance rows and the alignment edges.
func (c *corpusStage) read(ctx context.Context, dir string) error {
	table := func(t string) string { return filepath.Join(dir, t+".parquet") }
	err := tables.Scan(ctx, table(tables.Stance.Name), []string{"intervention_id", "delegation_code", "target", "label", "raw_score"}, func(r tables.Row) error {
		c.turns = append(c.turns, stance.TurnStance{InterventionID: r.Str("intervention_id"), Delegation: r.Str("delegation_code"),
			Target: r.Str("target"), Label: r.Str("label"), Raw: r.Float("raw_score")})
		return nil
	})
	if err != nil {
		return err
	}
	return tables.Scan(ctx, table(tables.Edges.Name), []string{"source_code", "target_code", "kind"}, func(r tables.Row) error {
		if r.Str("kind") != string(alignment.Disagrees) {
			c.edges = append(c.edges, corpus.Edge{Source: r.Str("source_code"), Target: r.Str("target_code"), Weight: 1})
		}
		return nil
	})
}

// CorpusSummary is the manifest's record of the corpus-level models.
type CorpusSummary struct {
	Delegations   int        `json:"delegations"`
	Included      int        `json:"included"`
	Features      int        `json:"features"`
	Weighting     string     `json:"weighting"`
	K             int        `json:"k"`
	Silhouette    float64    `json:"silhouette"`
	Modularity    float64    `json:"modularity"`
	Communities   int        `json:"communities"`
	PCVariance    [2]float64 `json:"pc_variance"`
	WordfishDir   []string   `json:"wordfish_dir,omitempty"`
	WordfishIters int        `json:"wordfish_iterations"`
	Note          string     `json:"note,omitempty"`
}

// build runs the corpus models. With too few delegations to place, it
// returns no positions and a note rather than failing the run.
func (c *corpusStage) build(ds []stance.DelegationStance, targetIDs []string) (*corpus.Result, CorpusSummary, error) {
	inputs := c.inputs(ds, c.tot)
	opt := corpus.Options{Seed: c.cfg.Seed, K: c.cfg.K, KMax: c.cfg.KMax, MinWords: c.cfg.MinWords,
		WordscoresRef: c.cfg.WordscoresRef, Targets: targetIDs}
	sum := CorpusSummary{Delegations: len(inputs)}
	if len(c.cfg.WordfishDir) == 2 && c.terms[c.cfg.WordfishDir[0]] != nil && c.terms[c.cfg.WordfishDir[1]] != nil {
		opt.WordfishDir = [2]string{c.cfg.WordfishDir[0], c.cfg.WordfishDir[1]}
	}
	res, err := corpus.Build(inputs, c.edges, opt)
	if errors.Is(err, corpus.ErrInput) && opt.WordfishDir != ([2]string{}) {
		// A direction delegation below min_words: fall back to the default.
		opt.WordfishDir = [2]string{}
		res, err = corpus.Build(inputs, c.edges, opt)
	}
	if errors.Is(err, corpus.ErrTooFewDelegations) {
		sum.Note = "no positions: " + err.Error()
		return nil, sum, nil
	}
	if err != nil {
		return nil, sum, fmt.Errorf("corpus stage: %w", err)
	}
	if opt.WordfishDir != ([2]string{}) {
		sum.WordfishDir = opt.WordfishDir[:]
	}
	for _, p := range res.Positions {
		if p.Included {
			sum.Included++
		}
	}
	sum.Features, sum.Weighting, sum.K, sum.Silhouette = len(res.Features), res.Weighting, res.K, res.Silhouette
	sum.Modularity, sum.Communities, sum.PCVariance, sum.WordfishIters = res.Modularity, len(res.Communities), res.PCVariance, res.WordfishIterations
	if math.IsNaN(sum.Modularity) {
		sum.Modularity = 0
	}
	return res, sum, nil
}

// inputs assembles one DelegationInput per speaking delegation, sorted by
// code.
func (c *corpusStage) inputs(ds []stance.DelegationStance, totals map[string]*delegationTotals) []corpus.DelegationInput {
	scores := map[string]map[string]float64{}
	for _, d := range ds {
		if d.Label == stance.None {
			continue
		}
		if scores[d.Delegation] == nil {
			scores[d.Delegation] = map[string]float64{}
		}
		scores[d.Delegation][d.Target] = d.Score
	}
	codes := make([]string, 0, len(c.terms))
	for code := range c.terms {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	out := make([]corpus.DelegationInput, 0, len(codes))
	for _, code := range codes {
		tone := math.NaN()
		if t := totals[code]; t != nil {
			tone = meanOrNaN(t.toneSum, t.toneN)
		}
		out = append(out, corpus.DelegationInput{Code: code, Counts: c.terms[code].counts, Words: c.terms[code].words, Stance: scores[code], Sentiment: tone})
	}
	return out
}

// positionsOf indexes a result's positions by code, with leaf indexes.
func positionsOf(res *corpus.Result) map[string]tables.Positions {
	out := map[string]tables.Positions{}
	if res == nil {
		return out
	}
	leaf := map[string]int32{}
	for i, code := range res.LinkageLabels {
		leaf[code] = int32(i)
	}
	for _, p := range res.Positions {
		l, ok := leaf[p.Code]
		if !ok {
			l = -1
		}
		out[p.Code] = tables.Positions{Included: p.Included, PC1: p.PC1, PC2: p.PC2, WordfishTheta: p.WordfishTheta, WordfishSE: p.WordfishSE,
			Wordscore: p.Wordscore, WordscoreSE: p.WordscoreSE, KMeans: int32(p.KMeans), Ward: int32(p.Ward), Community: int32(p.Community), LeafIndex: l}
	}
	return out
}

// noPositions is the Positions of a delegation the corpus models did not
// place.
var noPositions = tables.Positions{PC1: math.NaN(), PC2: math.NaN(), WordfishTheta: math.NaN(), WordfishSE: math.NaN(),
	Wordscore: math.NaN(), WordscoreSE: math.NaN(), KMeans: -1, Ward: -1, Community: -1, LeafIndex: -1}
