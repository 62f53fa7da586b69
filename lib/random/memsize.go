package random

// This file accounts a Random instance to the interpreter's memory budget.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// randomStateBytes is the Mersenne Twister's state (624 words) with its
// bookkeeping.
const randomStateBytes = 2560

// Footprint implements runtime.MemNode.
func (r *RandomObj) Footprint() int64 {
	return int64(unsafe.Sizeof(*r)) + randomStateBytes + runtime.MapFootprint(r.dict)
}

// Referents implements runtime.MemNode.
func (r *RandomObj) Referents(w *runtime.MemWalker) {
	for _, v := range r.dict {
		w.Value(v)
	}
}
