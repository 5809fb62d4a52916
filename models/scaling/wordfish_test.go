package scaling_test

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/models/scaling"
)

// Published estimates of quanteda.textmodels'
// textmodel_wordfish(data_dfm_lbgexample, dir = c(1, 5)), from
// shared/reference/wordfish-lbg.md.
var (
	refTheta   = []float64{-1.29056981, -0.61643907, 0.03350982, 0.70961244, 1.52333687, -0.35945025}
	refThetaSE = []float64{0.01448422, 0.01059613, 0.01085375, 0.01214106, 0.01744178, 0.01070073}
	refAlpha   = []float64{-4.558205, 1.303010, 3.307253, 1.688789, -4.270413, 2.529567}
	// feature index → value; A..E are 0..4, ZI, ZJ, ZK are 34..36.
	refBeta = map[int]float64{0: -8.4452617, 1: -9.3002556, 2: -11.2580501, 3: -12.3643578, 4: -13.3323903, 34: 9.6390952, 35: 8.0273986, 36: 7.3723185}
	refPsi  = map[int]float64{0: -6.6414630, 1: -6.9890837, 2: -7.8685425, 3: -8.4041920, 4: -8.8901495, 34: -8.2849022, 35: -7.3432860, 36: -6.9825744}
)

func TestWordfishLBG(t *testing.T) {
	fit, err := scaling.Wordfish(lbgCounts(), scaling.WordfishOptions{Dir: [2]int{0, 4}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("iterations %d, log posterior %.6f, last improvement %.3g, converged %v",
		fit.Iterations, fit.LogPosterior, fit.Improvement, fit.Converged)
	if !fit.Converged {
		t.Errorf("not converged")
	}
	if fit.Iterations != 22 {
		t.Errorf("iterations = %d, quanteda needs 22", fit.Iterations)
	}
	features := []string{"A", "B", "C", "D", "E", "ZI", "ZJ", "ZK"}
	featIdx := []int{0, 1, 2, 3, 4, 34, 35, 36}
	type column struct {
		name string
		dec  int // decimals printed in the reference
		got  []float64
		want []float64
		idx  []int
		lbl  []string
	}
	var docIdx []int
	for i := range lbgDocs {
		docIdx = append(docIdx, i)
	}
	pick := func(m map[int]float64) []float64 {
		out := make([]float64, 0, len(featIdx))
		for _, j := range featIdx {
			out = append(out, m[j])
		}
		return out
	}
	const tol = 1e-6
	for _, c := range []column{
		{"theta", 8, fit.Theta, refTheta, docIdx, lbgDocs},
		{"se.theta", 8, fit.ThetaSE, refThetaSE, docIdx, lbgDocs},
		{"alpha", 6, fit.Alpha, refAlpha, docIdx, lbgDocs},
		{"beta", 7, fit.Beta, pick(refBeta), featIdx, features},
		{"psi", 7, fit.Psi, pick(refPsi), featIdx, features},
	} {
		t.Run(c.name, func(t *testing.T) {
			maxDev := 0.0
			for k, want := range c.want {
				got := c.got[c.idx[k]]
				d := math.Abs(got - want)
				maxDev = math.Max(maxDev, d)
				if !(d <= tol) {
					t.Errorf("%s[%s] = %.9f, want %.9f (|diff| %.2g)", c.name, c.lbl[k], got, want, d)
				}
				// Stricter: rounded to the printed precision, the
				// estimate is the printed value.
				p := math.Pow(10, float64(c.dec))
				if r := math.Round(got*p) / p; math.Abs(r-want) > 1e-12 {
					t.Errorf("%s[%s] = %.9f rounds to %.*f, reference prints %.*f", c.name, c.lbl[k], got, c.dec, r, c.dec, want)
				}
			}
			t.Logf("max |diff| %s: %.3g", c.name, maxDev)
		})
	}
}

func TestWordfishIdentification(t *testing.T) {
	y := lbgCounts()
	fit, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, 4}})
	if err != nil {
		t.Fatal(err)
	}
	mean, ss, amean := 0.0, 0.0, 0.0
	for i, v := range fit.Theta {
		mean += v
		amean += fit.Alpha[i]
	}
	mean /= float64(len(fit.Theta))
	for _, v := range fit.Theta {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / float64(len(fit.Theta)-1))
	if math.Abs(mean) > 1e-12 || math.Abs(sd-1) > 1e-12 || math.Abs(amean) > 1e-12 {
		t.Errorf("theta mean %g sd %g, alpha mean %g; want 0, 1, 0", mean, sd, amean)
	}
	// Reversing the direction pair mirrors the scale exactly.
	rev, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{4, 0}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range fit.Theta {
		if rev.Theta[i] != -fit.Theta[i] || rev.ThetaSE[i] != fit.ThetaSE[i] || rev.Alpha[i] != fit.Alpha[i] {
			t.Errorf("doc %d: reversed fit (%g, %g) not the mirror of (%g, %g)", i, rev.Theta[i], rev.ThetaSE[i], fit.Theta[i], fit.ThetaSE[i])
		}
	}
	for j := range fit.Beta {
		if rev.Beta[j] != -fit.Beta[j] || rev.Psi[j] != fit.Psi[j] {
			t.Errorf("feature %d: reversed beta/psi (%g, %g) vs (%g, %g)", j, rev.Beta[j], rev.Psi[j], fit.Beta[j], fit.Psi[j])
		}
	}
	// Deterministic.
	again, _ := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, 4}})
	for i := range fit.Theta {
		if again.Theta[i] != fit.Theta[i] {
			t.Fatalf("not deterministic")
		}
	}
}

