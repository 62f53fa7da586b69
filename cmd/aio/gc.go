package main

// This file sets the collector's pacing for the command line. A script's
// live heap is often a few MiB while it allocates short-lived frames,
// floats' boxes and small containers at a high rate; with Go's default
// pacing (collect when the heap doubles) such a script spends a third of
// its CPU time in the collector. A ballast, a big allocation that holds no
// pointers and is never touched, raises the heap the pacer sees, so small
// heaps are collected far less often, while big heaps, where the ballast
// is a small fraction, keep the default pacing. Its pages are never
// written, so it costs address space, not resident memory. GOGC in the
// environment turns this off (the user chose a pacing).

import (
	"os"
	"runtime"
)

// gcBallastBytes is the ballast's size: a small script's heap grows to
// about twice its live size plus this before a collection.
const gcBallastBytes = 16 << 20

// gcBallast keeps the ballast reachable for the whole run.
var gcBallast []byte

// setupGC installs the ballast unless GOGC is set.
func setupGC() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	gcBallast = make([]byte, gcBallastBytes)
	runtime.KeepAlive(gcBallast)
}
