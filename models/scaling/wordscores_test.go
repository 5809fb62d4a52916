package scaling_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/models/scaling"
)

func TestWordscoresLBG(t *testing.T) {
	nan := math.NaN()
	fit, err := scaling.Wordscores(lbgCounts(), []float64{-1.5, -0.75, 0, 0.75, 1.5, nan})
	if err != nil {
		t.Fatal(err)
	}
	lbg, err := fit.RescaleLBG()
	if err != nil {
		t.Fatal(err)
	}
	// shared/reference/wordfish-lbg.md, Wordscores table (6 decimals).
	for _, c := range []struct {
		name string
		got  []float64
		want []float64
	}{
		{"raw score", fit.Raw, []float64{-1.317931, -0.739560, 0.000000, 0.739560, 1.317931, -0.448059}},
		{"raw SE", fit.SE, []float64{0.006700, 0.011434, 0.012005, 0.011434, 0.006700, 0.011898}},
		{"LBG-rescaled", lbg, []float64{-1.589677, -0.884887, 0.016322, 0.917532, 1.622322, -0.529671}},
	} {
		t.Run(c.name, func(t *testing.T) {
			maxDev := 0.0
			for d, want := range c.want {
				got := c.got[d]
				maxDev = math.Max(maxDev, math.Abs(got-want))
				if r := math.Round(got*1e6) / 1e6; math.Abs(r-want) > 1e-12 || math.Abs(got-want) > 5e-7 {
					t.Errorf("%s[%s] = %.9f (rounds to %.6f), want %.6f", c.name, lbgDocs[d], got, r, want)
				}
			}
			t.Logf("max |diff| %s: %.3g", c.name, maxDev)
		})
	}
	// Word scores: features only in R1 score −1.5, features A..Z carry a
	// score, and every word score lies within the reference range.
	if fit.WordScores[0] != -1.5 || fit.WordScores[36] != 1.5 {
		t.Errorf("extreme word scores %v %v, want -1.5 1.5", fit.WordScores[0], fit.WordScores[36])
	}
	for w, s := range fit.WordScores {
		if s < -1.5-1e-12 || s > 1.5+1e-12 || math.IsNaN(s) {
			t.Errorf("word %d score %v", w, s)
		}
	}
	for d, n := range fit.ScoredWords {
		if n != 1000 {
			t.Errorf("doc %d scored words %v, want 1000", d, n)
		}
	}
}

func TestWordscoresUnscored(t *testing.T) {
	nan := math.NaN()
	// Feature 2 occurs only in the virgin text 2: it has no score. Virgin
	// text 3 has only that feature: no score.
	y := mat.NewDense(4, 3, []float64{
		4, 0, 0,
		0, 4, 0,
		1, 3, 5,
		0, 0, 2,
	})
	fit, err := scaling.Wordscores(y, []float64{-1, 1, nan, nan})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(fit.WordScores[2]) {
		t.Errorf("unscored feature has score %v", fit.WordScores[2])
	}
	// Doc 2: 1 token at −1, 3 at +1 → 0.5; V = (1·2.25 + 3·0.25)/4 = 0.75;
	// SE = √(0.75/4).
	if math.Abs(fit.Raw[2]-0.5) > 1e-15 || math.Abs(fit.SE[2]-math.Sqrt(0.75/4)) > 1e-15 {
		t.Errorf("doc 2: %v ± %v, want 0.5 ± %v", fit.Raw[2], fit.SE[2], math.Sqrt(0.75/4))
	}
	if !math.IsNaN(fit.Raw[3]) || !math.IsNaN(fit.SE[3]) {
		t.Errorf("doc 3 without scored words: %v ± %v, want NaN", fit.Raw[3], fit.SE[3])
	}
	r, err := fit.RescaleLBG()
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(r[3]) {
		t.Errorf("rescaled NaN score: %v", r[3])
	}
}

func TestWordscoresErrors(t *testing.T) {
	nan := math.NaN()
	y := lbgCounts()
	emptyRef := mat.DenseCopyOf(y)
	emptyRef.Slice(1, 2, 0, 37).(*mat.Dense).Zero()
	for _, tc := range []struct {
		name string
		y    *mat.Dense
		ref  []float64
		want error
	}{
		{"length", y, []float64{1, 2}, scaling.ErrReference},
		{"one reference", y, []float64{1, nan, nan, nan, nan, nan}, scaling.ErrReference},
		{"infinite reference", y, []float64{1, math.Inf(1), nan, nan, nan, nan}, scaling.ErrReference},
		{"empty reference", emptyRef, []float64{1, 2, nan, nan, nan, nan}, scaling.ErrEmptyDocument},
		{"one document", mat.NewDense(1, 2, []float64{1, 1}), []float64{1}, scaling.ErrTooFewDocuments},
		{"negative", mat.NewDense(2, 2, []float64{1, -1, 1, 1}), []float64{1, 2}, scaling.ErrInvalidCount},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scaling.Wordscores(tc.y, tc.ref)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := scaling.RescaleLBG([]float64{1, 1}, []float64{0, 1}); !errors.Is(err, scaling.ErrNumerical) {
		t.Errorf("zero spread: %v", err)
	}
	if _, err := scaling.RescaleLBG([]float64{1}, []float64{0, 1}); !errors.Is(err, scaling.ErrReference) {
		t.Errorf("one raw score: %v", err)
	}
}

func BenchmarkWordscoresLBG(b *testing.B) {
	y := lbgCounts()
	ref := []float64{-1.5, -0.75, 0, 0.75, 1.5, math.NaN()}
	for b.Loop() {
		fit, err := scaling.Wordscores(y, ref)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := fit.RescaleLBG(); err != nil {
			b.Fatal(err)
		}
	}
}