func TestWordfishMaxIter(t *testing.T) {
	fit, err := scaling.Wordfish(lbgCounts(), scaling.WordfishOptions{Dir: [2]int{0, 4}, MaxIter: 3})
	if err != nil {
		t.Fatal(err)
	}
	if fit.Converged || fit.Iterations != 3 {
		t.Errorf("MaxIter 3: converged %v after %d iterations, want false after 3", fit.Converged, fit.Iterations)
	}
}

func TestWordfishErrors(t *testing.T) {
	good := lbgCounts()
	withEmptyRow := mat.NewDense(3, 37, nil)
	withEmptyRow.Slice(0, 2, 0, 37).(*mat.Dense).Copy(good.Slice(0, 2, 0, 37))
	emptyCol := mat.NewDense(6, 38, nil)
	emptyCol.Slice(0, 6, 0, 37).(*mat.Dense).Copy(good)
	neg := mat.DenseCopyOf(good)
	neg.Set(2, 3, -1)
	nan := mat.DenseCopyOf(good)
	nan.Set(1, 1, math.NaN())
	inf := mat.DenseCopyOf(good)
	inf.Set(1, 1, math.Inf(1))
	for _, tc := range []struct {
		name string
		y    *mat.Dense
		opt  scaling.WordfishOptions
		want error
	}{
		{"one document", mat.NewDense(1, 3, []float64{1, 2, 3}), scaling.WordfishOptions{}, scaling.ErrTooFewDocuments},
		{"nil", nil, scaling.WordfishOptions{}, scaling.ErrTooFewDocuments},
		{"one feature", mat.NewDense(2, 1, []float64{1, 2}), scaling.WordfishOptions{}, scaling.ErrTooFewDocuments},
		{"empty document", withEmptyRow, scaling.WordfishOptions{}, scaling.ErrEmptyDocument},
		{"empty feature", emptyCol, scaling.WordfishOptions{}, scaling.ErrEmptyFeature},
		{"negative", neg, scaling.WordfishOptions{}, scaling.ErrInvalidCount},
		{"NaN", nan, scaling.WordfishOptions{}, scaling.ErrInvalidCount},
		{"Inf", inf, scaling.WordfishOptions{}, scaling.ErrInvalidCount},
		{"dir out of range", good, scaling.WordfishOptions{Dir: [2]int{0, 6}}, scaling.ErrDirection},
		{"dir negative", good, scaling.WordfishOptions{Dir: [2]int{-1, 2}}, scaling.ErrDirection},
		{"dir equal", good, scaling.WordfishOptions{Dir: [2]int{3, 3}}, scaling.ErrDirection},
		{"negative prior", good, scaling.WordfishOptions{PriorSDBeta: -1}, scaling.ErrOption},
		{"NaN tol", good, scaling.WordfishOptions{Tol: math.NaN()}, scaling.ErrOption},
		{"negative maxiter", good, scaling.WordfishOptions{MaxIter: -1}, scaling.ErrOption},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scaling.Wordfish(tc.y, tc.opt)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			t.Log(err)
		})
	}
}

