package cluster

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Silhouette returns the mean silhouette width of a partition of the rows
// of x, and the width of every row (Rousseeuw 1987). With d the Euclidean
// distance, for row i in cluster A
//
//	a(i) = mean_{j∈A, j≠i} d(i,j),
//	b(i) = min_{B≠A} mean_{j∈B} d(i,j),
//	s(i) = (b(i) − a(i)) / max(a(i), b(i)),
//
// with s(i) = 0 when A = {i} (and when a(i) = b(i) = 0). The mean is taken
// over all rows, as in scikit-learn's silhouette_score. Labels may be any
// integers; there must be between 2 and n−1 distinct ones.
func Silhouette(x *mat.Dense, labels []int) (mean float64, perPoint []float64, err error) {
	pts, err := rows(x)
	if err != nil {
		return 0, nil, fmt.Errorf("silhouette: %w", err)
	}
	n := len(pts)
	if len(labels) != n {
		return 0, nil, fmt.Errorf("silhouette: %w: %d labels for %d rows", ErrLabels, len(labels), n)
	}
	lab, old := canonical(labels)
	k := len(old)
	if k < 2 || k > n-1 {
		return 0, nil, fmt.Errorf("silhouette: %w: %d clusters for %d rows, need 2 … n−1", ErrLabels, k, n)
	}
	size := make([]int, k)
	for _, c := range lab {
		size[c]++
	}
	perPoint = make([]float64, n)
	sum := make([]float64, k)
	for i := 0; i < n; i++ {
		clear(sum)
		for j := 0; j < n; j++ {
			if j != i {
				sum[lab[j]] += math.Sqrt(sqDist(pts[i], pts[j]))
			}
		}
		own := lab[i]
		if size[own] == 1 {
			continue // s(i) = 0
		}
		a := sum[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := 0; c < k; c++ {
			if c != own {
				b = math.Min(b, sum[c]/float64(size[c]))
			}
		}
		if m := math.Max(a, b); m > 0 {
			perPoint[i] = (b - a) / m
		}
	}
	for _, s := range perPoint {
		mean += s
	}
	return mean / float64(n), perPoint, nil
}

// ChooseK clusters x for every k in [kmin, kmax] with cluster(k) and
// returns the k whose partition has the largest mean silhouette (ties: the
// smaller k), together with the mean silhouette of every k (scores[k−kmin];
// NaN where the partition has fewer than 2 or more than n−1 clusters, e.g.
// when a tied dendrogram cut gives fewer than k). kmin must be at least 2
// and kmax at most n−1.
func ChooseK(x *mat.Dense, kmin, kmax int, cluster func(k int) []int) (best int, scores []float64, err error) {
	if x == nil || x.IsEmpty() {
		return 0, nil, fmt.Errorf("choose k: %w: empty matrix", ErrData)
	}
	n, _ := x.Dims()
	if kmin < 2 || kmax > n-1 || kmin > kmax {
		return 0, nil, fmt.Errorf("choose k: %w: range [%d, %d] for %d rows, need 2 ≤ kmin ≤ kmax ≤ n−1", ErrK, kmin, kmax, n)
	}
	if cluster == nil {
		return 0, nil, fmt.Errorf("choose k: nil cluster function")
	}
	scores = make([]float64, kmax-kmin+1)
	bestScore := math.Inf(-1)
	for k := kmin; k <= kmax; k++ {
		labels := cluster(k)
		if len(labels) != n {
			return 0, nil, fmt.Errorf("choose k: %w: k = %d gave %d labels for %d rows", ErrLabels, k, len(labels), n)
		}
		m, _, err := Silhouette(x, labels)
		if errors.Is(err, ErrLabels) {
			scores[k-kmin] = math.NaN()
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("choose k: k = %d: %w", k, err)
		}
		scores[k-kmin] = m
		if m > bestScore {
			best, bestScore = k, m
		}
	}
	if best == 0 {
		return 0, scores, fmt.Errorf("choose k: %w: no k in [%d, %d] gave a usable partition", ErrLabels, kmin, kmax)
	}
	return best, scores, nil
}
