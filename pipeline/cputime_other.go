//go:build !linux

package pipeline

import "time"

// threadCPUExact is false here: stage times are wall times.
const threadCPUExact = false

func threadCPU() time.Duration { return 0 }
