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

// clouds returns per points around each centre (Gaussian noise, sd) in
// row order centre by centre, and the true canonical labels.
func clouds(centres [][]float64, per int, sd float64, seed uint64) (*mat.Dense, []int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	d := len(centres[0])
	x := mat.NewDense(len(centres)*per, d, nil)
	var labels []int
	for c, m := range centres {
		for p := 0; p < per; p++ {
			i := c*per + p
			for j := 0; j < d; j++ {
				x.Set(i, j, m[j]+sd*rng.NormFloat64())
			}
			labels = append(labels, c)
		}
	}
	return x, labels
}

// Shuffle the rows so that cluster order is not row order.
func shuffled(x *mat.Dense, labels []int, seed uint64) (*mat.Dense, []int) {
	n, d := x.Dims()
	perm := rand.New(rand.NewPCG(seed, 7)).Perm(n)
	y := mat.NewDense(n, d, nil)
	raw := make([]int, n)
	for i, p := range perm {
		y.SetRow(i, x.RawRowView(p))
		raw[i] = labels[p]
	}
	// canonical: order of first appearance
	m := map[int]int{}
	out := make([]int, n)
	for i, l := range raw {
		if _, ok := m[l]; !ok {
			m[l] = len(m)
		}
		out[i] = m[l]
	}
	return y, out
}

func TestKMeansSeparable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		centres [][]float64
	}{
		{"3 clouds 2-D", [][]float64{{0, 0}, {10, 0}, {0, 10}}},
		{"4 clouds 3-D", [][]float64{{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}}},
		{"2 clouds 1-D", [][]float64{{-5}, {5}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x0, l0 := clouds(tc.centres, 25, 0.7, 1)
			x, want := shuffled(x0, l0, 2)
			k := len(tc.centres)
			res, err := cluster.KMeans(x, k, rand.NewPCG(42, 0), cluster.KMeansOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Labels, want) {
				t.Errorf("labels %v\nwant   %v", res.Labels, want)
			}
			if !res.Converged {
				t.Errorf("not converged after %d iterations", res.Iterations)
			}
			// Centroids are the cluster means and inertia their SSE.
			n, d := x.Dims()
			var sse float64
			for c := 0; c < k; c++ {
				mean := make([]float64, d)
				cnt := 0.0
				for i := 0; i < n; i++ {
					if res.Labels[i] == c {
						cnt++
						for j := range mean {
							mean[j] += x.At(i, j)
						}
					}
				}
				for j := range mean {
					mean[j] /= cnt
					if math.Abs(mean[j]-res.Centroids.At(c, j)) > 1e-12 {
						t.Errorf("centroid %d,%d = %v, want %v", c, j, res.Centroids.At(c, j), mean[j])
					}
				}
				for i := 0; i < n; i++ {
					if res.Labels[i] == c {
						for j := range mean {
							v := x.At(i, j) - mean[j]
							sse += v * v
						}
					}
				}
			}
			if math.Abs(sse-res.Inertia) > 1e-9*sse {
				t.Errorf("inertia %v, want %v", res.Inertia, sse)
			}
			// Ward recovers the same clouds.
			l, err := cluster.Ward(x)
			if err != nil {
				t.Fatal(err)
			}
			cut, err := cluster.Cut(l, k)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(cut, want) {
				t.Errorf("ward cut %v\nwant     %v", cut, want)
			}
		})
	}
}

func TestKMeansKnown(t *testing.T) {
	// 0,1,2 | 10,11,12: centroids 1 and 11, inertia 2 + 2 = 4, for any seed.
	x := col(10, 0, 11, 1, 12, 2)
	for seed := uint64(0); seed < 20; seed++ {
		res, err := cluster.KMeans(x, 2, rand.NewPCG(seed, seed), cluster.KMeansOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Labels, []int{0, 1, 0, 1, 0, 1}) || res.Inertia != 4 ||
			res.Centroids.At(0, 0) != 11 || res.Centroids.At(1, 0) != 1 {
			t.Fatalf("seed %d: labels %v centroids %v inertia %v", seed, res.Labels, mat.Formatted(res.Centroids.T()), res.Inertia)
		}
	}
	// k = 1: one cluster at the mean; k = n: every row its own cluster.
	res, err := cluster.KMeans(x, 1, rand.NewPCG(1, 1), cluster.KMeansOptions{})
	// Σ(x−6)² = 16+36+25+25+36+16 = 154.
	if err != nil || res.Centroids.At(0, 0) != 6 || res.Inertia != 154 {
		t.Errorf("k=1: %v %v", res, err)
	}
	res, err = cluster.KMeans(x, 6, rand.NewPCG(1, 1), cluster.KMeansOptions{})
	if err != nil || res.Inertia != 0 || !slices.Equal(res.Labels, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("k=n: %v %v", res, err)
	}
}

func TestKMeansDeterministic(t *testing.T) {
	// Overlapping clouds: restarts matter, the result must still be a
	// function of the seed alone.
	x := randomMatrix(150, 3, 11)
	run := func(seed uint64) *cluster.KMeansResult {
		res, err := cluster.KMeans(x, 5, rand.NewPCG(seed, 1), cluster.KMeansOptions{NInit: 4})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	a, b := run(7), run(7)
	if !slices.Equal(a.Labels, b.Labels) || a.Inertia != b.Inertia || !mat.Equal(a.Centroids, b.Centroids) || a.Iterations != b.Iterations {
		t.Errorf("same seed, different results")
	}
	// Canonical labels: the first row is in cluster 0 and each new label
	// first appears after all smaller ones.
	next := 0
	for _, l := range a.Labels {
		if l > next || l < 0 || l >= 5 {
			t.Fatalf("labels not canonical: %v", a.Labels)
		}
		if l == next {
			next++
		}
	}
	// More restarts never give a worse optimum than the first restart
	// alone, with the same seed (the first seeding is shared).
	one, err := cluster.KMeans(x, 5, rand.NewPCG(7, 1), cluster.KMeansOptions{NInit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if a.Inertia > one.Inertia {
		t.Errorf("NInit 4 inertia %v > NInit 1 inertia %v", a.Inertia, one.Inertia)
	}
}

func TestKMeansErrors(t *testing.T) {
	x := col(0, 1, 1, 1)
	src := rand.NewPCG(1, 2)
	for _, tc := range []struct {
		name string
		x    *mat.Dense
		k    int
		src  rand.Source
		want error
	}{
		{"k=0", x, 0, src, cluster.ErrK},
		{"k>n", x, 5, src, cluster.ErrK},
		{"too few distinct", x, 3, src, cluster.ErrK},
		{"NaN", col(0, math.NaN()), 1, src, cluster.ErrData},
		{"nil data", nil, 1, src, cluster.ErrData},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cluster.KMeans(tc.x, tc.k, tc.src, cluster.KMeansOptions{}); !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := cluster.KMeans(x, 1, nil, cluster.KMeansOptions{}); err == nil {
		t.Errorf("nil source accepted")
	}
	if _, err := cluster.KMeans(x, 1, src, cluster.KMeansOptions{NInit: -1}); err == nil {
		t.Errorf("negative NInit accepted")
	}
}

func BenchmarkKMeans1000x10k5(b *testing.B) {
	x := randomMatrix(1000, 10, 2)
	for b.Loop() {
		if _, err := cluster.KMeans(x, 5, rand.NewPCG(1, 2), cluster.KMeansOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
