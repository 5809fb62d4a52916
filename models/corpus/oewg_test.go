package corpus_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/plenary/plenary/datasets"
	"github.com/plenary/plenary/datasets/config"
	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
	"github.com/plenary/plenary/features/alignment"
	"github.com/plenary/plenary/models/corpus"
	"github.com/plenary/plenary/nlp"
	"github.com/plenary/plenary/pipeline"
)

// The two camps of the OEWG debate on the future of regular institutional
// dialogue (meeting 9, item 5): delegations that want cyber negotiations
// to stay in the OEWG, and co-sponsors of the Programme of Action.
var (
	oewgCamp = []string{"CHN", "CUB", "IRN", "RUS", "SYR"}
	poaCamp  = []string{"AUS", "CHE", "DEU", "EGY", "EU", "FRA", "GBR", "JPN", "NLD"}
)

// oewgInputs runs the whole pipeline on the embedded corpus and returns the
// corpus stage's input: every delegation's turns (from ingest) and its
// stance scores (from the pipeline's report), the alignment network (the
// positive edges of features/alignment, weight 1 each) and the report's
// targets.
func oewgInputs(t *testing.T) ([]corpus.DelegationInput, []corpus.Edge, []string) {
	t.Helper()
	rep, err := pipeline.Execute(context.Background(), pipeline.Job{OutDir: t.TempDir(), NLP: nlp.Options{}})
	if err != nil {
		t.Fatal(err)
	}
	byCode := make(map[string]*corpus.DelegationInput)
	get := func(code string) *corpus.DelegationInput {
		if byCode[code] == nil {
			byCode[code] = &corpus.DelegationInput{Code: code, Stance: map[string]float64{}, Sentiment: math.NaN()}
		}
		return byCode[code]
	}
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := ingest.New(cfg, gazetteer.Default())
	ax, err := alignment.New(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	var edges []corpus.Edge
	files, err := datasets.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		tr, err := in.Parse(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, turn := range tr.Turns {
			if turn.Code != "" && (turn.Role == ingest.RoleDelegation || turn.Role == ingest.RoleObserver) {
				d := get(turn.Code)
				d.Texts = append(d.Texts, turn.Text)
				for _, e := range ax.Extract(turn.Text, turn.Code) {
					if e.Kind == alignment.Disagrees {
						continue
					}
					src := e.Source
					if src == "" {
						src = turn.Code
					}
					edges = append(edges, corpus.Edge{Source: src, Target: e.Target, Weight: 1})
				}
			}
		}
	}
	for _, s := range rep.Delegations {
		if s.Score != 0 {
			if d := byCode[s.Delegation]; d != nil {
				d.Stance[s.Target] = s.Score
			}
		}
	}
	var dels []corpus.DelegationInput
	for _, d := range byCode {
		dels = append(dels, *d)
	}
	return dels, edges, rep.Targets
}

// TestOEWGCorpus is the acceptance check on the real corpus: the
// delegations that argue for keeping cyber negotiations in the OEWG sit
// apart from the POA's co-sponsors on the map and in the clusters.
func TestOEWGCorpus(t *testing.T) {
	dels, edges, targets := oewgInputs(t)
	res, err := corpus.Build(dels, edges, corpus.Options{Seed: 1, Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	pos := make(map[string]corpus.Position)
	var mean float64
	var n int
	for _, p := range res.Positions {
		pos[p.Code] = p
		if p.Included {
			mean += p.PC1
			n++
		}
	}
	mean /= float64(n)

	camp := func(codes []string) (meanPC1 float64, majority int) {
		votes := make(map[int]int)
		for _, c := range codes {
			p, ok := pos[c]
			if !ok || !p.Included {
				t.Fatalf("%s is not an included delegation", c)
			}
			meanPC1 += p.PC1 / float64(len(codes))
			votes[p.KMeans]++
		}
		majority = -1
		for k := 0; k < res.K; k++ {
			if majority < 0 || votes[k] > votes[majority] {
				majority = k
			}
		}
		return meanPC1, majority
	}
	oewgPC1, oewgCluster := camp(oewgCamp)
	poaPC1, poaCluster := camp(poaCamp)
	if (oewgPC1-mean)*(poaPC1-mean) >= 0 {
		t.Errorf("mean PC1: OEWG camp %.3f, POA camp %.3f, all %.3f: not on opposite sides", oewgPC1, poaPC1, mean)
	}
	if oewgCluster == poaCluster {
		t.Errorf("both camps' majority is k-means cluster %d", oewgCluster)
	}

	ps := slices.Clone(res.Positions)
	slices.SortStableFunc(ps, func(a, b corpus.Position) int {
		switch {
		case !a.Included || !b.Included:
			return boolCmp(!a.Included, !b.Included)
		case a.PC1 < b.PC1:
			return -1
		case a.PC1 > b.PC1:
			return 1
		}
		return 0
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%-5s %-4s %6s %7s %7s %7s %7s %7s %6s %4s %4s\n", "code", "camp", "words", "pc1", "pc2", "poa", "modal", "θ_wf", "kmeans", "ward", "comm")
	for _, p := range ps {
		tag := ""
		switch {
		case slices.Contains(oewgCamp, p.Code):
			tag = "OEWG"
		case slices.Contains(poaCamp, p.Code):
			tag = "POA"
		}
		st := stanceOf(dels, p.Code)
		fmt.Fprintf(&b, "%-5s %-4s %6d %+7.3f %+7.3f %+7.2f %+7.2f %+7.3f %6d %4d %4d\n",
			p.Code, tag, p.Words, p.PC1, p.PC2, st["poa"], st["modalities"], p.WordfishTheta, p.KMeans, p.Ward, p.Community)
	}
	t.Logf("%d delegations, %d included, %d features; K = %d, silhouette %.4f (by k: %.4f); PC variance %.4f, %.4f; Wordfish %d iterations\n%s",
		len(res.Positions), n, len(res.Features), res.K, res.Silhouette, res.Silhouettes,
		res.PCVariance[0], res.PCVariance[1], res.WordfishIterations, b.String())
	t.Logf("mean PC1: OEWG camp %+.3f (cluster %d), POA camp %+.3f (cluster %d)", oewgPC1, oewgCluster, poaPC1, poaCluster)
	t.Logf("alignment network: %d edges; %d Louvain communities, modularity %.4f: %v", len(edges), len(res.Communities), res.Modularity, res.Communities)
	if len(edges) > 0 && (len(res.Communities) == 0 || math.IsNaN(res.Modularity)) {
		t.Errorf("%d edges but no communities", len(edges))
	}

	// Which columns drive PC1.
	idx := make([]int, len(res.Columns))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case res.Loadings[a][0] < res.Loadings[b][0]:
			return -1
		case res.Loadings[a][0] > res.Loadings[b][0]:
			return 1
		}
		return 0
	})
	var lo, hi []string
	for _, j := range idx[:10] {
		lo = append(lo, fmt.Sprintf("%s %.3f", res.Columns[j], res.Loadings[j][0]))
	}
	for _, j := range idx[len(idx)-10:] {
		hi = append(hi, fmt.Sprintf("%s %.3f", res.Columns[j], res.Loadings[j][0]))
	}
	t.Logf("PC1 loadings, lowest: %s\nhighest: %s", strings.Join(lo, ", "), strings.Join(hi, ", "))
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

func stanceOf(dels []corpus.DelegationInput, code string) map[string]float64 {
	for _, d := range dels {
		if d.Code == code {
			return d.Stance
		}
	}
	return nil
}
