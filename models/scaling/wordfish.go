package scaling

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
)

// Errors returned (wrapped, with the offending index or value) by the
// functions of this package. Test for them with errors.Is.
var (
	// ErrTooFewDocuments: the count matrix has fewer than 2 documents
	// (or, for Wordfish, fewer than 2 features).
	ErrTooFewDocuments = errors.New("scaling: too few documents")
	// ErrEmptyDocument: a document (row) has zero total count.
	ErrEmptyDocument = errors.New("scaling: document with zero total count")
	// ErrEmptyFeature: a feature (column) has zero total count.
	ErrEmptyFeature = errors.New("scaling: feature with zero total count")
	// ErrInvalidCount: a count is negative, NaN or infinite.
	ErrInvalidCount = errors.New("scaling: invalid count")
	// ErrDirection: the direction pair is out of range or not two
	// distinct documents.
	ErrDirection = errors.New("scaling: invalid direction pair")
	// ErrOption: an option value is invalid.
	ErrOption = errors.New("scaling: invalid option")
	// ErrNumerical: the estimation broke down numerically (a singular
	// Hessian or a non-finite parameter).
	ErrNumerical = errors.New("scaling: numerical failure")
	// ErrReference: the reference scores passed to Wordscores are unusable.
	ErrReference = errors.New("scaling: invalid reference scores")
)

// WordfishOptions controls [Wordfish]. The zero value gives the defaults of
// quanteda.textmodels' textmodel_wordfish (except that the zero Dir means
// documents 0 and 1, which is also quanteda's default dir = c(1, 2)).
type WordfishOptions struct {
	// Dir fixes the sign of the scale: after fitting, θ[Dir[0]] < θ[Dir[1]].
	// The zero value {0, 0} means {0, 1}.
	Dir [2]int
	// PriorSDBeta is the standard deviation σ_β of the N(0, σ_β²) prior on
	// the word weights β_j (default 3). math.Inf(1) gives a flat prior.
	PriorSDBeta float64
	// PriorSDTheta is the standard deviation σ_θ of the N(0, σ_θ²) prior on
	// the document positions θ_i (default 1). math.Inf(1) gives a flat prior.
	PriorSDTheta float64
	// Tol stops the outer iterations when the log posterior improves by
	// less than Tol (default 1e-6).
	Tol float64
	// ParamTol stops the inner Newton iterations for one feature or one
	// document when no parameter moves by more than ParamTol (default 1e-8).
	ParamTol float64
	// AbsTol makes the stopping rule |ΔL| ≤ Tol instead of ΔL ≤ Tol (like
	// quanteda's abs_err = TRUE): the iterations then go on through
	// decreases of L, towards the fixed point of the algorithm, which
	// needs a larger MaxIter (see Wordfish).
	AbsTol bool
	// MaxIter caps the outer iterations (default 100).
	MaxIter int
	// MaxInner caps the Newton iterations per feature and per document
	// within one outer iteration (default 10).
	MaxInner int
}

// WordfishFit is the result of [Wordfish]. Slices indexed by document have
// one entry per row of the count matrix, slices indexed by feature one per
// column.
type WordfishFit struct {
	Theta   []float64 // document positions θ_i (mean 0, sd 1)
	ThetaSE []float64 // standard errors of θ_i
	Alpha   []float64 // document fixed effects α_i (mean 0)
	Beta    []float64 // word weights β_j
	Psi     []float64 // word fixed effects ψ_j

	// Iterations is the number of outer iterations performed.
	Iterations int
	// LogPosterior is the log posterior (up to its constant, see Wordfish)
	// after the last iteration.
	LogPosterior float64
	// Improvement is the change of the log posterior in the last
	// iteration. It is negative when the iterations stopped because the
	// log posterior decreased rather than because it levelled off.
	Improvement float64
	// Converged reports whether the stopping rule (Improvement ≤ Tol, or
	// |Improvement| ≤ Tol with AbsTol) was met within MaxIter iterations.
	Converged bool
}

