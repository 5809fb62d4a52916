package sentiment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkSentence scores the corpus transcripts split on ". " and reports
// sentences per second.
func BenchmarkSentence(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("corpus not found")
	}
	var sentences []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sentences = append(sentences, strings.Split(string(data), ". ")...)
	}
	sc := mustNew(b)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			sc.Sentence(s)
		}
	}
	b.ReportMetric(float64(b.N*len(sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkNew measures parsing the embedded data (done once per process
// by New).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(lexiconReader(), courtesyReader(), nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
