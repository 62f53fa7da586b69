//go:build unix

package time

// This file reads the process's CPU time on Unix systems.

import "syscall"

// processNanos is the CPU time (user and system) the process has used.
func processNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
