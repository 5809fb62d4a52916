package cluster_test

import (
	"fmt"
	"log"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/models/cluster"
)

// Two groups of delegations on a 2-D stance space.
var example = mat.NewDense(6, 2, []float64{
	0.1, 0.2,
	5.0, 5.1,
	0.0, 0.0,
	5.2, 4.9,
	0.3, 0.1,
	4.8, 5.0,
})

func ExampleKMeans() {
	res, err := cluster.KMeans(example, 2, rand.NewPCG(1, 2), cluster.KMeansOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("labels:", res.Labels)
	fmt.Printf("centroids:\n%.3f\n", mat.Formatted(res.Centroids))
	fmt.Printf("inertia: %.3f\n", res.Inertia)
	// Output:
	// labels: [0 1 0 1 0 1]
	// centroids:
	// ⎡0.133  0.100⎤
	// ⎣5.000  5.000⎦
	// inertia: 0.167
}

func ExampleWard() {
	// The five 1-D points 0, 1, 4, 10, 12 (worked by hand in the tests).
	x := mat.NewDense(5, 1, []float64{0, 1, 4, 10, 12})
	l, err := cluster.Ward(x)
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range l {
		fmt.Printf("%2.0f %2.0f %8.5f %.0f\n", row[0], row[1], row[2], row[3])
	}
	// Output:
	//  0  1  1.00000 2
	//  3  4  2.00000 2
	//  2  5  4.04145 3
	//  6  7 14.45914 5
}

func ExampleCut() {
	x := mat.NewDense(5, 1, []float64{0, 1, 4, 10, 12})
	l, err := cluster.Ward(x)
	if err != nil {
		log.Fatal(err)
	}
	for k := 1; k <= 3; k++ {
		labels, err := cluster.Cut(l, k)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(k, labels)
	}
	// Output:
	// 1 [0 0 0 0 0]
	// 2 [0 0 0 1 1]
	// 3 [0 0 1 2 2]
}

func ExampleLinkage_Matrix() {
	l, err := cluster.Ward(mat.NewDense(3, 1, []float64{0, 1, 3}))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.4f\n", mat.Formatted(l.Matrix()))
	// Output:
	// ⎡0.0000  1.0000  1.0000  2.0000⎤
	// ⎣2.0000  3.0000  2.8868  3.0000⎦
}

func ExampleSilhouette() {
	mean, per, err := cluster.Silhouette(example, []int{0, 1, 0, 1, 0, 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("mean %.3f, first row %.3f\n", mean, per[0])
	// Output:
	// mean 0.959, first row 0.967
}

func ExampleChooseK() {
	l, err := cluster.Ward(example)
	if err != nil {
		log.Fatal(err)
	}
	best, scores, err := cluster.ChooseK(example, 2, 4, func(k int) []int {
		labels, err := cluster.Cut(l, k)
		if err != nil {
			log.Fatal(err)
		}
		return labels
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("k = %d, scores %.3f\n", best, scores)
	// Output:
	// k = 2, scores [0.959 0.593 0.160]
}

func ExampleLinkage_Leaves() {
	l, err := cluster.Ward(example)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(l), "merges of", l.Leaves(), "observations")
	// Output:
	// 5 merges of 6 observations
}
