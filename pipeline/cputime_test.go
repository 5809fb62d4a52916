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
	start, x := threadCPU(), 0
	for deadline := time.Now().Add(10 * time.Second); threadCPU()-start < 30*time.Millisecond && time.Now().Before(deadline); {
		x++ // work until this thread has used 30 ms of CPU, however busy the machine
	}
	clock.since("busy", m)
	if clock.d["sleep"] > 20*time.Millisecond {
		t.Errorf("sleeping was charged %v of CPU", clock.d["sleep"])
	}
	if clock.d["busy"] < 20*time.Millisecond {
		t.Errorf("30 ms of work was charged %v of CPU (%d turns)", clock.d["busy"], x)
	}
}
