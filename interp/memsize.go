package interp

// This file connects the interpreter to the memory budget
// (runtime/budget.go): the footprints and referents of its objects
// (functions, frames, coroutines, generators, cells, records, code), and
// the roots of the walk that only it knows: the builtins, the materialized
// constants, and the frames of the code running now.
//
// The VM's run loop keeps its current frame in a local variable; while a
// budget is set, each activation of the loop (resume) owns a runRecord
// that the loop updates before every instruction, so that a walk started
// inside a built-in finds the innermost frame of every activation (a
// built-in may call back into Python code, which starts another).

import (
	"github.com/aio-lang/aio/internal/compile"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// runRecord is the current frame of one activation of the run loop.
type runRecord struct {
	cur   *frame
	outer *runRecord
}

// memTracker is the interpreter's part of the memory budget.
type memTracker struct {
	// on is set when the interpreter has a memory budget.
	on bool
	// run is the innermost activation's record (nil when on is false or
	// no code runs); recs are reused records, one per nesting level.
	run   *runRecord
	recs  []*runRecord
	depth int
	// pending is a MemoryError from charging a frame, raised before the
	// next instruction (frames are made where no error can be returned).
	pending error
}

// bigFrameSlots is the frame size from which making a frame is charged
// to the budget: smaller ones (nearly all) are left to the safety net,
// which sees at most a few thousand of them between two checks.
const bigFrameSlots = 1024

// chargeFrame charges a frame of n slots to the budget; a MemoryError
// is raised at the next instruction, through the slow tick (the tick's
// countdown is cut short, keeping the step count exact).
func (in *Interp) chargeFrame(n int) {
	if err := in.th.CheckAlloc(int64(n), int64(unsafe.Sizeof(runtime.Value{}))); err != nil && in.mem.pending == nil {
		in.mem.pending = err
		if h := &in.host; h.left > 1 {
			h.batch -= h.left - 1
			h.left = 1
		}
	}
}

// enableMemory turns the budget's tracking on (Options.MemoryLimit).
func (in *Interp) enableMemory(limit int64) {
	in.th.Limits.MemoryLimit = limit
	if limit > 0 {
		in.mem.on = true
		in.th.Limits.MemoryRoots = in.memoryRoots
	}
}

// resume runs f's chain up to entry (see resumeLoop), recording the
// running frame for the memory walk when a budget is set.
func (in *Interp) resume(th *runtime.Thread, f *frame, entry *frame, throw error) (outcome, runtime.Value, error) {
	if !in.mem.on {
		return in.resumeLoop(th, f, entry, throw)
	}
	m := &in.mem
	if m.depth == len(m.recs) {
		m.recs = append(m.recs, &runRecord{})
	}
	rec := m.recs[m.depth]
	rec.cur, rec.outer = f, m.run
	m.depth++
	m.run = rec
	// No defer (this runs at every coroutine step): a Go panic that
	// skips the restore is reset by the next entry (resetMemoryRecords).
	out, v, err := in.resumeLoop(th, f, entry, throw)
	m.depth--
	m.run = rec.outer
	rec.cur, rec.outer = nil, nil
	return out, v, err
}

// resetMemoryRecords forgets the activation records when no code runs
// (at the start of an outermost entry).
func (in *Interp) resetMemoryRecords() {
	for _, r := range in.mem.recs {
		r.cur, r.outer = nil, nil
	}
	in.mem.run, in.mem.depth = nil, 0
}

// stepAt is called before every instruction while the check is on
// (checkOn), with the frame the instruction runs in: it records f as the
// activation's current frame for the memory walk, then runs the check.
func (in *Interp) stepAt(f *frame) error {
	if r := in.mem.run; r != nil {
		r.cur = f
	}
	if in.green.slice.due.Load() {
		if err := in.preemptAt(f); err != nil {
			return err
		}
	}
	return in.step()
}

// memoryTick is the memory budget's part of the slow tick (api.go): it
// raises a pending MemoryError, or runs the budget's safety net.
func (in *Interp) memoryTick() error {
	if err := in.mem.pending; err != nil {
		in.mem.pending = nil
		return err
	}
	return in.th.MemoryTick()
}

// memoryRoots is runtime.Limits.MemoryRoots.
func (in *Interp) memoryRoots(w *runtime.MemWalker) {
	for _, v := range in.builtins {
		w.Value(v)
	}
	if in.main != nil {
		w.Node(in.main.globals)
	}
	for _, vs := range in.consts {
		w.Values(vs)
	}
	in.green.memoryRoots(w)
	for r := in.mem.run; r != nil; r = r.outer {
		if r.cur != nil {
			w.Node(r.cur)
		}
	}
}

// Footprint implements runtime.MemNode: the frame, its slots (locals and
// operand stack, all of them: popped values stay referenced until
// overwritten), cells and handler blocks.
func (f *frame) Footprint() int64 {
	return int64(unsafe.Sizeof(*f)) + int64(cap(f.slots))*int64(unsafe.Sizeof(runtime.Value{})) +
		int64(cap(f.cells))*8 + int64(cap(f.blocks))*int64(unsafe.Sizeof(block{}))
}

// Referents implements runtime.MemNode.
func (f *frame) Referents(w *runtime.MemWalker) {
	w.Values(f.slots)
	for _, c := range f.cells {
		if c != nil {
			w.Node(c)
		}
	}
	for i := range f.blocks {
		if p := f.blocks[i].prev; p != nil {
			w.Node(p)
		}
	}
	if f.fn != nil {
		w.Node(f.fn)
	}
	if f.ns != nil {
		w.Node(f.ns)
	}
	if f.back != nil {
		w.Node(f.back)
	}
	if f.excInfo != nil {
		w.Node(f.excInfo)
	}
	if f.gen != nil {
		w.Node(f.gen)
	}
	w.Any(f.pendingThrow)
	if f.resumeAt != nil {
		w.Node(f.resumeAt)
	}
}

// Footprint implements runtime.MemNode.
func (co *coroutine) Footprint() int64 { return co.frame().Footprint() }

// Referents implements runtime.MemNode. A coroutine and its frame are one
// object, so both names visit the same address.
func (co *coroutine) Referents(w *runtime.MemWalker) { co.frame().Referents(w) }

// Footprint implements runtime.MemNode.
func (g *generator) Footprint() int64 { return int64(unsafe.Sizeof(*g)) }

// Referents implements runtime.MemNode.
func (g *generator) Referents(w *runtime.MemWalker) {
	if g.frame != nil {
		w.Node(g.frame)
	}
	if g.fn != nil {
		w.Node(g.fn)
	}
	w.Value(g.retval)
}

// Footprint implements runtime.MemNode.
func (c *cell) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents implements runtime.MemNode.
func (c *cell) Referents(w *runtime.MemWalker) { w.Value(c.v) }

// Footprint implements runtime.MemNode: the function and its caches; its
// code counts once however many functions share it.
func (fn *function) Footprint() int64 {
	valueSize := int64(unsafe.Sizeof(runtime.Value{}))
	return int64(unsafe.Sizeof(*fn)) + int64(cap(fn.defaults))*valueSize + int64(len(fn.kwdefaults))*(40+16) +
		int64(cap(fn.closure))*8 + int64(len(fn.dict))*(40+16) +
		int64(cap(fn.globalCache))*int64(unsafe.Sizeof(globalEntry{})) +
		int64(cap(fn.methodCache))*int64(unsafe.Sizeof(methodEntry{})) +
		int64(cap(fn.nativeMethodCache))*int64(unsafe.Sizeof(nativeMethodEntry{})) +
		int64(cap(fn.moduleAttrCache))*int64(unsafe.Sizeof(moduleAttrEntry{}))
}

// Referents implements runtime.MemNode.
func (fn *function) Referents(w *runtime.MemWalker) {
	if fn.code != nil {
		w.Node((*codeMem)(fn.code))
	}
	if fn.globals != nil {
		w.Node(fn.globals)
	}
	w.Values(fn.defaults)
	for _, v := range fn.kwdefaults {
		w.Value(v)
	}
	for _, c := range fn.closure {
		if c != nil {
			w.Node(c)
		}
	}
	for _, v := range fn.dict {
		w.Value(v)
	}
}

// codeMem is a code object as the memory walk sees it (the compiler
// knows nothing of the runtime).
type codeMem compile.Code

// Footprint implements runtime.MemNode: the instructions, constants and
// names of a code object (a script controls their number).
func (c *codeMem) Footprint() int64 { return (*compile.Code)(c).Size() }

// Referents implements runtime.MemNode. Its constants as values are in
// the interpreter's constant table, a root.
func (*codeMem) Referents(*runtime.MemWalker) {}

// Footprint implements runtime.MemNode.
func (r *record) Footprint() int64 {
	return int64(unsafe.Sizeof(*r)) + int64(cap(r.vals))*int64(unsafe.Sizeof(runtime.Value{}))
}

// Referents implements runtime.MemNode.
func (r *record) Referents(w *runtime.MemWalker) { w.Values(r.vals) }
