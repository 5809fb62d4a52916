// Package cluster groups the rows of a data matrix: k-means with k-means++
// seeding ([KMeans]), Ward's agglomerative hierarchical clustering in
// SciPy's linkage-matrix layout ([Ward], [Cut]), and the silhouette
// criterion to compare partitions and choose their number ([Silhouette],
// [ChooseK]).
//
// Every function is deterministic: KMeans draws all its randomness from the
// rand.Source it is given, and ties are broken by documented index rules.
// Labels are canonical: clusters are numbered 0, 1, … in the order of the
// smallest row index they contain, so equal partitions have equal labels.
//
// References:
//
//   - Arthur, D. and Vassilvitskii, S. (2007). k-means++: The Advantages of
//     Careful Seeding. Proceedings of SODA 2007, 1027–1035.
//   - Ward, J. H. (1963). Hierarchical Grouping to Optimize an Objective
//     Function. Journal of the American Statistical Association 58: 236–244.
//   - Müllner, D. (2011). Modern hierarchical, agglomerative clustering
//     algorithms. arXiv:1109.2378.
//   - Rousseeuw, P. J. (1987). Silhouettes: a Graphical Aid to the
//     Interpretation and Validation of Cluster Analysis. Journal of
//     Computational and Applied Mathematics 20: 53–65.
package cluster

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Errors returned (wrapped, with details) by this package; test for them
// with errors.Is.
var (
	// ErrData: the data matrix is empty or has a NaN or infinite entry.
	ErrData = errors.New("cluster: invalid data")
	// ErrK: the number of clusters is out of range for the data.
	ErrK = errors.New("cluster: invalid number of clusters")
	// ErrLabels: a labelling does not fit the data or has too few or too
	// many clusters.
	ErrLabels = errors.New("cluster: invalid labels")
	// ErrLinkage: a linkage is not a valid SciPy-layout linkage matrix.
	ErrLinkage = errors.New("cluster: invalid linkage")
)

// rows validates x and returns its rows as slices (views, not copies, when
// possible).
func rows(x *mat.Dense) ([][]float64, error) {
	if x == nil || x.IsEmpty() {
		return nil, fmt.Errorf("%w: empty matrix", ErrData)
	}
	n, d := x.Dims()
	out := make([][]float64, n)
	for i := 0; i < n; i++ {
		r := x.RawRowView(i)
		for j, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: %v at row %d, column %d", ErrData, v, i, j)
			}
		}
		out[i] = r[:d:d]
	}
	return out, nil
}

func sqDist(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		d := v - b[i]
		s += d * d
	}
	return s
}

// canonical renumbers labels 0, 1, … in order of first appearance and
// returns the new labels and, for each new label, the old one.
func canonical(labels []int) (out []int, old []int) {
	m := make(map[int]int)
	out = make([]int, len(labels))
	for i, l := range labels {
		c, ok := m[l]
		if !ok {
			c = len(old)
			m[l] = c
			old = append(old, l)
		}
		out[i] = c
	}
	return out, old
}
