package scaling_test

import (
	"gonum.org/v1/gonum/mat"
)

// lbgCounts builds the 6 × 37 example of Laver, Benoit and Garry (2003,
// Table 1): every document has 1,000 tokens, the 17 counts below placed on
// consecutive features starting at the document's offset. Documents are
// R1..R5 (offsets 0, 5, 10, 15, 20) and the virgin text V1 (offset 7);
// features are A..Z, ZA..ZK.
func lbgCounts() *mat.Dense {
	bell := []float64{2, 3, 10, 22, 45, 78, 115, 146, 158, 146, 115, 78, 45, 22, 10, 3, 2}
	offsets := []int{0, 5, 10, 15, 20, 7}
	y := mat.NewDense(len(offsets), 37, nil)
	for i, off := range offsets {
		for k, c := range bell {
			y.Set(i, off+k, c)
		}
	}
	return y
}

var lbgDocs = []string{"R1", "R2", "R3", "R4", "R5", "V1"}