// Wordfish fits the Poisson scaling model of Slapin and Proksch (2008) to a
// documents × features count matrix y:
//
//	y_ij ~ Poisson(λ_ij),  log λ_ij = α_i + ψ_j + β_j θ_i,
//
// where θ_i is the position of document i, α_i a document fixed effect
// (length), ψ_j a word fixed effect (frequency) and β_j the word's
// discrimination along the dimension.
//
// # Priors
//
// β_j ~ N(0, σ_β²) and θ_i ~ N(0, σ_θ²); α and ψ are flat. The priors enter
// as penalties, so the function maximised is the log posterior
//
//	L = Σ_ij (y_ij η_ij − exp η_ij) − Σ_j β_j²/(2σ_β²) − Σ_i θ_i²/(2σ_θ²),
//	η_ij = α_i + ψ_j + β_j θ_i,
//
// which omits the constants −Σ log y_ij! and the normalising constants of the
// priors (this is the value reported in LogPosterior).
//
// # Start values
//
// With row sums r_i, column sums c_j and total T, the standardised
// residuals of the independence model are
//
//	e_ij = r_i c_j / T,  z_ij = (y_ij − e_ij) / √e_ij.
//
// With u the left singular vector of Z belonging to its largest singular
// value, θ_i starts at u_i / √(r_i/T) (the first standard row coordinate of
// correspondence analysis) standardised to mean 0 and sd 1; α_i starts at
// log r_i − mean_k log r_k, ψ_j at log(c_j/n) and β_j at 0.
//
// # Algorithm
//
// Each outer iteration
//
//  1. for every feature j, maximises L over (ψ_j, β_j) with the other
//     parameters fixed by Newton steps
//     (ψ_j, β_j) ← (ψ_j, β_j) − H⁻¹g with
//     g = (Σ_i (y_ij−λ_ij), Σ_i (y_ij−λ_ij) θ_i − β_j/σ_β²) and
//     H = −[[Σ_i λ_ij, Σ_i λ_ij θ_i], [Σ_i λ_ij θ_i, Σ_i λ_ij θ_i² + 1/σ_β²]],
//     until no parameter moves by more than ParamTol or MaxInner steps;
//  2. does the same for every document i over (α_i, θ_i), with
//     g = (Σ_j (y_ij−λ_ij), Σ_j (y_ij−λ_ij) β_j − θ_i/σ_θ²) and
//     H = −[[Σ_j λ_ij, Σ_j λ_ij β_j], [Σ_j λ_ij β_j, Σ_j λ_ij β_j² + 1/σ_θ²]];
//  3. identifies the model: θ is standardised to mean 0 and standard
//     deviation 1 (denominator n−1), and α is centred at mean 0. Neither
//     step adjusts β or ψ (the next feature step re-fits them);
//  4. recomputes L and stops when it improved by Tol or less.
//
// This is the scheme of quanteda.textmodels' textmodel_wordfish, and it
// reproduces that package's published estimates for the Laver–Benoit–Garry
// example to their printed precision (see the tests). Note that step 3 changes L, so L is not
// monotone over the iterations: on that example the stopping rule fires at
// iteration 22 because L decreases (Improvement < 0), while θ still moves by
// about 3e-3 per iteration. Iterated on (AbsTol, MaxIter in the
// thousands) the algorithm settles about 2,500 iterations later at a point
// up to 0.07 away in θ (R1 −1.3516, R4 0.6385 instead of −1.2906, 0.7096),
// with the same order of the documents. The default estimates are
// therefore those of quanteda's stopping rule, not a fixed point or an
// exact posterior mode; compare positions across fits made with the same
// options.
//
// After the iterations the sign is fixed so that θ[Dir[0]] < θ[Dir[1]]
// (flipping θ and β). The standard error of θ_i is √(−(H⁻¹)₂₂) for the
// document Hessian H of step 2 evaluated at the final estimates.
//
// Documents and features with zero total count are rejected (remove them
// with [DropEmpty]), as are negative or non-finite counts and fewer than 2
// documents or features.
func Wordfish(counts *mat.Dense, opt WordfishOptions) (*WordfishFit, error) {
	y, n, K, err := checkCounts(counts)
	if err != nil {
		return nil, fmt.Errorf("wordfish: %w", err)
	}
	if K < 2 {
		return nil, fmt.Errorf("wordfish: %w: %d features, need at least 2", ErrTooFewDocuments, K)
	}
	rowSum, colSum, total := margins(y, n, K)
	for i, r := range rowSum {
		if r == 0 {
			return nil, fmt.Errorf("wordfish: %w: document %d (drop it first, e.g. with DropEmpty)", ErrEmptyDocument, i)
		}
	}
	for j, c := range colSum {
		if c == 0 {
			return nil, fmt.Errorf("wordfish: %w: feature %d (drop it first, e.g. with DropEmpty)", ErrEmptyFeature, j)
		}
	}
	o, err := opt.withDefaults(n)
	if err != nil {
		return nil, fmt.Errorf("wordfish: %w", err)
	}

	w := &wordfishState{
		y: y, n: n, k: K,
		tauBeta:  precision(o.PriorSDBeta),
		tauTheta: precision(o.PriorSDTheta),
		paramTol: o.ParamTol,
		maxInner: o.MaxInner,
		theta:    make([]float64, n),
		alpha:    make([]float64, n),
		beta:     make([]float64, K),
		psi:      make([]float64, K),
	}
	if err := w.start(rowSum, colSum, total); err != nil {
		return nil, fmt.Errorf("wordfish: %w", err)
	}

	lp := w.logPosterior()
	last := math.Inf(-1)
	iter := 0
	more := func() bool {
		if o.AbsTol {
			return math.Abs(lp-last) > o.Tol
		}
		return lp-last > o.Tol
	}
	for more() && iter < o.MaxIter {
		iter++
		if err := sweep(K, w.updateFeature); err != nil {
			return nil, fmt.Errorf("wordfish: iteration %d: %w", iter, err)
		}
		if err := sweep(n, w.updateDocument); err != nil {
			return nil, fmt.Errorf("wordfish: iteration %d: %w", iter, err)
		}
		if err := w.identify(); err != nil {
			return nil, fmt.Errorf("wordfish: iteration %d: %w", iter, err)
		}
		last, lp = lp, w.logPosterior()
		if math.IsNaN(lp) || math.IsInf(lp, 0) {
			return nil, fmt.Errorf("wordfish: iteration %d: %w: log posterior %v", iter, ErrNumerical, lp)
		}
	}

	if w.theta[o.Dir[0]] > w.theta[o.Dir[1]] {
		for i := range w.theta {
			w.theta[i] = -w.theta[i]
		}
		for j := range w.beta {
			w.beta[j] = -w.beta[j]
		}
	}

	se := make([]float64, n)
	for i := range se {
		h00, det := w.documentHessian(i)
		if !(det > 0) || !(h00 < 0) {
			return nil, fmt.Errorf("wordfish: %w: singular Hessian for document %d", ErrNumerical, i)
		}
		// (H⁻¹)₂₂ = h00/det for a 2×2 symmetric H.
		se[i] = math.Sqrt(-h00 / det)
	}

	return &WordfishFit{
		Theta:        w.theta,
		ThetaSE:      se,
		Alpha:        w.alpha,
		Beta:         w.beta,
		Psi:          w.psi,
		Iterations:   iter,
		LogPosterior: lp,
		Improvement:  lp - last,
		Converged:    !more(),
	}, nil
}

