package corpus_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/plenary/plenary/models/corpus"
)

// Vocabularies of the synthetic corpus: two camps that use different words
// and take opposite stances on "poa", and words everyone uses.
var (
	campA  = []string{"sovereignty", "consensus", "inclusive", "duplication", "parallel", "sanctions", "unilateral", "equitable", "legally", "binding"}
	campB  = []string{"programme", "action", "cosponsors", "implementation", "multistakeholder", "permanent", "mechanism", "gender", "normative", "framework"}
	shared = []string{"cyberspace", "security", "norms", "international", "capacity", "states", "threats", "cooperation"}
)

// synthetic returns 2×perCamp delegations, A00… and B00…, each with about
// 150 words: its camp's words (with per-delegation frequencies), the shared
// words and some courtesy formulae, and a stance of about −0.8 (A) or +0.8
// (B) on "poa".
func synthetic(perCamp int) []corpus.DelegationInput {
	var out []corpus.DelegationInput
	for c, camp := range [][]string{campA, campB} {
		for i := 0; i < perCamp; i++ {
			var turn strings.Builder
			turn.WriteString("Thank you, Mr. Chair. We thank the distinguished delegations for their statements. ")
			for para := 0; para < 3; para++ {
				for j, w := range camp {
					for r := 0; r < 1+(i+j+para)%4; r++ {
						fmt.Fprintf(&turn, "%s ", w)
					}
				}
				for j, w := range shared {
					for r := 0; r < 1+(i*j+para)%3; r++ {
						fmt.Fprintf(&turn, "%s ", w)
					}
				}
			}
			sign := float64(2*c - 1)
			out = append(out, corpus.DelegationInput{
				Code:      fmt.Sprintf("%c%02d", 'A'+c, i),
				Texts:     []string{turn.String(), "I give the floor back to you, Chair. " + strings.Join(camp[:5], " ")},
				Stance:    map[string]float64{"poa": sign * (0.8 - 0.02*float64(i))},
				Sentiment: 0.1 * sign,
			})
		}
	}
	return out
}

// twoCliques returns the edges of two 4-cliques, A00–A03 and B00–B03, of
// unit weight, joined by one bridge A00–B00 of weight 1.
func twoCliques() []corpus.Edge {
	var es []corpus.Edge
	for _, c := range []string{"A", "B"} {
		for i := 0; i < 4; i++ {
			for j := i + 1; j < 4; j++ {
				es = append(es, corpus.Edge{Source: fmt.Sprintf("%s%02d", c, i), Target: fmt.Sprintf("%s%02d", c, j), Weight: 1})
			}
		}
	}
	return append(es, corpus.Edge{Source: "A00", Target: "B00", Weight: 1})
}