func TestDropEmpty(t *testing.T) {
	y := mat.NewDense(4, 5, []float64{
		0, 1, 0, 2, 0,
		0, 0, 0, 0, 0,
		0, 3, 0, 0, 1,
		0, 0, 0, 4, 0,
	})
	red, rows, cols, err := scaling.DropEmpty(y)
	if err != nil {
		t.Fatal(err)
	}
	wantRows, wantCols := []int{0, 2, 3}, []int{1, 3, 4}
	if !equalInts(rows, wantRows) || !equalInts(cols, wantCols) {
		t.Fatalf("kept rows %v cols %v, want %v %v", rows, cols, wantRows, wantCols)
	}
	want := mat.NewDense(3, 3, []float64{1, 2, 0, 3, 0, 1, 0, 4, 0})
	if !mat.Equal(red, want) {
		t.Errorf("reduced\n%v\nwant\n%v", mat.Formatted(red), mat.Formatted(want))
	}
	if _, _, _, err := scaling.DropEmpty(mat.NewDense(1, 1, []float64{-1})); !errors.Is(err, scaling.ErrInvalidCount) {
		t.Errorf("negative count: error %v", err)
	}
	red, rows, cols, err = scaling.DropEmpty(mat.NewDense(2, 2, nil))
	if red != nil || len(rows) != 0 || len(cols) != 0 || err != nil {
		t.Errorf("all zero: %v %v %v %v", red, rows, cols, err)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A larger random-ish matrix: the fit must run, be finite and order the
// documents along the generating positions.
func TestWordfishRecoversSimulatedOrder(t *testing.T) {
	const n, k = 12, 60
	y := mat.NewDense(n, k, nil)
	for i := 0; i < n; i++ {
		pos := -1.5 + 3*float64(i)/float64(n-1)
		for j := 0; j < k; j++ {
			b := -1 + 2*float64(j)/float64(k-1)
			psi := 1.5 + 0.5*math.Sin(float64(j))
			// Expected counts, rounded: a deterministic "sample".
			y.Set(i, j, math.Round(math.Exp(psi+b*pos)))
		}
	}
	red, _, _, err := scaling.DropEmpty(y)
	if err != nil {
		t.Fatal(err)
	}
	fit, err := scaling.Wordfish(red, scaling.WordfishOptions{Dir: [2]int{0, n - 1}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < n; i++ {
		if !(fit.Theta[i] > fit.Theta[i-1]) {
			t.Errorf("theta not increasing at %d: %v", i, fit.Theta)
		}
		if math.IsNaN(fit.ThetaSE[i]) || fit.ThetaSE[i] <= 0 {
			t.Errorf("bad SE %v", fit.ThetaSE[i])
		}
	}
}

func BenchmarkWordfishLBG(b *testing.B) {
	y := lbgCounts()
	for b.Loop() {
		if _, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, 4}}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWordfishIndependentOfGOMAXPROCS checks that the parallel sweeps give
// bit-identical estimates whatever the number of goroutines.
func TestWordfishIndependentOfGOMAXPROCS(t *testing.T) {
	y := syntheticCounts(12, 300)
	var fits []*scaling.WordfishFit
	for _, procs := range []int{1, 2, 5} {
		old := runtime.GOMAXPROCS(procs)
		fit, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, 11}})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		fits = append(fits, fit)
	}
	for _, f := range fits[1:] {
		if !slices.Equal(f.Theta, fits[0].Theta) || !slices.Equal(f.Beta, fits[0].Beta) || !slices.Equal(f.ThetaSE, fits[0].ThetaSE) ||
			f.Iterations != fits[0].Iterations || f.LogPosterior != fits[0].LogPosterior {
			t.Fatalf("estimates differ with GOMAXPROCS: %v vs %v", f.Theta, fits[0].Theta)
		}
	}
}

// syntheticCounts returns an n × k count matrix drawn deterministically
// from a one-dimensional Poisson-like scaling model, empty rows and
// columns dropped.
func syntheticCounts(n, k int) *mat.Dense {
	y := mat.NewDense(n, k, nil)
	for i := 0; i < n; i++ {
		pos := -1.5 + 3*float64(i)/float64(n-1)
		for j := 0; j < k; j++ {
			beta := -1 + 2*float64((j*7919)%k)/float64(k-1)
			psi := 1 + math.Sin(float64(j))
			y.Set(i, j, math.Max(0, math.Floor(math.Exp(psi+beta*pos)+0.5*math.Cos(float64(i*j)))))
		}
	}
	y, _, _, _ = scaling.DropEmpty(y)
	return y
}

// 40 documents × 1000 features, about the size of a session's speeches
// aggregated by delegation. (This synthetic input runs into MaxIter, so the
// benchmark measures 100 outer iterations.)
func BenchmarkWordfish40x1000(b *testing.B) {
	const n = 40
	y := syntheticCounts(n, 1000)
	for b.Loop() {
		if _, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, n - 1}}); err != nil {
			b.Fatal(err)
		}
	}
}

// With AbsTol the iterations continue through the decreases of the log
// posterior that stop the default rule at iteration 22, towards the fixed
// point of the algorithm.
func TestWordfishAbsTol(t *testing.T) {
	fit, err := scaling.Wordfish(lbgCounts(), scaling.WordfishOptions{Dir: [2]int{0, 4}, AbsTol: true, MaxIter: 10000})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("AbsTol: %d iterations, converged %v, theta %.6f", fit.Iterations, fit.Converged, fit.Theta)
	if !fit.Converged || fit.Iterations <= 22 {
		t.Errorf("converged %v after %d iterations", fit.Converged, fit.Iterations)
	}
	// Same order of the documents as the published estimates.
	for i := range refTheta {
		for j := range refTheta {
			if (refTheta[i] < refTheta[j]) != (fit.Theta[i] < fit.Theta[j]) {
				t.Errorf("documents %d and %d change order", i, j)
			}
		}
	}
	if math.Abs(fit.Theta[0]-(-1.3516)) > 1e-3 {
		t.Errorf("theta[R1] = %v, want about -1.3516", fit.Theta[0])
	}
}
