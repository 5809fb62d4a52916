package corpus

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/plenary/plenary/models/cluster"
	"github.com/plenary/plenary/models/scaling"
)

// Errors returned (wrapped, with details) by Build; test for them with
// errors.Is.
var (
	// ErrInput: a delegation, an edge or an option is invalid (an empty or
	// duplicate code, a stance for an unknown target, a score outside
	// [-1, 1], a negative or non-finite edge weight, ...).
	ErrInput = errors.New("corpus: invalid input")
	// ErrTooFewDelegations: fewer than MinIncluded delegations have
	// MinWords words, or no word is shared by two of them. Scaling and
	// clustering need at least three documents to say anything; the
	// caller should write the delegation table without positions.
	ErrTooFewDelegations = errors.New("corpus: too few delegations to scale")
)

// MinIncluded is the least number of included delegations Build scales and
// clusters (two points always lie on a line and always form two clusters).
const MinIncluded = 3

// Defaults of Options.
const (
	DefaultKMax     = 6
	DefaultMinWords = 100
)

// Streams of the PCG random sources, one per use, all seeded with
// Options.Seed: rand.NewPCG(Seed, StreamKMeans+k) for k-means with k
// clusters, rand.NewPCG(Seed, StreamLouvain) for the Louvain communities.
const (
	StreamKMeans  uint64 = 0x6b6d65616e73_0000 // "kmeans"
	StreamLouvain uint64 = 0x6c6f7576_00000000 // "louv"
)

// DelegationInput is what the corpus stage knows about one delegation.
type DelegationInput struct {
	Code string
	// Texts are the delegation's own turns (normalised text), in corpus
	// order. Build counts their terms (see Terms) and adds them to Counts.
	Texts []string
	// Counts and Words are terms already counted (see Counter), for callers
	// that stream many turns and should not hold their texts: a
	// delegation's term counts are bounded by the vocabulary, its texts
	// grow with the corpus. Words is the number of word tokens counted,
	// stopwords included.
	Counts map[string]int
	Words  int
	// Stance maps a target id to the delegation's stance score in [-1, 1]
	// (absent = not addressed = 0).
	Stance map[string]float64
	// Sentiment is the mean substantive tone in [-1, 1]; NaN when unknown.
	Sentiment float64
}

// Edge is one link of the alignment network between two delegation codes,
// with a finite weight ≥ 0. The network is taken as undirected: the weights
// of all edges between the same two codes, in either direction, are summed;
// an edge from a code to itself is ignored.
type Edge struct {
	Source, Target string
	Weight         float64
}

// Options control Build. The zero value gives the defaults (seed 0).
type Options struct {
	// Seed seeds every random source (see StreamKMeans, StreamLouvain).
	Seed uint64
	// K is the number of clusters; 0 chooses it by the mean silhouette of
	// the k-means partitions for k in [2, KMax].
	K int
	// KMax bounds the k tried when K is 0 (default DefaultKMax; at most
	// the number of included delegations − 1).
	KMax int
	// MinWords: delegations with fewer word tokens (see Terms; stopwords
	// count) are left out of scaling and clustering. They keep a Position
	// with Included false. Default DefaultMinWords; 1 includes every
	// delegation that said a word.
	MinWords int
	// WordfishDir names two delegations that fix Wordfish's sign:
	// θ[WordfishDir[0]] < θ[WordfishDir[1]]. Empty means the first two
	// delegations, in code order, that Wordfish scales.
	WordfishDir [2]string
	// WordscoresRef holds reference scores by delegation code; empty means
	// no Wordscores. Every code must be an included delegation.
	WordscoresRef map[string]float64
	// Targets are the target ids whose stance scores form columns of the
	// feature matrix, in order. Empty means every target that occurs in a
	// Stance map, sorted. A Stance key outside a non-empty Targets is an
	// error.
	Targets []string
}