func (opt WordfishOptions) withDefaults(n int) (WordfishOptions, error) {
	o := opt
	if o.Dir == [2]int{} {
		o.Dir = [2]int{0, 1}
	}
	for _, d := range o.Dir {
		if d < 0 || d >= n {
			return o, fmt.Errorf("%w: Dir %v out of range for %d documents", ErrDirection, opt.Dir, n)
		}
	}
	if o.Dir[0] == o.Dir[1] {
		return o, fmt.Errorf("%w: Dir %v must name two different documents", ErrDirection, opt.Dir)
	}
	sd := func(name string, v *float64, def float64) error {
		switch {
		case *v == 0:
			*v = def
		case math.IsNaN(*v) || *v < 0:
			return fmt.Errorf("%w: %s = %v, want > 0 (or +Inf for a flat prior)", ErrOption, name, *v)
		}
		return nil
	}
	if err := sd("PriorSDBeta", &o.PriorSDBeta, 3); err != nil {
		return o, err
	}
	if err := sd("PriorSDTheta", &o.PriorSDTheta, 1); err != nil {
		return o, err
	}
	pos := func(name string, v *float64, def float64) error {
		switch {
		case *v == 0:
			*v = def
		case math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0:
			return fmt.Errorf("%w: %s = %v, want a finite value > 0", ErrOption, name, *v)
		}
		return nil
	}
	if err := pos("Tol", &o.Tol, 1e-6); err != nil {
		return o, err
	}
	if err := pos("ParamTol", &o.ParamTol, 1e-8); err != nil {
		return o, err
	}
	cnt := func(name string, v *int, def int) error {
		switch {
		case *v == 0:
			*v = def
		case *v < 0:
			return fmt.Errorf("%w: %s = %d, want > 0", ErrOption, name, *v)
		}
		return nil
	}
	if err := cnt("MaxIter", &o.MaxIter, 100); err != nil {
		return o, err
	}
	if err := cnt("MaxInner", &o.MaxInner, 10); err != nil {
		return o, err
	}
	return o, nil
}

