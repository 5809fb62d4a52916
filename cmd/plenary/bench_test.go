package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBenchCorpusAndProse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	c, err := buildBenchCorpus(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if c.files != 4 || len(names) != 4 || c.words < 80000 {
		t.Fatalf("corpus of 2 copies: %+v, %d files on disk", c, len(names))
	}
	if !strings.HasPrefix(filepath.Base(names[0]), "c0001-") {
		t.Errorf("copies are not renamed: %s", names[0])
	}
	// prose alone over two small files, two at a time.
	small := t.TempDir()
	for i, text := range []string{"France and Egypt support the Programme of Action.", "Kenya spoke in Geneva."} {
		if err := os.WriteFile(filepath.Join(small, string(rune('a'+i))+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tokens, err := proseOverDir(small, 2)
	if err != nil || tokens != 14 {
		t.Errorf("proseOverDir = %d tokens, %v; want 14 (9 + 5)", tokens, err)
	}
	if _, err := proseOverDir(t.TempDir(), 1); err == nil {
		t.Error("an empty directory was accepted")
	}
}

func TestIntList(t *testing.T) {
	got, err := intList("--cores", "1, 2,2")
	if err != nil || len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("intList = %v, %v", got, err)
	}
	for _, bad := range []string{"0", "x", "1,,2", "-3"} {
		if _, err := intList("--cores", bad); err == nil {
			t.Errorf("intList(%q) accepted", bad)
		}
	}
}

func TestPrintBench(t *testing.T) {
	row := benchRow{copies: 1, cores: 2, corpus: benchCorpus{files: 2, words: 1000},
		plenary: childRun{wall: 2 * time.Second, peakMB: 100}, turns: 50, stages: map[string]float64{"nlp": 1.5},
		prose: &childRun{wall: 20 * time.Second, peakMB: 40}}
	var b bytes.Buffer
	printBench(&b, []benchRow{row})
	out := b.String()
	for _, want := range []string{"| 2 | 1000 | 2 | 2.00 | 500 | 25 | 100 | 20.0 | 50 | 40 | 10.0× |", "| 2 | 2 | 0.00 | 1.50 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestMedianAndRatios: the median run's wall time, the highest peak
// memory, and one ratio per repetition.
func TestMedianAndRatios(t *testing.T) {
	runs := []childRun{{wall: 5 * time.Second, peakMB: 100}, {wall: 3 * time.Second, peakMB: 300}, {wall: 4 * time.Second, peakMB: 200}}
	if m := median(runs); m.wall != 4*time.Second || m.peakMB != 300 {
		t.Errorf("median = %v, %v MB; want 4s, 300 MB", m.wall, m.peakMB)
	}
	if m := median(runs[:2]); m.wall != 3*time.Second {
		t.Errorf("median of two = %v, want the lower, 3s", m.wall)
	}
	prose := []childRun{{wall: 50 * time.Second}, {wall: 36 * time.Second}}
	if got := ratios(prose, runs); len(got) != 2 || got[0] != 10 || got[1] != 12 {
		t.Errorf("ratios = %v, want [10 12]", got)
	}
}
