package interp

// This file recycles the frames of finished generators. A generator's
// frame is pinned while the generator can still run, since the generator
// object refers to it; once the generator has returned or raised, nothing
// reads the frame again (gi_frame is None, send and close see done), so
// it can go back to the interpreter's pool like a plain function's frame.
// A recursive generator (nqueens' permutations) or a generator expression
// per call then reuses frames instead of leaving one to the collector per
// generator.

// recycleFrame returns the frame of a generator that just finished to the
// pool, unless a script may still hold it through gi_frame.
func (g *generator) recycleFrame() {
	f := g.frame
	if f == nil || g.frameSeen {
		return
	}
	g.frame = nil
	f.gen = nil
	f.pinned = false
	f.resumeAt = nil
	g.fn.mod.vm.releaseFrame(f)
}
