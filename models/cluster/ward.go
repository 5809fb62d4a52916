package cluster

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Linkage is a hierarchical clustering of n observations in the layout of
// SciPy's linkage matrix (scipy.cluster.hierarchy.linkage): n−1 rows
// (idx1, idx2, distance, count), one per merge in order of increasing
// distance. Observations are clusters 0 … n−1; the cluster formed by row i
// gets id n+i; idx1 < idx2 are the ids of the two clusters merged, distance
// is their merge height and count the number of observations in the new
// cluster.
type Linkage [][4]float64

// Leaves returns the number n of observations clustered.
func (l Linkage) Leaves() int { return len(l) + 1 }

// Matrix returns l as an (n−1) × 4 matrix, exactly SciPy's Z.
func (l Linkage) Matrix() *mat.Dense {
	if len(l) == 0 {
		return nil
	}
	m := mat.NewDense(len(l), 4, nil)
	for i, r := range l {
		m.SetRow(i, r[:])
	}
	return m
}

// Ward clusters the rows of x by Ward's minimum-variance method on
// Euclidean distances and returns the linkage in SciPy's layout, with the
// distances SciPy's linkage(x, method='ward') reports.
//
// The distance between singletons is the Euclidean distance; after merging
// clusters s and t into u, the distance to every other cluster v follows
// the Lance–Williams recurrence for Ward's method,
//
//	d(u,v) = √( ((|v|+|s|) d(v,s)² + (|v|+|t|) d(v,t)² − |v| d(s,t)²) / (|s|+|t|+|v|) ),
//
// so that d(u,v) = √(2|u||v|/(|u|+|v|)) ‖μ_u − μ_v‖: the merge height is
// √2 times the square root of the increase in the within-cluster sum of
// squares. Merge heights never decrease.
//
// The merges are found by the nearest-neighbour chain algorithm (Müllner
// 2011), O(n²) time and memory: starting from the lowest-index active
// cluster, the chain is extended by the nearest neighbour of its last
// element until two clusters are each other's nearest neighbours, and those
// are merged. Ties: the nearest neighbour is the previous chain element if
// it is among the nearest, else the nearest with the lowest index; the
// merged cluster takes the slot of the higher-index of the two. The merges
// are then sorted by distance (stably) and numbered n, n+1, … in that
// order. This is the procedure SciPy follows for method='ward', so tied
// inputs give SciPy's output too.
//
// x must have at least 2 rows and only finite entries.
func Ward(x *mat.Dense) (Linkage, error) {
	pts, err := rows(x)
	if err != nil {
		return nil, fmt.Errorf("ward: %w", err)
	}
	n := len(pts)
	if n < 2 {
		return nil, fmt.Errorf("ward: %w: %d row(s), need at least 2", ErrData, n)
	}
	// Condensed distance matrix: pair (i<j) at i*n − i(i+1)/2 + j − i − 1.
	dist := make([]float64, n*(n-1)/2)
	idx := func(i, j int) int {
		if i > j {
			i, j = j, i
		}
		return i*n - i*(i+1)/2 + j - i - 1
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			dist[idx(i, j)] = math.Sqrt(sqDist(pts[i], pts[j]))
		}
	}
	size := make([]int, n)
	for i := range size {
		size[i] = 1
	}
	type merge struct {
		a, b int // slots (each a leaf of its cluster)
		d    float64
		size int
	}
	merges := make([]merge, 0, n-1)
	chain := make([]int, 0, n)
	for len(merges) < n-1 {
		if len(chain) == 0 {
			for i := range size {
				if size[i] > 0 {
					chain = append(chain, i)
					break
				}
			}
		}
		var x, y int
		var cur float64
		for {
			x = chain[len(chain)-1]
			cur = math.Inf(1)
			y = -1
			if len(chain) > 1 {
				y = chain[len(chain)-2]
				cur = dist[idx(x, y)]
			}
			for i := 0; i < n; i++ {
				if size[i] == 0 || i == x {
					continue
				}
				if v := dist[idx(x, i)]; v < cur {
					cur, y = v, i
				}
			}
			if len(chain) > 1 && y == chain[len(chain)-2] {
				break
			}
			chain = append(chain, y)
		}
		chain = chain[:len(chain)-2]
		if x > y {
			x, y = y, x
		}
		nx, ny := float64(size[x]), float64(size[y])
		merges = append(merges, merge{a: x, b: y, d: cur, size: size[x] + size[y]})
		// Lance–Williams update into slot y; slot x is retired.
		for i := 0; i < n; i++ {
			if size[i] == 0 || i == x || i == y {
				continue
			}
			ni := float64(size[i])
			dxi, dyi := dist[idx(x, i)], dist[idx(y, i)]
			t := 1 / (nx + ny + ni)
			v := (ni+nx)*t*dxi*dxi + (ni+ny)*t*dyi*dyi - ni*t*cur*cur
			dist[idx(y, i)] = math.Sqrt(math.Max(v, 0))
		}
		size[y] += size[x]
		size[x] = 0
	}
	sort.SliceStable(merges, func(i, j int) bool { return merges[i].d < merges[j].d })

	// Number the clusters with a union-find over ids 0 … 2n−2.
	parent := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		r := i
		for parent[r] != r {
			r = parent[r]
		}
		for parent[i] != r {
			parent[i], i = r, parent[i]
		}
		return r
	}
	out := make(Linkage, n-1)
	for k, m := range merges {
		a, b := find(m.a), find(m.b)
		if a > b {
			a, b = b, a
		}
		out[k] = [4]float64{float64(a), float64(b), m.d, float64(m.size)}
		parent[a], parent[b] = n+k, n+k
	}
	return out, nil
}

