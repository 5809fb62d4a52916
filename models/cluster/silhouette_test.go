package cluster_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/plenary/plenary/models/cluster"
)

func TestSilhouetteKnown(t *testing.T) {
	// 0, 1 | 10, 11. Row 0: a = 1, b = (10+11)/2 = 10.5, s = 9.5/10.5.
	// Row 1: a = 1, b = (9+10)/2 = 9.5, s = 8.5/9.5. Rows 2, 3 mirror them.
	s0, s1 := 9.5/10.5, 8.5/9.5
	for _, tc := range []struct {
		name   string
		labels []int
		per    []float64
	}{
		{"two pairs", []int{0, 0, 1, 1}, []float64{s0, s1, s1, s0}},
		{"arbitrary label values", []int{7, 7, -3, -3}, []float64{s0, s1, s1, s0}},
		// Singletons score 0. Row 0: a = 1, b = min(10, 11) = 10, s = 0.9;
		// row 1: a = 1, b = min(9, 10) = 9, s = 8/9.
		{"singletons", []int{0, 0, 1, 2}, []float64{0.9, 8.0 / 9, 0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mean, per, err := cluster.Silhouette(col(0, 1, 10, 11), tc.labels)
			if err != nil {
				t.Fatal(err)
			}
			var m float64
			for i, want := range tc.per {
				m += want
				if math.Abs(per[i]-want) > 1e-15 {
					t.Errorf("s(%d) = %v, want %v", i, per[i], want)
				}
			}
			if m /= 4; math.Abs(mean-m) > 1e-15 {
				t.Errorf("mean %v, want %v", mean, m)
			}
		})
	}
}

func TestSilhouetteErrors(t *testing.T) {
	x := col(0, 1, 2)
	for _, labels := range [][]int{{0, 0, 0}, {0, 1, 2}, {0, 1}} {
		if _, _, err := cluster.Silhouette(x, labels); !errors.Is(err, cluster.ErrLabels) {
			t.Errorf("labels %v: error %v", labels, err)
		}
	}
}

func TestChooseKSeparable(t *testing.T) {
	for _, k := range []int{2, 3, 4} {
		centres := [][]float64{{0, 0}, {12, 0}, {0, 12}, {12, 12}}[:k]
		x, _ := clouds(centres, 15, 0.8, uint64(k))
		km := func(j int) []int {
			res, err := cluster.KMeans(x, j, rand.NewPCG(5, 5), cluster.KMeansOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return res.Labels
		}
		l, err := cluster.Ward(x)
		if err != nil {
			t.Fatal(err)
		}
		ward := func(j int) []int {
			lab, err := cluster.Cut(l, j)
			if err != nil {
				t.Fatal(err)
			}
			return lab
		}
		for name, f := range map[string]func(int) []int{"kmeans": km, "ward": ward} {
			best, scores, err := cluster.ChooseK(x, 2, 7, f)
			if err != nil {
				t.Fatal(err)
			}
			if best != k {
				t.Errorf("%s, %d clouds: chose %d (scores %.3f)", name, k, best, scores)
			}
		}
	}
}

func TestChooseKTies(t *testing.T) {
	x := col(0, 1, 10, 11, 20)
	// The same partition for every k: equal scores, the smallest k wins.
	best, scores, err := cluster.ChooseK(x, 2, 4, func(int) []int { return []int{0, 0, 1, 1, 1} })
	if err != nil || best != 2 || scores[0] != scores[2] {
		t.Errorf("best %d scores %v err %v", best, scores, err)
	}
	// A k whose partition is unusable scores NaN and is skipped.
	best, scores, err = cluster.ChooseK(x, 2, 3, func(k int) []int {
		if k == 2 {
			return []int{0, 0, 0, 0, 0}
		}
		return []int{0, 0, 1, 1, 2}
	})
	if err != nil || best != 3 || !math.IsNaN(scores[0]) {
		t.Errorf("best %d scores %v err %v", best, scores, err)
	}
	if _, _, err := cluster.ChooseK(x, 1, 3, func(int) []int { return nil }); !errors.Is(err, cluster.ErrK) {
		t.Errorf("kmin 1: %v", err)
	}
	if _, _, err := cluster.ChooseK(x, 2, 5, func(int) []int { return nil }); !errors.Is(err, cluster.ErrK) {
		t.Errorf("kmax n: %v", err)
	}
	if _, _, err := cluster.ChooseK(x, 2, 3, func(int) []int { return []int{0} }); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("short labels: %v", err)
	}
}

func BenchmarkSilhouette500(b *testing.B) {
	x := randomMatrix(500, 10, 3)
	labels := make([]int, 500)
	for i := range labels {
		labels[i] = i % 4
	}
	for b.Loop() {
		if _, _, err := cluster.Silhouette(x, labels); err != nil {
			b.Fatal(err)
		}
	}
}