// precision returns 1/sd², which is 0 for an infinite sd (flat prior).
func precision(sd float64) float64 {
	if math.IsInf(sd, 1) {
		return 0
	}
	return 1 / (sd * sd)
}

// wordfishState holds the data (row-major, n × k) and current parameters.
type wordfishState struct {
	y                 []float64
	n, k              int
	tauBeta, tauTheta float64
	paramTol          float64
	maxInner          int
	theta, alpha      []float64
	beta, psi         []float64
}

func (w *wordfishState) start(rowSum, colSum []float64, total float64) error {
	n, K := w.n, w.k
	z := mat.NewDense(n, K, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < K; j++ {
			e := rowSum[i] * colSum[j] / total
			z.Set(i, j, (w.y[i*K+j]-e)/math.Sqrt(e))
		}
	}
	var svd mat.SVD
	if !svd.Factorize(z, mat.SVDThinU) {
		return fmt.Errorf("%w: SVD of the standardised residuals failed", ErrNumerical)
	}
	var u mat.Dense
	svd.UTo(&u)
	meanLog := 0.0
	for i := 0; i < n; i++ {
		w.theta[i] = u.At(i, 0) / math.Sqrt(rowSum[i]/total)
		w.alpha[i] = math.Log(rowSum[i])
		meanLog += w.alpha[i]
	}
	meanLog /= float64(n)
	for i := range w.alpha {
		w.alpha[i] -= meanLog
	}
	for j := 0; j < K; j++ {
		w.psi[j] = math.Log(colSum[j] / float64(n))
		w.beta[j] = 0
	}
	if err := standardise(w.theta); err != nil {
		return fmt.Errorf("%w: start values: %v", ErrNumerical, err)
	}
	return nil
}

// standardise rescales x in place to mean 0 and sample sd 1 (n−1).
func standardise(x []float64) error {
	m, s := meanSD(x)
	if !(s > 0) || math.IsInf(s, 0) {
		return fmt.Errorf("positions have standard deviation %v", s)
	}
	for i := range x {
		x[i] = (x[i] - m) / s
	}
	return nil
}

// meanSD returns the mean and the sample standard deviation (n−1) of x.
func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}

// identify standardises θ and centres α (step 3 of the algorithm).
func (w *wordfishState) identify() error {
	if err := standardise(w.theta); err != nil {
		return fmt.Errorf("%w: %v", ErrNumerical, err)
	}
	m, _ := meanSD(w.alpha)
	for i := range w.alpha {
		w.alpha[i] -= m
	}
	return nil
}

