package pipeline

import (
	"runtime"
	"testing"
	"time"
)

// TestStageClockCountsCPU: on Linux a worker locked to its thread is
// charged the CPU it used, not the time it waited.
func TestStageClockCountsCPU(t *testing.T) {
	if !threadCPUExact {
		t.Skip("thread CPU time is measured on Linux only")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	clock := &stageClock{d: map[string]time.Duration{}}
	m := clock.now()
	time.Sleep(50 * time.Millisecond) // waiting costs no CPU
	clock.since("sleep", m)
	m = clock.now()
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x++
	}
	clock.since("busy", m)
	if clock.d["sleep"] > 20*time.Millisecond {
		t.Errorf("sleeping was charged %v of CPU", clock.d["sleep"])
	}
	if clock.d["busy"] < 20*time.Millisecond {
		t.Errorf("a 50 ms busy loop was charged %v of CPU (%d turns)", clock.d["busy"], x)
	}
}
