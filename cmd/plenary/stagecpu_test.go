package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/pprof/profile"
)

// TestStageCPU sums a profile's CPU samples by stage label, unlabelled
// samples under "other".
func TestStageCPU(t *testing.T) {
	fn := &profile.Function{ID: 1, Name: "work"}
	loc := &profile.Location{ID: 1, Line: []profile.Line{{Function: fn}}}
	sample := func(stage string, ns int64) *profile.Sample {
		s := &profile.Sample{Location: []*profile.Location{loc}, Value: []int64{1, ns}}
		if stage != "" {
			s.Label = map[string][]string{"stage": {stage}}
		}
		return s
	}
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		Sample:     []*profile.Sample{sample("nlp", 2e9), sample("nlp", 5e8), sample("write", 1e9), sample("", 25e7)},
		Location:   []*profile.Location{loc},
		Function:   []*profile.Function{fn},
	}
	path := filepath.Join(t.TempDir(), "cpu.prof")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := stageCPU(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"nlp": 2.5, "write": 1, "other": 0.25}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %v s, want %v", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	if _, err := stageCPU(filepath.Join(t.TempDir(), "missing.prof")); err == nil {
		t.Error("a missing profile gave no error")
	}
}