// logPosterior returns L. Each document's term is summed on its own (in
// parallel) and the terms are added in document order, so the value does
// not depend on the number of goroutines.
func (w *wordfishState) logPosterior() float64 {
	K := w.k
	rows := make([]float64, w.n)
	_ = sweep(w.n, func(i int) error {
		row := w.y[i*K : (i+1)*K]
		a, t := w.alpha[i], w.theta[i]
		lp := 0.0
		for j, yij := range row {
			eta := a + w.psi[j] + w.beta[j]*t
			lp += eta*yij - math.Exp(eta)
		}
		rows[i] = lp - 0.5*w.tauTheta*t*t
		return nil
	})
	lp := 0.0
	for _, r := range rows {
		lp += r
	}
	for _, b := range w.beta {
		lp -= 0.5 * w.tauBeta * b * b
	}
	return lp
}

// newton2 returns the Newton step H⁻¹g for a symmetric 2×2 Hessian
// [[h00, h01], [h01, h11]] that must be negative definite.
func newton2(g0, g1, h00, h01, h11 float64) (d0, d1 float64, ok bool) {
	det := h00*h11 - h01*h01
	if !(det > 0) || !(h00 < 0) || math.IsInf(det, 0) {
		return 0, 0, false
	}
	return (h11*g0 - h01*g1) / det, (h00*g1 - h01*g0) / det, true
}

func (w *wordfishState) updateFeature(j int) error {
	K := w.k
	for it := 0; it < w.maxInner; it++ {
		var g0, g1, h00, h01, h11 float64
		psi, beta := w.psi[j], w.beta[j]
		for i := 0; i < w.n; i++ {
			t := w.theta[i]
			l := math.Exp(w.alpha[i] + psi + beta*t)
			r := w.y[i*K+j] - l
			g0 += r
			g1 += r * t
			h00 -= l
			h01 -= l * t
			h11 -= l * t * t
		}
		g1 -= w.tauBeta * beta
		h11 -= w.tauBeta
		d0, d1, ok := newton2(g0, g1, h00, h01, h11)
		if !ok {
			return fmt.Errorf("%w: singular Hessian for feature %d", ErrNumerical, j)
		}
		w.psi[j] = psi - d0
		w.beta[j] = beta - d1
		if math.IsNaN(w.psi[j]+w.beta[j]) || math.IsInf(w.psi[j]+w.beta[j], 0) {
			return fmt.Errorf("%w: non-finite parameters for feature %d", ErrNumerical, j)
		}
		if math.Max(math.Abs(d0), math.Abs(d1)) <= w.paramTol {
			break
		}
	}
	return nil
}

// documentHessian returns the (α_i, α_i) entry of the Hessian of the log
// posterior with respect to (α_i, θ_i), and the Hessian's determinant.
func (w *wordfishState) documentHessian(i int) (h00, det float64) {
	K := w.k
	a, t := w.alpha[i], w.theta[i]
	var h01, h11 float64
	for j := 0; j < K; j++ {
		b := w.beta[j]
		l := math.Exp(a + w.psi[j] + b*t)
		h00 -= l
		h01 -= l * b
		h11 -= l * b * b
	}
	h11 -= w.tauTheta
	return h00, h00*h11 - h01*h01
}

func (w *wordfishState) updateDocument(i int) error {
	K := w.k
	row := w.y[i*K : (i+1)*K]
	for it := 0; it < w.maxInner; it++ {
		var g0, g1, h00, h01, h11 float64
		a, t := w.alpha[i], w.theta[i]
		for j, yij := range row {
			b := w.beta[j]
			l := math.Exp(a + w.psi[j] + b*t)
			r := yij - l
			g0 += r
			g1 += r * b
			h00 -= l
			h01 -= l * b
			h11 -= l * b * b
		}
		g1 -= w.tauTheta * t
		h11 -= w.tauTheta
		d0, d1, ok := newton2(g0, g1, h00, h01, h11)
		if !ok {
			return fmt.Errorf("%w: singular Hessian for document %d", ErrNumerical, i)
		}
		w.alpha[i] = a - d0
		w.theta[i] = t - d1
		if math.IsNaN(w.alpha[i]+w.theta[i]) || math.IsInf(w.alpha[i]+w.theta[i], 0) {
			return fmt.Errorf("%w: non-finite parameters for document %d", ErrNumerical, i)
		}
		if math.Max(math.Abs(d0), math.Abs(d1)) <= w.paramTol {
			break
		}
	}
	return nil
}