// validate checks that l is a well-formed linkage and returns n.
func (l Linkage) validate() (int, error) {
	n := l.Leaves()
	if len(l) == 0 {
		return 0, fmt.Errorf("%w: no merges", ErrLinkage)
	}
	used := make([]bool, 2*n-1)
	size := make([]int, 2*n-1)
	for i := 0; i < n; i++ {
		size[i] = 1
	}
	for k, r := range l {
		a, b := r[0], r[1]
		if a != math.Trunc(a) || b != math.Trunc(b) || a < 0 || b < 0 || a >= float64(n+k) || b >= float64(n+k) || a == b {
			return 0, fmt.Errorf("%w: row %d merges %v and %v", ErrLinkage, k, a, b)
		}
		ia, ib := int(a), int(b)
		if used[ia] || used[ib] {
			return 0, fmt.Errorf("%w: row %d merges a cluster already merged", ErrLinkage, k)
		}
		used[ia], used[ib] = true, true
		size[n+k] = size[ia] + size[ib]
		if float64(size[n+k]) != r[3] {
			return 0, fmt.Errorf("%w: row %d has count %v, want %d", ErrLinkage, k, r[3], size[n+k])
		}
		if math.IsNaN(r[2]) || r[2] < 0 {
			return 0, fmt.Errorf("%w: row %d has distance %v", ErrLinkage, k, r[2])
		}
	}
	return n, nil
}

// Cut forms at most k flat clusters from a linkage, like SciPy's
// fcluster(Z, k, criterion='maxclust'): it finds the smallest height h such
// that merging every pair of clusters joined at height ≤ h leaves no more
// than k clusters, and returns those clusters. With heights h_(1) ≤ … ≤
// h_(n−1) (each merge's height taken as the largest height below and at
// it, so they are monotone), h = h_(n−k) for k < n; ties at that height
// can leave fewer than k clusters, exactly as in SciPy. For k ≥ n every
// observation is its own cluster.
//
// Labels are canonical (0, 1, … in order of the smallest observation index
// in each cluster), unlike fcluster's 1-based labels in tree order; the
// partition is the same.
func Cut(l Linkage, k int) ([]int, error) {
	n, err := l.validate()
	if err != nil {
		return nil, fmt.Errorf("cut: %w", err)
	}
	if k < 1 {
		return nil, fmt.Errorf("cut: %w: k = %d", ErrK, k)
	}
	// Monotone heights: the largest merge height within each cluster.
	h := make([]float64, len(l))
	for i, r := range l {
		h[i] = r[2]
		for _, c := range []int{int(r[0]), int(r[1])} {
			if c >= n && h[c-n] > h[i] {
				h[i] = h[c-n]
			}
		}
	}
	parent := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	if k < n {
		sorted := append([]float64(nil), h...)
		sort.Float64s(sorted)
		th := sorted[n-k-1]
		// h is monotone along the tree, so when a merge is applied the
		// merges forming its two clusters have been applied before it.
		for i, r := range l {
			if h[i] <= th {
				a, b := find(int(r[0])), find(int(r[1]))
				parent[a], parent[b] = n+i, n+i
			}
		}
	}
	raw := make([]int, n)
	for i := range raw {
		raw[i] = find(i)
	}
	labels, _ := canonical(raw)
	return labels, nil
}