// Position is one delegation's place in the corpus-level models.
type Position struct {
	Code string
	// Included is false when the delegation has fewer than MinWords words;
	// its PC, Wordfish and Wordscores fields are then NaN and its cluster
	// labels −1.
	Included bool
	// Words is the number of word tokens of the delegation's turns
	// (stopwords included; see Terms).
	Words int
	// PC1, PC2 are the scores on the first two principal components of
	// the feature matrix (see Build for the matrix and the sign).
	PC1, PC2 float64
	// WordfishTheta and WordfishSE are Wordfish's position θ and its
	// standard error; NaN when the delegation has no shared word.
	WordfishTheta, WordfishSE float64
	// Wordscore and WordscoreSE are the raw Wordscores score and its
	// standard error, WordscoreLBG the score rescaled as Laver, Benoit and
	// Garry propose (scaling.RescaleLBG); NaN without WordscoresRef.
	Wordscore, WordscoreSE, WordscoreLBG float64
	// KMeans and Ward are cluster labels (canonical, 0-based in order of
	// the first delegation, by code, in each cluster); −1 if not included.
	KMeans, Ward int
	// Community is the delegation's Louvain community on the alignment
	// graph (its index in Result.Communities); −1 if it has no edge.
	Community int
}

// Result is the outcome of Build.
type Result struct {
	// Positions has one entry per input delegation, sorted by Code.
	Positions []Position
	// Features is the DFM vocabulary (stems) of the included delegations,
	// in column order (see DFM).
	Features []string
	// Columns names the columns of the feature matrix that PCA and the
	// clusterings see: the Features, then "stance:<target>" for every
	// target, then "sentiment" if any included delegation has one.
	Columns []string
	// Loadings holds the loadings of PC1 and PC2 on each of Columns.
	Loadings [][2]float64
	// Weighting is a sentence describing the weighting of the feature
	// matrix, for the manifest.
	Weighting string
	// K is the number of clusters, Silhouette the mean silhouette of the
	// k-means partition with K clusters; Silhouettes holds the mean
	// silhouette of every k tried (index k−2; NaN where k-means found no
	// usable partition), nil when Options.K was set.
	K           int
	Silhouette  float64
	Silhouettes []float64
	// Linkage is Ward's linkage over the included delegations in SciPy's
	// layout; LinkageLabels holds their codes, in the row order of the
	// clustered matrix (leaf i of the linkage is LinkageLabels[i]).
	Linkage       cluster.Linkage
	LinkageLabels []string
	// Communities are the Louvain communities of the alignment graph:
	// members sorted, communities sorted by their first member. Modularity
	// is their modularity Q (resolution 1); NaN when the graph has no edge.
	Communities [][]string
	Modularity  float64
	// PCVariance is the share of the feature matrix's total variance that
	// PC1 and PC2 carry.
	PCVariance [2]float64
	// WordfishIterations and WordfishConverged describe the Wordfish fit
	// (see scaling.WordfishFit).
	WordfishIterations int
	WordfishConverged  bool
}