// checkCounts validates a count matrix and returns its entries row-major.
func checkCounts(counts *mat.Dense) (y []float64, n, k int, err error) {
	if counts == nil || counts.IsEmpty() {
		return nil, 0, 0, fmt.Errorf("%w: empty count matrix", ErrTooFewDocuments)
	}
	n, k = counts.Dims()
	if n < 2 {
		return nil, n, k, fmt.Errorf("%w: %d document(s), need at least 2", ErrTooFewDocuments, n)
	}
	y = make([]float64, n*k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			v := counts.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return nil, n, k, fmt.Errorf("%w: %v at document %d, feature %d", ErrInvalidCount, v, i, j)
			}
			y[i*k+j] = v
		}
	}
	return y, n, k, nil
}

func margins(y []float64, n, k int) (rowSum, colSum []float64, total float64) {
	rowSum = make([]float64, n)
	colSum = make([]float64, k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			v := y[i*k+j]
			rowSum[i] += v
			colSum[j] += v
			total += v
		}
	}
	return rowSum, colSum, total
}

// DropEmpty returns the sub-matrix of counts without the documents (rows)
// and features (columns) whose total count is zero, together with the
// indices, in counts, of the rows and columns kept. Removing an all-zero
// column leaves every row sum unchanged and vice versa, so one pass
// suffices. Negative or non-finite counts are an error (ErrInvalidCount).
// If nothing is left, reduced is nil.
func DropEmpty(counts *mat.Dense) (reduced *mat.Dense, rows, cols []int, err error) {
	if counts == nil || counts.IsEmpty() {
		return nil, nil, nil, nil
	}
	n, k := counts.Dims()
	rowSum := make([]float64, n)
	colSum := make([]float64, k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			v := counts.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return nil, nil, nil, fmt.Errorf("drop empty: %w: %v at document %d, feature %d", ErrInvalidCount, v, i, j)
			}
			rowSum[i] += v
			colSum[j] += v
		}
	}
	for i, s := range rowSum {
		if s > 0 {
			rows = append(rows, i)
		}
	}
	for j, s := range colSum {
		if s > 0 {
			cols = append(cols, j)
		}
	}
	if len(rows) == 0 || len(cols) == 0 {
		return nil, rows, cols, nil
	}
	reduced = mat.NewDense(len(rows), len(cols), nil)
	for a, i := range rows {
		for b, j := range cols {
			reduced.Set(a, b, counts.At(i, j))
		}
	}
	return reduced, rows, cols, nil
}

// sweepChunk is the number of consecutive indexes one goroutine of sweep
// takes at a time.
const sweepChunk = 32

// sweep calls update for every index in [0, n) on up to GOMAXPROCS
// goroutines. Wordfish's sweeps are made of independent updates (a
// feature's Newton steps read only document parameters, which the feature
// sweep does not write, and vice versa), so the estimates do not depend on
// the number of goroutines or their scheduling. The error returned is that
// of the lowest failing index.
func sweep(n int, update func(int) error) error {
	chunks := (n + sweepChunk - 1) / sweepChunk
	workers := min(runtime.GOMAXPROCS(0), chunks)
	errs := make([]error, chunks)
	run := func(c int) {
		for i := c * sweepChunk; i < min(n, (c+1)*sweepChunk); i++ {
			if err := update(i); err != nil {
				errs[c] = err
				return
			}
		}
	}
	if workers <= 1 {
		for c := range chunks {
			run(c)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for c := int(next.Add(1)) - 1; c < chunks; c = int(next.Add(1)) - 1 {
					run(c)
				}
			})
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
