//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSSMB returns the maximum resident set size of a finished child
// process, in MiB (0 if the system does not report it).
func peakRSSMB(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return float64(ru.Maxrss) / (1 << 20) // bytes
	}
	return float64(ru.Maxrss) / (1 << 10) // KiB
}
