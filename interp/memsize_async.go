package interp

// This file gives the types added after the walker (async generators,
// their awaitables, the frame views of generators, the built-ins that read
// their caller's frame) their place in the memory walker (memsize.go).

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// Footprint implements runtime.MemNode: the generator with its embedded
// step awaitable; the frame counts as a node of its own.
func (g *asyncGenerator) Footprint() int64 { return int64(unsafe.Sizeof(*g)) }

// Referents implements runtime.MemNode.
func (g *asyncGenerator) Referents(w *runtime.MemWalker) {
	if g.frame != nil {
		w.Node(g.frame)
	}
	if g.fn != nil {
		w.Node(g.fn)
	}
	g.loopAwait.awaitReferents(w)
}

// Footprint implements runtime.MemNode.
func (a *agenAwait) Footprint() int64 {
	return int64(unsafe.Sizeof(*a)) + int64(cap(a.args))*int64(unsafe.Sizeof(runtime.Value{}))
}

// Referents implements runtime.MemNode.
func (a *agenAwait) Referents(w *runtime.MemWalker) {
	if a.g != nil {
		w.Node(a.g)
	}
	a.awaitReferents(w)
}

// awaitReferents visits the values an awaitable carries.
func (a *agenAwait) awaitReferents(w *runtime.MemWalker) {
	w.Value(a.send)
	w.Values(a.args)
}

// Footprint implements runtime.MemNode.
func (a *anextDefault) Footprint() int64 { return int64(unsafe.Sizeof(*a)) }

// Referents implements runtime.MemNode.
func (a *anextDefault) Referents(w *runtime.MemWalker) {
	w.Value(a.inner)
	w.Value(a.def)
}

// Footprint implements runtime.MemNode.
func (v *frameView) Footprint() int64 { return int64(unsafe.Sizeof(*v)) }

// Referents implements runtime.MemNode.
func (v *frameView) Referents(w *runtime.MemWalker) {
	if v.entry != nil {
		w.Node(v.entry)
	}
}

// Footprint implements runtime.MemNode.
func (b *frameBuiltin) Footprint() int64 { return int64(unsafe.Sizeof(*b)) }

// Referents implements runtime.MemNode.
func (b *frameBuiltin) Referents(w *runtime.MemWalker) { w.Value(b.withArgs) }
