package scaling

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// WordscoresFit is the result of [Wordscores].
type WordscoresFit struct {
	// Ref holds the reference scores as given (NaN for virgin texts).
	Ref []float64
	// WordScores holds S_w for every feature; NaN for features that occur
	// in no reference text (they do not contribute to any text score).
	WordScores []float64
	// Raw holds the raw score S_d of every document, reference texts
	// included; NaN for a document without any scored word.
	Raw []float64
	// SE holds the standard error of Raw (NaN where Raw is NaN).
	SE []float64
	// ScoredWords holds N_d, the number of tokens of document d that have a
	// word score.
	ScoredWords []float64
}

// Wordscores fits the Wordscores model of Laver, Benoit and Garry (2003) to
// a documents × features count matrix y. ref[d] is the a-priori position
// A_d of reference document d, or NaN for a virgin document; at least two
// documents must be reference documents.
//
// With R the set of reference documents, the relative frequency of word w
// in reference text r is F_wr = y_rw / Σ_w' y_rw', the probability that we
// read text r given that we read word w is
//
//	P_wr = F_wr / Σ_{r'∈R} F_wr',
//
// and the score of a word that occurs in some reference text is
//
//	S_w = Σ_{r∈R} P_wr A_r.
//
// Every document d (reference and virgin alike) is then scored over its N_d
// tokens that have a word score, with F_wd = y_dw / N_d:
//
//	S_d = Σ_w F_wd S_w,
//	V_d = Σ_w F_wd (S_w − S_d)²,   SE(S_d) = √(V_d / N_d).
//
// Raw scores are shrunk towards the centre of the word scores; see
// [RescaleLBG] for the rescaling proposed by Laver, Benoit and Garry.
func Wordscores(counts *mat.Dense, ref []float64) (*WordscoresFit, error) {
	y, n, K, err := checkCounts(counts)
	if err != nil {
		return nil, fmt.Errorf("wordscores: %w", err)
	}
	if len(ref) != n {
		return nil, fmt.Errorf("wordscores: %w: %d reference scores for %d documents", ErrReference, len(ref), n)
	}
	var refDocs []int
	for d, a := range ref {
		switch {
		case math.IsNaN(a):
		case math.IsInf(a, 0):
			return nil, fmt.Errorf("wordscores: %w: infinite score for document %d", ErrReference, d)
		default:
			refDocs = append(refDocs, d)
		}
	}
	if len(refDocs) < 2 {
		return nil, fmt.Errorf("wordscores: %w: %d reference document(s), need at least 2", ErrReference, len(refDocs))
	}
	rowSum, _, _ := margins(y, n, K)

	// Σ_r F_wr and Σ_r F_wr A_r.
	sumF := make([]float64, K)
	sumFA := make([]float64, K)
	for _, r := range refDocs {
		if rowSum[r] == 0 {
			return nil, fmt.Errorf("wordscores: %w: reference document %d", ErrEmptyDocument, r)
		}
		for w := 0; w < K; w++ {
			f := y[r*K+w] / rowSum[r]
			sumF[w] += f
			sumFA[w] += f * ref[r]
		}
	}
	ws := make([]float64, K)
	for w := range ws {
		if sumF[w] > 0 {
			ws[w] = sumFA[w] / sumF[w]
		} else {
			ws[w] = math.NaN()
		}
	}

	fit := &WordscoresFit{
		Ref:         append([]float64(nil), ref...),
		WordScores:  ws,
		Raw:         make([]float64, n),
		SE:          make([]float64, n),
		ScoredWords: make([]float64, n),
	}
	for d := 0; d < n; d++ {
		row := y[d*K : (d+1)*K]
		var nd, s float64
		for w, c := range row {
			if c > 0 && !math.IsNaN(ws[w]) {
				nd += c
				s += c * ws[w]
			}
		}
		fit.ScoredWords[d] = nd
		if nd == 0 {
			fit.Raw[d], fit.SE[d] = math.NaN(), math.NaN()
			continue
		}
		s /= nd
		var v float64
		for w, c := range row {
			if c > 0 && !math.IsNaN(ws[w]) {
				dev := ws[w] - s
				v += c / nd * dev * dev
			}
		}
		fit.Raw[d] = s
		fit.SE[d] = math.Sqrt(v / nd)
	}
	return fit, nil
}

// RescaleLBG returns the raw scores of all scored documents rescaled with
// [RescaleLBG] against the fit's reference scores, as quanteda's
// predict(..., rescaling = "lbg") does for the documents it scores.
func (f *WordscoresFit) RescaleLBG() ([]float64, error) {
	return RescaleLBG(f.Raw, f.Ref)
}

// RescaleLBG applies the rescaling of Laver, Benoit and Garry (2003) to the
// raw scores S_v of a set of texts, so that their spread matches that of
// the reference scores A_r:
//
//	S*_v = (S_v − S̄_v) · SD_r / SD_v + S̄_v,
//
// where S̄_v and SD_v are the mean and standard deviation of the raw scores
// and SD_r is the standard deviation of the reference scores (both with
// denominator n−1). NaN entries of raw are ignored and stay NaN; NaN
// entries of refScores (virgin texts) are ignored. It needs at least two
// finite raw scores and two reference scores, and a positive SD_v.
func RescaleLBG(raw, refScores []float64) ([]float64, error) {
	finite := func(x []float64) []float64 {
		var out []float64
		for _, v := range x {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				out = append(out, v)
			}
		}
		return out
	}
	rs, as := finite(raw), finite(refScores)
	if len(rs) < 2 {
		return nil, fmt.Errorf("rescale lbg: %w: %d finite raw score(s), need at least 2", ErrReference, len(rs))
	}
	if len(as) < 2 {
		return nil, fmt.Errorf("rescale lbg: %w: %d reference score(s), need at least 2", ErrReference, len(as))
	}
	mv, sdv := meanSD(rs)
	_, sdr := meanSD(as)
	if !(sdv > 0) {
		return nil, fmt.Errorf("rescale lbg: %w: raw scores have zero spread", ErrNumerical)
	}
	out := make([]float64, len(raw))
	for i, v := range raw {
		if math.IsNaN(v) {
			out[i] = math.NaN()
			continue
		}
		out[i] = (v-mv)*sdr/sdv + mv
	}
	return out, nil
}
