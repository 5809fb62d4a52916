package scaling_test

import (
	"fmt"
	"log"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/plenary/plenary/models/scaling"
)

// Scale the Laver–Benoit–Garry example documents with Wordfish, fixing the
// direction so that R1 is to the left of R5.
func ExampleWordfish() {
	y := lbgCounts() // 6 documents × 37 features
	fit, err := scaling.Wordfish(y, scaling.WordfishOptions{Dir: [2]int{0, 4}})
	if err != nil {
		log.Fatal(err)
	}
	for i, doc := range lbgDocs {
		fmt.Printf("%s θ = %+.4f (SE %.4f)\n", doc, fit.Theta[i], fit.ThetaSE[i])
	}
	fmt.Println("iterations:", fit.Iterations)
	// Output:
	// R1 θ = -1.2906 (SE 0.0145)
	// R2 θ = -0.6164 (SE 0.0106)
	// R3 θ = +0.0335 (SE 0.0109)
	// R4 θ = +0.7096 (SE 0.0121)
	// R5 θ = +1.5233 (SE 0.0174)
	// V1 θ = -0.3595 (SE 0.0107)
	// iterations: 22
}

// Remove the empty documents and features before fitting, keeping track of
// which rows and columns of the original matrix survive.
func ExampleDropEmpty() {
	y := mat.NewDense(3, 4, []float64{
		2, 0, 1, 0,
		0, 0, 0, 0,
		1, 0, 3, 5,
	})
	reduced, rows, cols, err := scaling.DropEmpty(y)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("rows", rows, "cols", cols)
	fmt.Printf("%v\n", mat.Formatted(reduced))
	// Output:
	// rows [0 2] cols [0 2 3]
	// ⎡2  1  0⎤
	// ⎣1  3  5⎦
}

// Score the virgin text V1 (and, for comparison, the reference texts) of the
// Laver–Benoit–Garry example.
func ExampleWordscores() {
	ref := []float64{-1.5, -0.75, 0, 0.75, 1.5, math.NaN()} // V1 is virgin
	fit, err := scaling.Wordscores(lbgCounts(), ref)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []int{0, 4, 5} {
		fmt.Printf("%s %+.6f (SE %.6f)\n", lbgDocs[d], fit.Raw[d], fit.SE[d])
	}
	fmt.Printf("score of word A: %.2f\n", fit.WordScores[0])
	// Output:
	// R1 -1.317931 (SE 0.006700)
	// R5 +1.317931 (SE 0.006700)
	// V1 -0.448059 (SE 0.011898)
	// score of word A: -1.50
}

// Rescale the raw Wordscores of the example with the LBG transformation.
func ExampleWordscoresFit_RescaleLBG() {
	ref := []float64{-1.5, -0.75, 0, 0.75, 1.5, math.NaN()}
	fit, err := scaling.Wordscores(lbgCounts(), ref)
	if err != nil {
		log.Fatal(err)
	}
	lbg, err := fit.RescaleLBG()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("V1 raw %.6f, rescaled %.6f\n", fit.Raw[5], lbg[5])
	// Output:
	// V1 raw -0.448059, rescaled -0.529671
}

// RescaleLBG can also rescale any set of raw scores directly.
func ExampleRescaleLBG() {
	raw := []float64{-0.2, 0, 0.1}
	out, err := scaling.RescaleLBG(raw, []float64{-1, 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.4f\n", out)
	// Output:
	// [-1.5764 0.2753 1.2011]
}