func build(t testing.TB, dels []corpus.DelegationInput, edges []corpus.Edge, opt corpus.Options) *corpus.Result {
	t.Helper()
	res, err := corpus.Build(dels, edges, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestSyntheticCamps(t *testing.T) {
	dels := synthetic(6)
	res := build(t, dels, nil, corpus.Options{Seed: 7})
	if res.K != 2 {
		t.Errorf("K = %d (silhouettes %v), want 2", res.K, res.Silhouettes)
	}
	if !(res.Silhouette > 0.5) {
		t.Errorf("silhouette %v, want > 0.5 for two well separated camps", res.Silhouette)
	}
	sideA := math.Signbit(res.Positions[0].PC1)
	for _, p := range res.Positions {
		inA := p.Code[0] == 'A'
		if !p.Included {
			t.Fatalf("%s not included (%d words)", p.Code, p.Words)
		}
		if math.Signbit(p.PC1) != sideA == inA {
			t.Errorf("%s: PC1 = %v on the wrong side", p.Code, p.PC1)
		}
		want := 0
		if !inA {
			want = 1 // canonical labels: A00 comes first
		}
		if p.KMeans != want || p.Ward != want {
			t.Errorf("%s: k-means %d, Ward %d, want %d", p.Code, p.KMeans, p.Ward, want)
		}
		if p.Community != -1 {
			t.Errorf("%s: community %d without edges", p.Code, p.Community)
		}
		if !math.IsNaN(p.Wordscore) || !math.IsNaN(p.WordscoreLBG) {
			t.Errorf("%s: Wordscore %v without references", p.Code, p.Wordscore)
		}
	}
	// Default Wordfish direction: θ[A00] < θ[A01]; the camps are apart on θ.
	if !(res.Positions[0].WordfishTheta < res.Positions[1].WordfishTheta) {
		t.Errorf("Wordfish direction: θ(A00) = %v, θ(A01) = %v", res.Positions[0].WordfishTheta, res.Positions[1].WordfishTheta)
	}
	// Courtesy words never become features; camp words do.
	for _, f := range []string{"thank", "chair", "distinguish", "floor", "statement"} {
		if slices.Contains(res.Features, f) {
			t.Errorf("feature %q", f)
		}
	}
	for _, f := range []string{"sovereignti", "programm", "cyberspac"} {
		if !slices.Contains(res.Features, f) {
			t.Errorf("no feature %q in %q", f, res.Features)
		}
	}
	wantCols := append(slices.Clone(res.Features), "stance:poa", "sentiment")
	if !slices.Equal(res.Columns, wantCols) || len(res.Loadings) != len(wantCols) {
		t.Errorf("columns %q (%d loadings), want %q", res.Columns, len(res.Loadings), wantCols)
	}
	if !(res.PCVariance[0] > res.PCVariance[1] && res.PCVariance[0]+res.PCVariance[1] <= 1+1e-12) {
		t.Errorf("PC variance shares %v", res.PCVariance)
	}
	if len(res.Linkage) != len(dels)-1 || !slices.Equal(res.LinkageLabels, codesOf(res.Positions)) {
		t.Errorf("linkage of %d rows, labels %q", len(res.Linkage), res.LinkageLabels)
	}
	if res.Weighting != corpus.WeightingDescription {
		t.Errorf("Weighting %q", res.Weighting)
	}
}

func codesOf(ps []corpus.Position) []string {
	var cs []string
	for _, p := range ps {
		cs = append(cs, p.Code)
	}
	return cs
}

// TestPCASign checks the documented sign: the loading of largest magnitude
// is positive.
func TestPCASign(t *testing.T) {
	res := build(t, synthetic(5), nil, corpus.Options{})
	for k := 0; k < 2; k++ {
		best := 0
		for j := range res.Loadings {
			if math.Abs(res.Loadings[j][k]) > math.Abs(res.Loadings[best][k]) {
				best = j
			}
		}
		if res.Loadings[best][k] <= 0 {
			t.Errorf("PC%d: largest loading %s = %v", k+1, res.Columns[best], res.Loadings[best][k])
		}
	}
}

func TestCommunitiesTwoCliques(t *testing.T) {
	dels := synthetic(5)
	res := build(t, dels, twoCliques(), corpus.Options{Seed: 3})
	want := [][]string{{"A00", "A01", "A02", "A03"}, {"B00", "B01", "B02", "B03"}}
	if !slices.EqualFunc(res.Communities, want, slices.Equal) {
		t.Fatalf("communities %q, want %q", res.Communities, want)
	}
	// Two 4-cliques (6 edges each) and a bridge: m = 13, each community
	// has 6 inner edges and degree sum 13, so Q = 2(6/13 − (13/26)²).
	if q := 2 * (6.0/13 - 0.25); math.Abs(res.Modularity-q) > 1e-12 {
		t.Errorf("modularity %v, want %v", res.Modularity, q)
	}
	for _, p := range res.Positions {
		want := -1
		switch {
		case p.Code <= "A03":
			want = 0
		case p.Code >= "B00" && p.Code <= "B03":
			want = 1
		}
		if p.Community != want {
			t.Errorf("%s: community %d, want %d", p.Code, p.Community, want)
		}
	}

	// Duplicates in either direction are summed, self-loops ignored, and
	// codes outside the delegations (a group) take part.
	edges := []corpus.Edge{
		{"A00", "A01", 0.5}, {"A01", "A00", 0.5}, {"A00", "A00", 9},
		{"A01", "GRP-X", 1}, {"A00", "GRP-X", 1},
		{"B00", "B01", 1}, {"B01", "B02", 1}, {"B00", "B02", 1}, {"B02", "A01", 0.1},
	}
	res = build(t, dels, edges, corpus.Options{Seed: 3})
	want = [][]string{{"A00", "A01", "GRP-X"}, {"B00", "B01", "B02"}}
	if !slices.EqualFunc(res.Communities, want, slices.Equal) {
		t.Errorf("communities %q, want %q", res.Communities, want)
	}
	if !(res.Modularity > 0.3) {
		t.Errorf("modularity %v", res.Modularity)
	}

	// No edge of positive weight: no communities, NaN modularity.
	res = build(t, dels, []corpus.Edge{{"A00", "A01", 0}}, corpus.Options{})
	if res.Communities != nil || !math.IsNaN(res.Modularity) || res.Positions[0].Community != -1 {
		t.Errorf("zero-weight graph: communities %q, Q %v", res.Communities, res.Modularity)
	}
}

// fingerprint prints a Result exactly: %v prints float64s in the shortest
// form that round-trips, and NaN equals NaN.
func fingerprint(r *corpus.Result) string { return fmt.Sprintf("%+v", *r) }

func TestDeterministicAndOrderIndependent(t *testing.T) {
	dels := synthetic(8)
	// A delegation below MinWords and a ragged alignment graph.
	dels = append(dels, corpus.DelegationInput{Code: "C00", Texts: []string{"Thank you, Chair."}, Sentiment: math.NaN()})
	dels[3].Sentiment = math.NaN()
	edges := append(twoCliques(),
		corpus.Edge{"A05", "B06", 0.3}, corpus.Edge{"B06", "A05", 0.2}, corpus.Edge{"A06", "A07", 2}, corpus.Edge{"B07", "A07", 0.1}, corpus.Edge{"C00", "B07", 1})
	opt := corpus.Options{Seed: 42, WordscoresRef: map[string]float64{"A00": -1, "B00": 1}, WordfishDir: [2]string{"A01", "B01"}}
	want := fingerprint(build(t, dels, edges, opt))
	if again := fingerprint(build(t, dels, edges, opt)); again != want {
		t.Fatalf("two runs differ:\n%s\n%s", want, again)
	}
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 5; i++ {
		d, e := slices.Clone(dels), slices.Clone(edges)
		r.Shuffle(len(d), func(i, j int) { d[i], d[j] = d[j], d[i] })
		r.Shuffle(len(e), func(i, j int) { e[i], e[j] = e[j], e[i] })
		if got := fingerprint(build(t, d, e, opt)); got != want {
			t.Fatalf("shuffled input %d gives a different result:\n%s\n%s", i, want, got)
		}
	}
	// The seed matters only through the random sources: another seed still
	// gives a valid, deterministic result.
	opt.Seed = 43
	if a, b := fingerprint(build(t, dels, edges, opt)), fingerprint(build(t, dels, edges, opt)); a != b {
		t.Fatal("seed 43: two runs differ")
	}
}

func TestExcludedAndScaled(t *testing.T) {
	dels := append(synthetic(4), corpus.DelegationInput{
		Code: "A", Texts: []string{"Thank you, Chair. We support sovereignty and consensus."},
		Stance: map[string]float64{"poa": -1}, Sentiment: 0.5,
	})
	res := build(t, dels, []corpus.Edge{{"A", "A00", 1}, {"A01", "A00", 1}}, corpus.Options{
		WordscoresRef: map[string]float64{"A00": -1, "B00": 1},
		WordfishDir:   [2]string{"B00", "A00"},
	})
	p := res.Positions[0]
	if p.Code != "A" || p.Included || p.Words != 8 {
		t.Fatalf("first position %+v, want A excluded with 8 words", p)
	}
	for name, v := range map[string]float64{"PC1": p.PC1, "PC2": p.PC2, "θ": p.WordfishTheta, "SE": p.WordfishSE, "wordscore": p.Wordscore} {
		if !math.IsNaN(v) {
			t.Errorf("excluded %s = %v, want NaN", name, v)
		}
	}
	if p.KMeans != -1 || p.Ward != -1 || p.Community < 0 {
		t.Errorf("excluded: k-means %d, Ward %d, community %d", p.KMeans, p.Ward, p.Community)
	}
	if slices.Contains(res.LinkageLabels, "A") {
		t.Error("excluded delegation in the linkage")
	}
	a, b := res.Positions[1], res.Positions[5] // A00, B00
	if a.Code != "A00" || b.Code != "B00" {
		t.Fatalf("positions out of order: %q", codesOf(res.Positions))
	}
	if !(b.WordfishTheta < a.WordfishTheta) {
		t.Errorf("WordfishDir (B00, A00): θ = %v, %v", b.WordfishTheta, a.WordfishTheta)
	}
	for _, q := range res.Positions[1:] {
		if !(q.WordfishSE > 0) || math.IsNaN(q.Wordscore) || !(q.WordscoreSE >= 0) || math.IsNaN(q.WordscoreLBG) {
			t.Errorf("%s: θ SE %v, wordscore %v ± %v, LBG %v", q.Code, q.WordfishSE, q.Wordscore, q.WordscoreSE, q.WordscoreLBG)
		}
		if inA := q.Code[0] == 'A'; inA != (q.Wordscore < 0) {
			t.Errorf("%s: wordscore %v on the wrong side", q.Code, q.Wordscore)
		}
	}
	// K given: no silhouette search.
	res = build(t, dels, nil, corpus.Options{K: 3})
	if res.K != 3 || res.Silhouettes != nil || math.IsNaN(res.Silhouette) {
		t.Errorf("K = 3: got K %d, silhouettes %v, silhouette %v", res.K, res.Silhouettes, res.Silhouette)
	}
	// MinWords 1 includes everyone.
	res = build(t, dels, nil, corpus.Options{MinWords: 1})
	if !res.Positions[0].Included || math.IsNaN(res.Positions[0].PC1) {
		t.Errorf("MinWords 1: %+v", res.Positions[0])
	}
}

func TestErrors(t *testing.T) {
	good := synthetic(3)
	with := func(f func([]corpus.DelegationInput) []corpus.DelegationInput) []corpus.DelegationInput {
		return f(slices.Clone(good))
	}
	tests := []struct {
		name  string
		dels  []corpus.DelegationInput
		edges []corpus.Edge
		opt   corpus.Options
		err   error
		msg   string
	}{
		{"no delegations", nil, nil, corpus.Options{}, corpus.ErrTooFewDelegations, "0 of 0"},
		{"two included", good[:2], nil, corpus.Options{}, corpus.ErrTooFewDelegations, "2 of 2 delegations have at least 100 words, need 3"},
		{"MinWords too high", good, nil, corpus.Options{MinWords: 1000}, corpus.ErrTooFewDelegations, "0 of 6"},
		{"empty code", with(func(d []corpus.DelegationInput) []corpus.DelegationInput { d[2].Code = ""; return d }),
			nil, corpus.Options{}, corpus.ErrInput, "no code"},
		{"duplicate code", with(func(d []corpus.DelegationInput) []corpus.DelegationInput { d[2].Code = "A00"; return d }),
			nil, corpus.Options{}, corpus.ErrInput, "A00 given twice"},
		{"stance out of range", with(func(d []corpus.DelegationInput) []corpus.DelegationInput {
			d[1].Stance = map[string]float64{"poa": 1.5}
			return d
		}), nil, corpus.Options{}, corpus.ErrInput, `A01: stance on "poa" is 1.5`},
		{"stance NaN", with(func(d []corpus.DelegationInput) []corpus.DelegationInput {
			d[1].Stance = map[string]float64{"poa": math.NaN()}
			return d
		}), nil, corpus.Options{}, corpus.ErrInput, "is NaN"},
		{"sentiment out of range", with(func(d []corpus.DelegationInput) []corpus.DelegationInput { d[0].Sentiment = -2; return d }),
			nil, corpus.Options{}, corpus.ErrInput, "sentiment -2"},
		{"unknown target", good, nil, corpus.Options{Targets: []string{"modalities"}}, corpus.ErrInput, `stance on "poa", which is not among Targets`},
		{"repeated target", good, nil, corpus.Options{Targets: []string{"poa", "poa"}}, corpus.ErrInput, "repeated"},
		{"negative edge", good, []corpus.Edge{{"A00", "B00", -1}}, corpus.Options{}, corpus.ErrInput, "weight -1"},
		{"NaN edge", good, []corpus.Edge{{"A00", "B00", math.NaN()}}, corpus.Options{}, corpus.ErrInput, "weight NaN"},
		{"empty edge end", good, []corpus.Edge{{"A00", "", 1}}, corpus.Options{}, corpus.ErrInput, "empty end"},
		{"K = 1", good, nil, corpus.Options{K: 1}, corpus.ErrInput, "K = 1"},
		{"K too large", good, nil, corpus.Options{K: 6}, corpus.ErrInput, "K = 6 for 6 included"},
		{"KMax 1", good, nil, corpus.Options{KMax: 1}, corpus.ErrInput, "KMax = 1"},
		{"half a direction", good, nil, corpus.Options{WordfishDir: [2]string{"A00", ""}}, corpus.ErrInput, "names one delegation"},
		{"direction twice", good, nil, corpus.Options{WordfishDir: [2]string{"A00", "A00"}}, corpus.ErrInput, "names A00 twice"},
		{"unknown direction", good, nil, corpus.Options{WordfishDir: [2]string{"A00", "ZZZ"}}, corpus.ErrInput, "ZZZ is not an included delegation"},
		{"unknown reference", good, nil, corpus.Options{WordscoresRef: map[string]float64{"A00": 1, "ZZZ": 2}}, corpus.ErrInput, "ZZZ is not an included"},
		{"NaN reference", good, nil, corpus.Options{WordscoresRef: map[string]float64{"A00": math.NaN()}}, corpus.ErrInput, "reference score NaN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := corpus.Build(tc.dels, tc.edges, tc.opt)
			if !errors.Is(err, tc.err) || !strings.Contains(fmt.Sprint(err), tc.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.err, tc.msg)
			}
			if res != nil {
				t.Error("result with an error")
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	// 200 delegations × 5000 features: every delegation uses 400 of 5000
	// vowel-free words (the stemmer leaves them alone), 2 to 4 times each.
	const nDel, nFeat, perDel = 200, 5000, 400
	words := make([]string, nFeat)
	const letters = "bcdfghkmnp"
	for i := range words {
		w := []byte{'z'}
		for n := i; ; n /= len(letters) {
			w = append(w, letters[n%len(letters)])
			if n < len(letters) {
				break
			}
		}
		words[i] = string(w)
	}
	r := rand.New(rand.NewPCG(1, 2))
	dels := make([]corpus.DelegationInput, nDel)
	for i := range dels {
		var sb strings.Builder
		for k := 0; k < perDel; k++ {
			w := words[(i*perDel/2+k*7+r.IntN(50))%nFeat]
			for c := 0; c < 2+r.IntN(3); c++ {
				sb.WriteString(w)
				sb.WriteByte(' ')
			}
		}
		dels[i] = corpus.DelegationInput{
			Code:      fmt.Sprintf("D%03d", i),
			Texts:     []string{sb.String()},
			Stance:    map[string]float64{"poa": 2*r.Float64() - 1, "modalities": 2*r.Float64() - 1},
			Sentiment: r.Float64() - 0.5,
		}
	}
	var edges []corpus.Edge
	for i := 0; i < 1000; i++ {
		edges = append(edges, corpus.Edge{Source: dels[r.IntN(nDel)].Code, Target: dels[r.IntN(nDel)].Code, Weight: 1})
	}
	res := build(b, dels, edges, corpus.Options{Seed: 1})
	b.ReportMetric(float64(len(res.Features)), "features")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		build(b, dels, edges, corpus.Options{Seed: 1})
	}
}
