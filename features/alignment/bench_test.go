package alignment

import (
	"testing"

	"github.com/plenary/plenary/datasets/gazetteer"
	"github.com/plenary/plenary/datasets/ingest"
)

// BenchmarkExtract runs the extractor over every delegation turn of the
// default corpus (two meetings); the reported throughput is bytes of speech
// per second.
func BenchmarkExtract(b *testing.B) {
	var turns []ingest.Turn
	size := 0
	for _, f := range []string{"oewg2-s1-m8.txt", "oewg2-s1-m9.txt"} {
		for _, tu := range turnsOf(b, "../../datasets/corpus/"+f) {
			if tu.Role != ingest.RoleChair {
				turns = append(turns, tu)
				size += len(tu.Text)
			}
		}
	}
	x := extractor(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	edges := 0
	for i := 0; i < b.N; i++ {
		for _, tu := range turns {
			edges += len(x.Extract(tu.Text, tu.Code))
		}
	}
	b.ReportMetric(float64(edges)/float64(b.N), "edges/op")
	b.ReportMetric(float64(len(turns)), "turns/op")
}

// BenchmarkNew measures parsing the embedded lexicon.
func BenchmarkNew(b *testing.B) {
	gaz := gazetteer.Default()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(gaz); err != nil {
			b.Fatal(err)
		}
	}
}