// Build runs the corpus-level models over a set of delegations and their
// alignment network. In order (the package documentation gives the details
// and the reasons):
//
//  1. sorts the delegations by code and checks them (ErrInput);
//  2. counts every delegation's word tokens; those with fewer than
//     MinWords are left out of steps 4–7 (Included false);
//  3. finds the Louvain communities of the alignment graph (all
//     delegations; γ = 1),
//     Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j);
//  4. builds the DFM of the included delegations (features in ≥ 2 of
//     them) and the feature matrix X = [U/√λ₁(U) | P/√λ₁(P)] of the
//     centred word block U (tf-idf, rows of unit length) and position
//     block P (stance per target, tone), λ₁ the largest eigenvalue of a
//     block's covariance;
//  5. PCA of X (stat.PC), each axis signed so that its largest loading is
//     positive;
//  6. Wordfish on the raw counts (and Wordscores with WordscoresRef);
//  7. k-means++ on X for k = K, or for every k in [2, min(KMax, n−1)]
//     keeping the k of largest mean silhouette, and Ward's linkage of X
//     cut into k clusters.
//
// It returns ErrTooFewDelegations when fewer than MinIncluded delegations
// are included or they share no word.
func Build(delegations []DelegationInput, edges []Edge, opt Options) (*Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	dels, err := sortedInputs(delegations)
	if err != nil {
		return nil, err
	}
	targets, err := targetsOf(dels, opt.Targets)
	if err != nil {
		return nil, err
	}

	res := &Result{Positions: make([]Position, len(dels)), Modularity: math.NaN()}
	docs := make([]map[string]int, 0, len(dels))
	df := make(map[string]int)
	var incl []int // indices into dels of the included delegations
	for i, d := range dels {
		p := Position{
			Code: d.Code, PC1: math.NaN(), PC2: math.NaN(),
			WordfishTheta: math.NaN(), WordfishSE: math.NaN(),
			Wordscore: math.NaN(), WordscoreSE: math.NaN(), WordscoreLBG: math.NaN(),
			KMeans: -1, Ward: -1, Community: -1,
		}
		counts := make(map[string]int, len(d.Counts))
		for f, n := range d.Counts {
			counts[f] += n
		}
		p.Words = d.Words
		var c Counter
		for _, t := range d.Texts {
			p.Words += c.Add(counts, t)
		}
		if p.Words >= opt.MinWords {
			p.Included = true
			incl = append(incl, i)
			docs = append(docs, counts)
			for f := range counts {
				df[f]++
			}
		}
		res.Positions[i] = p
	}

	if err := res.communities(edges, opt.Seed); err != nil {
		return nil, err
	}

	if len(incl) < MinIncluded {
		return nil, fmt.Errorf("%w: %d of %d delegations have at least %d words, need %d",
			ErrTooFewDelegations, len(incl), len(dels), opt.MinWords, MinIncluded)
	}
	counts, vocab := dfmOf(docs, df)
	if counts == nil {
		return nil, fmt.Errorf("%w: no word occurs in %d of the %d included delegations",
			ErrTooFewDelegations, MinDocs, len(incl))
	}
	res.Features = vocab
	codes := make([]string, len(incl))
	for r, i := range incl {
		codes[r] = dels[i].Code
	}

	// Feature matrix.
	pos, posNames := stanceBlock(dels, incl, targets)
	x, cols := featureMatrix(counts, pos, posNames)
	res.Columns = append(slices.Clone(vocab), cols...)
	res.Weighting = WeightingDescription

	if err := res.pca(x, incl); err != nil {
		return nil, err
	}
	if err := res.wordfish(counts, incl, codes, opt.WordfishDir); err != nil {
		return nil, err
	}
	if err := res.wordscores(counts, incl, codes, opt.WordscoresRef); err != nil {
		return nil, err
	}
	if err := res.clusters(x, incl, codes, opt); err != nil {
		return nil, err
	}
	return res, nil
}

func (o Options) withDefaults() (Options, error) {
	if o.KMax == 0 {
		o.KMax = DefaultKMax
	}
	if o.MinWords == 0 {
		o.MinWords = DefaultMinWords
	}
	switch {
	case o.K < 0 || o.K == 1:
		return o, fmt.Errorf("%w: K = %d, want 0 (choose) or at least 2", ErrInput, o.K)
	case o.KMax < 2:
		return o, fmt.Errorf("%w: KMax = %d, want at least 2", ErrInput, o.KMax)
	case o.MinWords < 0:
		return o, fmt.Errorf("%w: MinWords = %d, want at least 1", ErrInput, o.MinWords)
	case (o.WordfishDir[0] == "") != (o.WordfishDir[1] == ""):
		return o, fmt.Errorf("%w: WordfishDir %q names one delegation, want two or none", ErrInput, o.WordfishDir)
	case o.WordfishDir[0] != "" && o.WordfishDir[0] == o.WordfishDir[1]:
		return o, fmt.Errorf("%w: WordfishDir names %s twice", ErrInput, o.WordfishDir[0])
	}
	seen := make(map[string]bool)
	for _, t := range o.Targets {
		if t == "" || seen[t] {
			return o, fmt.Errorf("%w: target %q empty or repeated in Targets", ErrInput, t)
		}
		seen[t] = true
	}
	for _, c := range sortedKeys(o.WordscoresRef) {
		if v := o.WordscoresRef[c]; math.IsNaN(v) || math.IsInf(v, 0) {
			return o, fmt.Errorf("%w: Wordscores reference score %v for %s", ErrInput, v, c)
		}
	}
	return o, nil
}

