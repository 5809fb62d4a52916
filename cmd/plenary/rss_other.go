//go:build !unix

package main

import "os"

// peakRSSMB is not available on this system.
func peakRSSMB(*os.ProcessState) float64 { return 0 }
