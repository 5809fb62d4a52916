package main

import (
	"fmt"
	"os"

	"github.com/google/pprof/profile"

	"github.com/plenary/plenary/pipeline"
)

// stageCPU reads a CPU profile of a plenary run and returns the CPU
// seconds of its samples per stage (pipeline.StageLabel); samples outside
// every stage (start-up, the garbage collector's background workers, the
// scheduler) are summed under "other".
func stageCPU(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("bench: reading CPU profile %s: %w", path, err)
	}
	k := cpuIndex(p)
	if k < 0 {
		return nil, fmt.Errorf("bench: CPU profile %s has no cpu/nanoseconds values", path)
	}
	out := map[string]float64{}
	for _, s := range p.Sample {
		stage := "other"
		if v := s.Label[pipeline.StageLabel]; len(v) > 0 && v[0] != "" {
			stage = v[0]
		}
		out[stage] += float64(s.Value[k]) / 1e9
	}
	return out, nil
}

// cpuIndex returns the index of the sample value that holds CPU
// nanoseconds, or -1.
func cpuIndex(p *profile.Profile) int {
	for i, st := range p.SampleType {
		if st.Type == "cpu" && st.Unit == "nanoseconds" {
			return i
		}
	}
	return -1
}
