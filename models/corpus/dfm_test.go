package corpus

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"

	"gonum.org/v1/gonum/mat"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		terms []string
		words int
	}{
		{"empty", "", nil, 0},
		{"stopwords", "It is of the utmost importance that we do it.", []string{"utmost", "import"}, 10},
		{"courtesy formulae", "Thank you, Mr. Chair. We thank the distinguished delegation of France for its statement.",
			[]string{"franc"}, 14},
		{"procedural", "I give the floor to Ghana, to be followed by Iraq. Please, Madam Ambassador.",
			[]string{"give", "ghana", "follow", "iraq"}, 13}, // "I" is a single letter
		{"register inflections are listed", "thanks thanked thanking congratulations colleagues delegations chairs",
			nil, 7},
		{"possessive of a listed word", "the Chair's and the delegation's views", []string{"view"}, 6},
		{"stemming", "negotiations negotiating negotiated Negotiation", []string{"negoti", "negoti", "negoti", "negoti"}, 4},
		{"stemming plural and possessive", "States' state’s proposals", []string{"state", "state", "propos"}, 3},
		{"hyphens", "capacity-building and confidence-building measures", []string{"capac-build", "confid-build", "measur"}, 4},
		{"dangling hyphens and dashes", "open- ended - yes -- no -word", []string{"open", "end", "word"}, 5},
		{"apostrophes", "don't can't 'quoted' states' rock'n'roll", []string{"quot", "state", "rock'n'rol"}, 5},
		{"numbers dropped", "resolution 76/19 of 2021, rev1, G77, 3rd, A/76/135 and 1.5 degrees", []string{"resolut", "degre"}, 4},
		{"single letters dropped", "e.g. the U S position", []string{"posit"}, 2},
		{"case folded", "CYBERSPACE Cyberspace cyberspace", []string{"cyberspac", "cyberspac", "cyberspac"}, 3},
		{"accented letters", "Türkiye’s Côte d'Ivoire", []string{"türkiy", "côte", "d'ivoir"}, 3},
	}
	var c Counter // shared across cases: its memory of stems must not leak between texts
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			terms, words := Terms(tc.text)
			if !slices.Equal(terms, tc.terms) || words != tc.words {
				t.Errorf("Terms(%q) = %q, %d; want %q, %d", tc.text, terms, words, tc.terms, tc.words)
			}
			want := map[string]int{}
			for _, f := range tc.terms {
				want[f]++
			}
			got := map[string]int{"pre-existing": 1}
			want["pre-existing"] = 1
			for range 2 { // the second pass reads stems from memory
				if n := c.Add(got, tc.text); n != tc.words {
					t.Errorf("Counter.Add(%q) counted %d words, want %d", tc.text, n, tc.words)
				}
			}
			for f := range want {
				if f != "pre-existing" {
					want[f] *= 2
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("Counter.Add(%q) twice = %v, want %v", tc.text, got, want)
			}
		})
	}
}

func TestStopword(t *testing.T) {
	for _, w := range []string{"the", "we're", "cannot", "thank", "chair", "chairman", "chairperson", "mr", "madam",
		"delegation", "distinguished", "excellency", "colleagues", "floor", "statement", "chair's", "colleague's"} {
		if !Stopword(w) {
			t.Errorf("Stopword(%q) = false", w)
		}
	}
	// Words that can carry a position stay.
	for _, w := range []string{"support", "welcome", "oppose", "proposal", "consensus", "agree", "sovereignty", "states"} {
		if Stopword(w) {
			t.Errorf("Stopword(%q) = true", w)
		}
	}
	// The lists are lower case and have no duplicates.
	n := 0
	for w := range lists() {
		n++
		if w != strings.ToLower(w) || strings.ContainsFunc(w, unicode.IsSpace) {
			t.Errorf("list entry %q", w)
		}
	}
	if n < 174+100 {
		t.Errorf("%d distinct listed words, want the 174 Snowball stopwords and the register list", n)
	}
}

func TestDFM(t *testing.T) {
	tests := []struct {
		name   string
		texts  [][]string
		vocab  []string
		counts []float64 // row-major
	}{
		{"nothing", nil, nil, nil},
		{"one delegation keeps nothing", [][]string{{"cyber security security"}}, nil, nil},
		{"min docs 2", [][]string{
			{"Security of cyberspace.", "Security!"},
			{"The security of states."},
			{"States and sovereignty; sovereign states."},
		}, []string{"secur", "state"}, []float64{
			2, 0,
			1, 1,
			0, 2,
		}},
		{"turns are pooled and stopwords never counted", [][]string{
			{"Thank you, Chair.", "We support the proposal."},
			{"Thank you. We support it, proposals welcome."},
		}, []string{"propos", "support"}, []float64{
			1, 1,
			1, 1,
		}},
		{"a delegation without turns is a zero row", [][]string{
			{"norms norms"}, nil, {"norm"},
		}, []string{"norm"}, []float64{2, 0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counts, vocab := DFM(tc.texts)
			if !slices.Equal(vocab, tc.vocab) {
				t.Fatalf("vocab %q, want %q", vocab, tc.vocab)
			}
			if tc.counts == nil {
				if counts != nil {
					t.Fatalf("counts %v, want nil", mat.Formatted(counts))
				}
				return
			}
			want := mat.NewDense(len(tc.texts), len(tc.vocab), tc.counts)
			if !mat.Equal(counts, want) {
				t.Errorf("counts\n%v\nwant\n%v", mat.Formatted(counts), mat.Formatted(want))
			}
		})
	}
}

func TestMFA(t *testing.T) {
	b := mat.NewDense(4, 3, []float64{
		1, 2, 0,
		3, 2, 0,
		5, 6, 0,
		7, 6, 0,
	})
	mfa(b)
	var svd mat.SVD
	svd.Factorize(b, mat.SVDNone)
	if l := svd.Values(nil)[0]; l*l/3-1 > 1e-12 || l*l/3-1 < -1e-12 {
		t.Errorf("first eigenvalue after mfa = %v, want 1", l*l/3)
	}
	for j := 0; j < 3; j++ {
		var s float64
		for i := 0; i < 4; i++ {
			s += b.At(i, j)
		}
		if s > 1e-12 || s < -1e-12 {
			t.Errorf("column %d not centred: sum %v", j, s)
		}
	}
	z := mat.NewDense(3, 2, []float64{1, 1, 1, 1, 1, 1})
	mfa(z)
	if !mat.Equal(z, mat.NewDense(3, 2, nil)) {
		t.Errorf("constant block after mfa = %v, want zeros", mat.Formatted(z))
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"Thank you, Mr. Chair.", "capacity-building", "don't 2021 G77", "Türkiye’s -- '' -'a", "\xff\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms, words := Terms(s)
		if len(terms) > words {
			t.Fatalf("%d terms from %d words", len(terms), words)
		}
		for _, term := range terms {
			if term == "" || strings.ContainsFunc(term, unicode.IsDigit) || strings.ContainsFunc(term, unicode.IsSpace) {
				t.Fatalf("bad term %q from %q", term, s)
			}
		}
	})
}