// sortedInputs checks the delegations and returns them sorted by code.
func sortedInputs(in []DelegationInput) ([]DelegationInput, error) {
	dels := slices.Clone(in)
	slices.SortStableFunc(dels, func(a, b DelegationInput) int { return strings.Compare(a.Code, b.Code) })
	for i, d := range dels {
		if d.Code == "" {
			return nil, fmt.Errorf("%w: delegation %d has no code", ErrInput, i)
		}
		if i > 0 && dels[i-1].Code == d.Code {
			return nil, fmt.Errorf("%w: delegation %s given twice", ErrInput, d.Code)
		}
		for _, t := range sortedKeys(d.Stance) {
			if v := d.Stance[t]; !(v >= -1 && v <= 1) {
				return nil, fmt.Errorf("%w: %s: stance on %q is %v, want a number in [-1, 1]", ErrInput, d.Code, t, v)
			}
		}
		if s := d.Sentiment; !math.IsNaN(s) && !(s >= -1 && s <= 1) {
			return nil, fmt.Errorf("%w: %s: sentiment %v, want a number in [-1, 1] or NaN", ErrInput, d.Code, s)
		}
	}
	return dels, nil
}

// targetsOf returns the stance columns: the given targets, or the sorted
// union of the stance keys.
func targetsOf(dels []DelegationInput, given []string) ([]string, error) {
	if len(given) > 0 {
		for _, d := range dels {
			for _, t := range sortedKeys(d.Stance) {
				if !slices.Contains(given, t) {
					return nil, fmt.Errorf("%w: %s has a stance on %q, which is not among Targets %q", ErrInput, d.Code, t, given)
				}
			}
		}
		return given, nil
	}
	var ts []string
	for _, d := range dels {
		for t := range d.Stance {
			if !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
	}
	slices.Sort(ts)
	return ts, nil
}

// stanceBlock returns the position block of the included delegations: one
// column per target and, if any included delegation has a sentiment, one
// for it (NaN replaced by the mean of the known values), with their names.
func stanceBlock(dels []DelegationInput, incl []int, targets []string) (*mat.Dense, []string) {
	var names []string
	for _, t := range targets {
		names = append(names, "stance:"+t)
	}
	var sum float64
	var known int
	for _, i := range incl {
		if s := dels[i].Sentiment; !math.IsNaN(s) {
			sum += s
			known++
		}
	}
	if known > 0 {
		names = append(names, "sentiment")
	}
	if len(names) == 0 {
		return nil, nil
	}
	b := mat.NewDense(len(incl), len(names), nil)
	for r, i := range incl {
		for c, t := range targets {
			b.Set(r, c, dels[i].Stance[t])
		}
		if known > 0 {
			s := dels[i].Sentiment
			if math.IsNaN(s) {
				s = sum / float64(known)
			}
			b.Set(r, len(targets), s)
		}
	}
	return b, names
}

// pca fills PC1, PC2, the loadings and the variance shares.
func (res *Result) pca(x *mat.Dense, incl []int) error {
	n, p := x.Dims()
	var pc stat.PC
	if !pc.PrincipalComponents(x, nil) {
		return fmt.Errorf("corpus: PCA of the %d×%d feature matrix failed", n, p)
	}
	vars := pc.VarsTo(nil)
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	_, nc := vecs.Dims()
	var total float64
	for _, v := range vars {
		total += v
	}
	var centred mat.Dense
	centred.CloneFrom(x)
	centre(&centred)
	res.Loadings = make([][2]float64, p)
	for k := 0; k < 2; k++ {
		if k >= nc {
			for r := range incl {
				setPC(&res.Positions[incl[r]], k, 0)
			}
			continue
		}
		// Sign: the loading of largest magnitude is positive (ties: the
		// first column).
		best := 0
		for j := 1; j < p; j++ {
			if math.Abs(vecs.At(j, k)) > math.Abs(vecs.At(best, k)) {
				best = j
			}
		}
		sign := 1.0
		if vecs.At(best, k) < 0 {
			sign = -1
		}
		for j := 0; j < p; j++ {
			res.Loadings[j][k] = sign * vecs.At(j, k)
		}
		for r, i := range incl {
			var s float64
			for j := 0; j < p; j++ {
				s += centred.At(r, j) * res.Loadings[j][k]
			}
			setPC(&res.Positions[i], k, s)
		}
		if total > 0 {
			res.PCVariance[k] = vars[k] / total
		}
	}
	return nil
}

func setPC(p *Position, k int, v float64) {
	if k == 0 {
		p.PC1 = v
	} else {
		p.PC2 = v
	}
}

// wordfish fits Wordfish to the raw counts of the included delegations.
func (res *Result) wordfish(counts *mat.Dense, incl []int, codes []string, dir [2]string) error {
	reduced, rows, _, err := scaling.DropEmpty(counts)
	if err != nil {
		return fmt.Errorf("corpus: wordfish: %w", err)
	}
	if reduced == nil || len(rows) < 2 {
		return nil
	}
	var d [2]int
	if dir[0] != "" {
		for k, c := range dir {
			r := slices.Index(codes, c)
			if r < 0 {
				return fmt.Errorf("%w: WordfishDir: %s is not an included delegation", ErrInput, c)
			}
			d[k] = slices.Index(rows, r)
			if d[k] < 0 {
				return fmt.Errorf("%w: WordfishDir: %s shares no word with the others", ErrInput, c)
			}
		}
	} else {
		d = [2]int{0, 1}
	}
	fit, err := scaling.Wordfish(reduced, scaling.WordfishOptions{Dir: d})
	if err != nil {
		return fmt.Errorf("corpus: wordfish: %w", err)
	}
	for k, r := range rows {
		p := &res.Positions[incl[r]]
		p.WordfishTheta, p.WordfishSE = fit.Theta[k], fit.ThetaSE[k]
	}
	res.WordfishIterations, res.WordfishConverged = fit.Iterations, fit.Converged
	return nil
}

// wordscores scores the included delegations against the reference ones.
func (res *Result) wordscores(counts *mat.Dense, incl []int, codes []string, ref map[string]float64) error {
	if len(ref) == 0 {
		return nil
	}
	a := make([]float64, len(codes))
	for r := range a {
		a[r] = math.NaN()
	}
	for _, c := range sortedKeys(ref) {
		v := ref[c]
		r := slices.Index(codes, c)
		if r < 0 {
			return fmt.Errorf("%w: WordscoresRef: %s is not an included delegation", ErrInput, c)
		}
		a[r] = v
	}
	fit, err := scaling.Wordscores(counts, a)
	if err != nil {
		return fmt.Errorf("corpus: wordscores: %w", err)
	}
	lbg, err := fit.RescaleLBG()
	if err != nil {
		lbg = nil // too few scored documents to rescale: leave NaN
	}
	for r, i := range incl {
		p := &res.Positions[i]
		p.Wordscore, p.WordscoreSE = fit.Raw[r], fit.SE[r]
		if lbg != nil {
			p.WordscoreLBG = lbg[r]
		}
	}
	return nil
}

// clusters runs k-means (choosing k if needed) and Ward on x.
func (res *Result) clusters(x *mat.Dense, incl []int, codes []string, opt Options) error {
	n := len(incl)
	kmeans := func(k int) (*cluster.KMeansResult, error) {
		return cluster.KMeans(x, k, rand.NewPCG(opt.Seed, StreamKMeans+uint64(k)), cluster.KMeansOptions{})
	}
	k := opt.K
	if k == 0 {
		kmax := min(opt.KMax, n-1)
		best, scores, err := cluster.ChooseK(x, 2, kmax, func(k int) []int {
			km, err := kmeans(k)
			if err != nil {
				// Fewer distinct rows than k: no partition (all in one
				// cluster, which ChooseK skips).
				return make([]int, n)
			}
			return km.Labels
		})
		if err != nil {
			return fmt.Errorf("corpus: choosing k: %w", err)
		}
		k, res.Silhouettes = best, scores
	} else if k > n-1 {
		return fmt.Errorf("%w: K = %d for %d included delegations, want at most %d", ErrInput, k, n, n-1)
	}
	km, err := kmeans(k)
	if err != nil {
		return fmt.Errorf("corpus: k-means: %w", err)
	}
	res.K = k
	res.Silhouette, _, err = cluster.Silhouette(x, km.Labels)
	if err != nil {
		res.Silhouette = math.NaN()
	}
	link, err := cluster.Ward(x)
	if err != nil {
		return fmt.Errorf("corpus: ward: %w", err)
	}
	ward, err := cluster.Cut(link, k)
	if err != nil {
		return fmt.Errorf("corpus: ward: %w", err)
	}
	res.Linkage, res.LinkageLabels = link, codes
	for r, i := range incl {
		res.Positions[i].KMeans = km.Labels[r]
		res.Positions[i].Ward = ward[r]
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
