package runtime

// This file gives every NaN the runtime creates an identity of its own.
// CPython's floats are objects: float("nan") is float("nan") is False, and
// `nan in [nan]` or {nan: 1}[nan] succeed only for the very same object,
// since containment tests identity before equality and NaN != NaN. aio
// stores floats inline and takes `is` to mean equal bits, so each new NaN
// gets its own payload: copies of one value keep their bits (and their
// identity) while two separately computed NaNs differ.

import "sync/atomic"

// nanSerial numbers the NaNs created so far.
var nanSerial atomic.Uint64

const (
	nanSignBit  = 1 << 63
	nanQuietExp = 0x7FF8 << 48
	nanPayload  = 1<<51 - 1
)

// freshNaN returns the bits of a quiet NaN with the sign of bits and a
// payload not handed out recently (the 51-bit serial wraps after 2^51
// NaNs, far beyond what a script can create).
func freshNaN(bits uint64) uint64 {
	n := nanSerial.Add(1) & nanPayload
	if n == 0 {
		n = nanSerial.Add(1) & nanPayload
	}
	return bits&nanSignBit | nanQuietExp | n
}
