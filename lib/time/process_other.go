//go:build !unix

package time

// This file stands in for the process's CPU time where the system does not
// report it: the time since the program started.

import gotime "time"

// processNanos approximates the process's CPU time by its running time.
func processNanos() int64 { return int64(gotime.Since(timeStart)) }
