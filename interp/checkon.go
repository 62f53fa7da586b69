//go:build !race

package interp

// This file is the VM's look at checkOn in normal builds: a plain load.
// Interrupt stores the flag from another goroutine; a word-sized load
// sees either the old or the new value (Go's memory model forbids torn
// word reads), and the VM loads it again before every instruction, so it
// sees the interrupt at once without paying for an atomic load on every
// instruction (measured: about 5% on bench/loop.aio). Race-detector
// builds load it atomically instead (checkon_race.go).

func (in *Interp) checking() bool { return in.checkOn != 0 }
