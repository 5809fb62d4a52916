package corpus

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// WeightingDescription describes the feature matrix of Build; it is
// Result.Weighting.
const WeightingDescription = "words: relative frequencies × idf (ln n/df) with L2-normalised rows; " +
	"positions: stance scores per target and mean tone (missing tone = mean); " +
	"each block centred and divided by the square root of its first eigenvalue (multiple factor analysis), " +
	"so that each block's main axis has variance 1 and the many word columns do not drown the few stance columns"

// featureMatrix builds the block-weighted feature matrix from the word
// counts and the position block (nil when there is none), and returns the
// names of the position columns.
func featureMatrix(counts *mat.Dense, pos *mat.Dense, posNames []string) (*mat.Dense, []string) {
	n, v := counts.Dims()
	words := tfidf(counts)
	mfa(words)
	p := 0
	if pos != nil {
		_, p = pos.Dims()
		pos = mat.DenseCopyOf(pos)
		mfa(pos)
	}
	x := mat.NewDense(n, v+p, nil)
	x.Slice(0, n, 0, v).(*mat.Dense).Copy(words)
	if p > 0 {
		x.Slice(0, n, v, v+p).(*mat.Dense).Copy(pos)
	}
	return x, posNames
}

// tfidf returns the relative frequencies of counts times the inverse
// document frequency ln(n/df), each row scaled to unit Euclidean norm.
func tfidf(counts *mat.Dense) *mat.Dense {
	n, v := counts.Dims()
	idf := make([]float64, v)
	for j := 0; j < v; j++ {
		df := 0
		for i := 0; i < n; i++ {
			if counts.At(i, j) > 0 {
				df++
			}
		}
		if df > 0 {
			idf[j] = math.Log(float64(n) / float64(df))
		}
	}
	w := mat.NewDense(n, v, nil)
	for i := 0; i < n; i++ {
		row := counts.RawRowView(i)
		var total float64
		for _, c := range row {
			total += c
		}
		if total == 0 {
			continue
		}
		out := w.RawRowView(i)
		var norm float64
		for j, c := range row {
			out[j] = c / total * idf[j]
			norm += out[j] * out[j]
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for j := range out {
				out[j] /= norm
			}
		}
	}
	return w
}

// centre subtracts its mean from every column of x.
func centre(x *mat.Dense) {
	n, p := x.Dims()
	for j := 0; j < p; j++ {
		var m float64
		for i := 0; i < n; i++ {
			m += x.At(i, j)
		}
		m /= float64(n)
		for i := 0; i < n; i++ {
			x.Set(i, j, x.At(i, j)-m)
		}
	}
}

// mfa centres the block b and divides it by the square root of its first
// eigenvalue λ₁ = σ₁²/(n−1), σ₁ the largest singular value of the centred
// block; a block without variance is left at zero.
func mfa(b *mat.Dense) {
	centre(b)
	n, _ := b.Dims()
	var svd mat.SVD
	if !svd.Factorize(b, mat.SVDNone) {
		return
	}
	s := svd.Values(nil)
	if len(s) == 0 || s[0] <= 1e-12 {
		b.Zero()
		return
	}
	lambda := s[0] * s[0] / float64(n-1)
	b.Scale(1/math.Sqrt(lambda), b)
}
