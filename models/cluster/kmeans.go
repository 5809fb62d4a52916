package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// KMeansOptions controls [KMeans]; the zero value gives the defaults.
type KMeansOptions struct {
	// NInit is the number of k-means++ seedings, each followed by Lloyd
	// iterations; the run with the lowest inertia is kept (default 10).
	NInit int
	// MaxIter caps the Lloyd iterations of one run (default 300).
	MaxIter int
}

// KMeansResult is a k-means partition.
type KMeansResult struct {
	// Labels holds the cluster of every row, canonical: 0, 1, … in order of
	// the smallest row index in each cluster.
	Labels []int
	// Centroids holds the k cluster means, row c for label c.
	Centroids *mat.Dense
	// Inertia is the within-cluster sum of squares Σ_i ‖x_i − μ_{c(i)}‖².
	Inertia float64
	// Iterations is the number of Lloyd assignment steps of the kept run.
	Iterations int
	// Converged reports whether the kept run stopped because no assignment
	// changed (rather than at MaxIter).
	Converged bool
}

// KMeans partitions the rows of x into k clusters minimising the inertia
//
//	W = Σ_i ‖x_i − μ_{c(i)}‖²,  μ_c = mean of the rows in cluster c.
//
// Each of opt.NInit runs seeds k centres by k-means++ (Arthur and
// Vassilvitskii 2007): the first centre is a row drawn uniformly, every
// further centre a row drawn with probability proportional to D(x)², its
// squared distance to the nearest centre chosen so far. Lloyd iterations
// then alternate
//
//	c(i) ← argmin_c ‖x_i − μ_c‖²   (ties: the lowest cluster index)
//	μ_c  ← mean of {x_i : c(i) = c}
//
// until no assignment changes or opt.MaxIter steps. A cluster left empty
// gets the row farthest from its centre (ties: the lowest row index). The
// run with the lowest inertia is kept (ties: the earliest run) and its
// clusters relabelled canonically.
//
// All randomness comes from src, drawn in a fixed order, so a given seed
// gives the same result. k must lie in [1, n], and x must have at least k
// distinct rows.
func KMeans(x *mat.Dense, k int, src rand.Source, opt KMeansOptions) (*KMeansResult, error) {
	pts, err := rows(x)
	if err != nil {
		return nil, fmt.Errorf("kmeans: %w", err)
	}
	n, d := x.Dims()
	if k < 1 || k > n {
		return nil, fmt.Errorf("kmeans: %w: k = %d for %d rows", ErrK, k, n)
	}
	if src == nil {
		return nil, fmt.Errorf("kmeans: nil rand.Source")
	}
	if opt.NInit < 0 || opt.MaxIter < 0 {
		return nil, fmt.Errorf("kmeans: negative NInit (%d) or MaxIter (%d)", opt.NInit, opt.MaxIter)
	}
	if opt.NInit == 0 {
		opt.NInit = 10
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 300
	}
	if dist := distinctRows(pts); dist < k {
		return nil, fmt.Errorf("kmeans: %w: k = %d but only %d distinct rows", ErrK, k, dist)
	}
	rng := rand.New(src)
	var best *kmRun
	for r := 0; r < opt.NInit; r++ {
		run := newKMRun(pts, k, d)
		run.seed(rng)
		run.lloyd(opt.MaxIter)
		if best == nil || run.inertia < best.inertia {
			best = run
		}
	}
	labels, old := canonical(best.labels)
	cent := mat.NewDense(k, d, nil)
	for c, o := range old {
		cent.SetRow(c, best.centres[o])
	}
	return &KMeansResult{
		Labels:     labels,
		Centroids:  cent,
		Inertia:    best.inertia,
		Iterations: best.iter,
		Converged:  best.converged,
	}, nil
}

// distinctRows counts the distinct rows of pts.
func distinctRows(pts [][]float64) int {
	s := slices.Clone(pts)
	slices.SortFunc(s, func(a, b []float64) int { return slices.Compare(a, b) })
	cnt := 1
	for i := 1; i < len(s); i++ {
		if slices.Compare(s[i-1], s[i]) != 0 {
			cnt++
		}
	}
	return cnt
}

type kmRun struct {
	pts       [][]float64
	k, d      int
	centres   [][]float64
	labels    []int
	inertia   float64
	iter      int
	converged bool
}

func newKMRun(pts [][]float64, k, d int) *kmRun {
	r := &kmRun{pts: pts, k: k, d: d, labels: make([]int, len(pts)), centres: make([][]float64, k)}
	for c := range r.centres {
		r.centres[c] = make([]float64, d)
	}
	return r
}

// seed chooses the k initial centres by k-means++.
func (r *kmRun) seed(rng *rand.Rand) {
	n := len(r.pts)
	first := rng.IntN(n)
	copy(r.centres[0], r.pts[first])
	d2 := make([]float64, n)
	for i, p := range r.pts {
		d2[i] = sqDist(p, r.centres[0])
	}
	for c := 1; c < r.k; c++ {
		var total float64
		for _, v := range d2 {
			total += v
		}
		u := rng.Float64() * total
		pick := -1
		var cum float64
		for i, v := range d2 {
			if v == 0 {
				continue
			}
			cum += v
			pick = i
			if cum > u {
				break
			}
		}
		// pick ≥ 0: fewer than k centres are chosen and there are at
		// least k distinct rows, so some row has D² > 0.
		copy(r.centres[c], r.pts[pick])
		for i, p := range r.pts {
			if v := sqDist(p, r.centres[c]); v < d2[i] {
				d2[i] = v
			}
		}
	}
}

// lloyd runs Lloyd iterations from the current centres.
func (r *kmRun) lloyd(maxIter int) {
	n := len(r.pts)
	for i := range r.labels {
		r.labels[i] = -1
	}
	counts := make([]int, r.k)
	for r.iter = 1; r.iter <= maxIter; r.iter++ {
		changed := false
		for i, p := range r.pts {
			best, bestD := 0, math.Inf(1)
			for c, m := range r.centres {
				if v := sqDist(p, m); v < bestD {
					best, bestD = c, v
				}
			}
			if r.labels[i] != best {
				r.labels[i] = best
				changed = true
			}
		}
		if !changed {
			r.converged = true
			break
		}
		r.updateMeans(counts)
		// Re-seed empty clusters with the row farthest from its centre.
		for c := 0; c < r.k; c++ {
			if counts[c] > 0 {
				continue
			}
			far, farD := -1, -1.0
			for i, p := range r.pts {
				if counts[r.labels[i]] <= 1 {
					continue // do not empty another cluster
				}
				if v := sqDist(p, r.centres[r.labels[i]]); v > farD {
					far, farD = i, v
				}
			}
			if far < 0 {
				continue
			}
			counts[r.labels[far]]--
			r.labels[far] = c
			counts[c] = 1
			r.updateMeans(counts)
		}
	}
	if r.iter > maxIter {
		r.iter = maxIter
	}
	r.inertia = 0
	for i := 0; i < n; i++ {
		r.inertia += sqDist(r.pts[i], r.centres[r.labels[i]])
	}
}

func (r *kmRun) updateMeans(counts []int) {
	for c := range r.centres {
		counts[c] = 0
		clear(r.centres[c])
	}
	for i, p := range r.pts {
		c := r.labels[i]
		counts[c]++
		m := r.centres[c]
		for j, v := range p {
			m[j] += v
		}
	}
	for c, m := range r.centres {
		if counts[c] == 0 {
			continue
		}
		inv := 1 / float64(counts[c])
		for j := range m {
			m[j] *= inv
		}
	}
}
