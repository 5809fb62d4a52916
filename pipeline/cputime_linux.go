//go:build linux

package pipeline

import (
	"syscall"
	"time"
)

// threadCPUExact reports that threadCPU measures the calling thread's CPU
// time, so that a stage worker locked to its thread can time its own work.
const threadCPUExact = true

// rusageThread is Linux's RUSAGE_THREAD (not exported by package syscall).
const rusageThread = 1

// threadCPU returns the user and system CPU time of the calling thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
