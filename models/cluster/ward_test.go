package cluster_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/models/cluster"
)

func col(v ...float64) *mat.Dense { return mat.NewDense(len(v), 1, v) }

// The five 1-D points 0, 1, 4, 10, 12, by hand. Ward's distance between
// clusters A and B is √(2|A||B|/(|A|+|B|)) |μ_A − μ_B| (for singletons the
// Euclidean distance).
//
//	pairwise: d01=1 d34=2 d12=3 d02=4 d23=6 d24=8 d13=9 d03=10 d14=11 d04=12
//	1. merge 0,1 at 1                → cluster 5 = {0,1}, μ=0.5
//	2. candidates: d34=2, d(5,2)=√(4/3)·3.5≈4.04, d23=6 …
//	   merge 3,4 at 2                → cluster 6 = {3,4}, μ=11
//	3. d(5,2)=√(4/3)·3.5=7/√3≈4.0415, d(2,6)=√(4/3)·7≈8.08, d(5,6)=√2·10.5≈14.85
//	   merge 2,5 at 7/√3             → cluster 7 = {0,1,2}, μ=5/3
//	4. merge 6,7 at √(2·3·2/5)·(11−5/3) = √(12/5)·28/3 ≈ 14.459
//
// Step 3 by Lance–Williams instead: d(5,2)² = ((1+1)·16 + (1+1)·9 − 1·1)/3
// = 49/3, the same 7/√3. SciPy's linkage([[0],[1],[4],[10],[12]], 'ward')
// prints exactly these rows.
var handLinkage = cluster.Linkage{
	{0, 1, 1, 2},
	{3, 4, 2, 2},
	{2, 5, 7 / math.Sqrt(3), 3},
	{6, 7, math.Sqrt(12.0/5) * 28 / 3, 5},
}

func TestWardKnown(t *testing.T) {
	for _, tc := range []struct {
		name string
		x    *mat.Dense
		want cluster.Linkage
		// cuts[k-1] = canonical Cut(l, k), from scipy fcluster maxclust.
		cuts [][]int
	}{
		{
			name: "hand 1-D",
			x:    col(0, 1, 4, 10, 12),
			want: handLinkage,
			cuts: [][]int{{0, 0, 0, 0, 0}, {0, 0, 0, 1, 1}, {0, 0, 1, 2, 2}, {0, 0, 1, 2, 3}, {0, 1, 2, 3, 4}},
		},
		{
			// Duplicates: zero-height merges and ties, as SciPy numbers
			// them. Cutting into 3, 4 or 5 clusters gives 3 because the
			// three lowest merges tie at 0 (fcluster does the same).
			name: "ties with duplicates",
			x:    col(0, 0, 0, 1, 1, 2),
			want: cluster.Linkage{
				{0, 1, 0, 2},
				{2, 6, 0, 3},
				{3, 4, 0, 2},
				{5, 8, 1.1547005383792515, 3},
				{7, 9, 2.3094010767585025, 6},
			},
			cuts: [][]int{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 1, 1, 1}, {0, 0, 0, 1, 1, 2}, {0, 0, 0, 1, 1, 2}, {0, 0, 0, 1, 1, 2}, {0, 1, 2, 3, 4, 5}},
		},
		{
			// A 3 × 2 grid: every nearest pair ties at 1 (SciPy output).
			name: "grid ties",
			x:    mat.NewDense(6, 2, []float64{0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1}),
			want: cluster.Linkage{
				{0, 1, 1, 2},
				{3, 4, 1, 2},
				{2, 5, 1, 2},
				{6, 7, math.Sqrt2, 4},
				{8, 9, 2.449489742783178, 6},
			},
			cuts: [][]int{{0, 0, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 1}, {0, 0, 1, 2, 2, 1}, {0, 0, 1, 2, 2, 1}, {0, 0, 1, 2, 2, 1}, {0, 1, 2, 3, 4, 5}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := cluster.Ward(tc.x)
			if err != nil {
				t.Fatal(err)
			}
			if len(l) != len(tc.want) {
				t.Fatalf("%d rows, want %d", len(l), len(tc.want))
			}
			for i := range l {
				g, w := l[i], tc.want[i]
				if g[0] != w[0] || g[1] != w[1] || g[3] != w[3] || math.Abs(g[2]-w[2]) > 1e-12 {
					t.Errorf("row %d = %v, want %v", i, g, w)
				}
			}
			for k, want := range tc.cuts {
				got, err := cluster.Cut(l, k+1)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("Cut(%d) = %v, want %v", k+1, got, want)
				}
			}
		})
	}
}

func TestWardInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{2, 3, 17, 120} {
		x := mat.NewDense(n, 4, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < 4; j++ {
				// Rounded values: plenty of ties and duplicates.
				x.Set(i, j, math.Round(rng.NormFloat64()*2))
			}
		}
		l, err := cluster.Ward(x)
		if err != nil {
			t.Fatal(err)
		}
		if len(l) != n-1 || l.Leaves() != n {
			t.Fatalf("n=%d: %d rows", n, len(l))
		}
		used := make([]bool, 2*n-1)
		size := make([]float64, 2*n-1)
		for i := 0; i < n; i++ {
			size[i] = 1
		}
		for k, r := range l {
			a, b := int(r[0]), int(r[1])
			if !(a < b) || b >= n+k || used[a] || used[b] {
				t.Fatalf("n=%d row %d = %v: bad ids", n, k, r)
			}
			used[a], used[b] = true, true
			size[n+k] = size[a] + size[b]
			if r[3] != size[n+k] {
				t.Errorf("n=%d row %d count %v, want %v", n, k, r[3], size[n+k])
			}
			if k > 0 && r[2] < l[k-1][2] {
				t.Errorf("n=%d row %d: distance %v < previous %v", n, k, r[2], l[k-1][2])
			}
		}
		if l[n-2][3] != float64(n) {
			t.Errorf("n=%d: last count %v", n, l[n-2][3])
		}
		if m := l.Matrix(); m == nil || m.At(n-2, 3) != float64(n) {
			t.Errorf("Matrix() wrong")
		}
		for _, k := range []int{1, 2, n} {
			lab, err := cluster.Cut(l, k)
			if err != nil {
				t.Fatal(err)
			}
			mx := slices.Max(lab)
			if mx >= k || slices.Min(lab) != 0 {
				t.Errorf("n=%d Cut(%d): labels up to %d", n, k, mx)
			}
		}
	}
}

// Ward agrees with brute force: merging, at each step, the pair whose
// union increases the within-cluster sum of squares least, at height
// √(2·ΔSSE).
func TestWardBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n, d = 25, 3
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, rng.NormFloat64())
		}
	}
	l, err := cluster.Ward(x)
	if err != nil {
		t.Fatal(err)
	}
	type cl struct {
		sum  []float64
		size float64
	}
	active := map[int]cl{}
	for i := 0; i < n; i++ {
		active[i] = cl{slices.Clone(x.RawRowView(i)), 1}
	}
	delta := func(a, b cl) float64 {
		var s float64
		for j := range a.sum {
			v := a.sum[j]/a.size - b.sum[j]/b.size
			s += v * v
		}
		return a.size * b.size / (a.size + b.size) * s
	}
	for k := 0; k < n-1; k++ {
		ba, bb, best := -1, -1, math.Inf(1)
		for a := range active {
			for b := range active {
				if a < b {
					if v := delta(active[a], active[b]); v < best {
						ba, bb, best = a, b, v
					}
				}
			}
		}
		r := l[k]
		if int(r[0]) != ba || int(r[1]) != bb || math.Abs(r[2]-math.Sqrt(2*best)) > 1e-9 {
			t.Fatalf("merge %d: got %v, brute force (%d, %d, %v)", k, r, ba, bb, math.Sqrt(2*best))
		}
		u := cl{make([]float64, d), active[ba].size + active[bb].size}
		for j := range u.sum {
			u.sum[j] = active[ba].sum[j] + active[bb].sum[j]
		}
		delete(active, ba)
		delete(active, bb)
		active[n+k] = u
	}
}

func TestWardErrors(t *testing.T) {
	if _, err := cluster.Ward(col(1)); !errors.Is(err, cluster.ErrData) {
		t.Errorf("one row: %v", err)
	}
	if _, err := cluster.Ward(col(1, math.NaN())); !errors.Is(err, cluster.ErrData) {
		t.Errorf("NaN: %v", err)
	}
	if _, err := cluster.Ward(nil); !errors.Is(err, cluster.ErrData) {
		t.Errorf("nil: %v", err)
	}
	for _, bad := range []cluster.Linkage{
		nil,
		{{0, 0, 1, 2}},
		{{0, 1, 1, 3}},
		{{0, 1, 1, 2}, {0, 2, 1, 3}},
		{{0, 5, 1, 2}},
		{{0, 1, math.NaN(), 2}},
	} {
		if _, err := cluster.Cut(bad, 1); !errors.Is(err, cluster.ErrLinkage) {
			t.Errorf("Cut(%v): %v", bad, err)
		}
	}
	if _, err := cluster.Cut(handLinkage, 0); !errors.Is(err, cluster.ErrK) {
		t.Errorf("Cut k=0: %v", err)
	}
}

func BenchmarkWard500x10(b *testing.B) {
	x := randomMatrix(500, 10, 1)
	for b.Loop() {
		if _, err := cluster.Ward(x); err != nil {
			b.Fatal(err)
		}
	}
}

func randomMatrix(n, d int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, rng.NormFloat64())
		}
	}
	return x
}
