package interp

// This file defines frame, one activation of a compile.Code. Frames live on the
// heap and link to their caller through back; the VM's run loop switches
// between them without recursing on the Go stack, so a coroutine chain can
// be suspended by returning from the loop and resumed later from the
// innermost frame.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

type blockKind uint8

const (
	blockTry     blockKind = iota // a SETUP_FINALLY handler
	blockHandler                  // an except handler in progress
)

// block is an entry of a frame's handler stack.
type block struct {
	kind    blockKind
	handler int                // blockTry: handler pc
	level   int                // stack depth to restore
	prev    *runtime.Exception // blockHandler: exception handled before
}

// suspendKind records how a suspended frame must be resumed.
type suspendKind uint8

const (
	notSuspended suspendKind = iota
	suspendedYield
	suspendedAwait
)

// frame is the state of one function activation.
//
// A coroutine is its frame (Coroutine is a frame), so the frame of an
// async def call is the coroutine object itself, allocated with its
// slots in one piece (allocFrame): 288 bytes for a small coroutine.
type frame struct {
	fn   *function
	code *compile.Code
	ns   *runtime.Dict // class body namespace (FlagClassBody)

	// slots holds the fast locals followed by the operand stack; sp is the
	// absolute index of the first free stack slot (it starts at the
	// number of locals). One slice keeps frames small: a program with
	// 100,000 suspended tasks has 100,000 of them.
	slots  []runtime.Value
	sp     int
	cells  []*cell
	pc     int
	blocks []block
	back   *frame

	// excInfo is the exception being handled in this frame, if any.
	excInfo *runtime.Exception

	gen       *generator
	suspended suspendKind
	counted   bool // the frame holds a unit of the thread's call depth
	// pinned frames are never pooled: coroutines, generators' frames and
	// class bodies, which other objects may still refer to.
	pinned bool
	isCoro bool      // the frame is a Coroutine
	state  coroState // the coroutine's state, when isCoro
	// pendingThrow is an exception to deliver to the awaited object when
	// AWAIT runs again after a suspension.
	pendingThrow error
	// resumeAt is, on an entry frame whose chain is suspended, the
	// innermost frame to resume.
	resumeAt *frame
}

// newFrame returns a frame for a call of fn, all of its locals unbound.
func newFrame(fn *function) *frame {
	in := fn.mod.vm
	if f := in.takeFrame(fn); f != nil {
		return f
	}
	return in.makeFrame(fn)
}

// takeFrame returns a released frame from the pool for a call of fn whose
// first nargs locals the caller binds at once, or nil when the frame on
// top of the pool is too small for fn or there is none (then makeFrame
// makes one). Calls are the hottest allocation site: takeFrame is small
// enough for the Go compiler to inline into the run loop.
func (in *Interp) takeFrame(fn *function) *frame {
	f := in.framePool
	if f == nil || cap(f.slots) < fn.code.FrameSize {
		return nil
	}
	in.framePool, f.back = f.back, nil
	in.pooledFrames--
	f.fn, f.code, f.sp = fn, fn.code, len(fn.code.Locals)
	f.slots = f.slots[:fn.code.FrameSize]
	// putFrame cleared the slots the previous activation used, not the
	// locals it never bound.
	clearLocals(f.slots[:f.sp])
	return f
}

// makeFrame allocates a frame for a call of fn, its locals unbound.
func (in *Interp) makeFrame(fn *function) *frame {
	code := fn.code
	if in.mem.on && code.FrameSize >= bigFrameSlots {
		in.chargeFrame(code.FrameSize)
	}
	f := allocFrame(code.FrameSize)
	f.fn, f.code, f.sp = fn, code, len(code.Locals)
	return f
}

// globals returns the module whose globals the frame's code uses.
func (f *frame) globals() *runtime.Module { return f.fn.globals }

// makeCoroutine turns a fresh frame into the coroutine object of its
// call.
func (f *frame) makeCoroutine() *coroutine {
	f.isCoro = true
	f.pinned = true
	return (*coroutine)(f)
}

// clearLocals unbinds the locals s of a reused frame: putFrame
// cleared only the slots its previous activation used. A plain loop, as
// clear would call memclrHasPointers.
func clearLocals(s []runtime.Value) {
	for i := range s {
		s[i] = runtime.Value{}
	}
}

// framePoolSize bounds the pool of released frames kept for reuse.
const framePoolSize = 256

// putFrame returns a finished frame to the pool, unless it is pinned
// (coroutine, generator and class-body frames, which other objects may
// still refer to) or the pool is full. Like takeFrame it inlines into the
// run loop, whose returns are as frequent as its calls.
func (in *Interp) putFrame(f *frame) {
	if f.pinned || in.pooledFrames >= framePoolSize {
		return
	}
	// Clear the locals and whatever is left on the stack, with a plain
	// loop (clear calls memclrHasPointers). Slots above sp hold values
	// already popped; they are overwritten before being read, and a
	// pooled frame is reused soon (the pool is LIFO and bounded), so
	// they are left alone.
	s := f.slots[:f.sp]
	for i := len(s) - 1; i >= 0; i-- {
		s[i] = runtime.Value{}
	}
	f.cells = nil
	f.blocks = f.blocks[:0]
	f.pc = 0
	f.excInfo = nil
	f.suspended = notSuspended
	f.counted = false
	if f.isCoro {
		f.forgetCoroutine() // an awaited call's coroutine that raised
	}
	f.back = in.framePool
	in.framePool = f
	in.pooledFrames++
}

// initCells creates the frame's cells (initialised from parameters where
// a parameter is captured) and attaches the closure's free cells.
func (f *frame) initCells() {
	if f.code.NumCells != 0 {
		f.makeCells()
	}
}

// makeCells is initCells' slow path, out of line so the check inlines.
func (f *frame) makeCells() {
	code := f.code
	if len(code.CellNames) == 0 && len(f.fn.closure) == len(code.FreeNames) {
		// Only free variables: the frame's cells are the closure's, in
		// order, and nothing stores into the slice (only into the
		// cells), so share it instead of copying it on every call.
		f.cells = f.fn.closure
		return
	}
	f.cells = make([]*cell, len(code.CellNames)+len(code.FreeNames))
	for i := range code.CellNames {
		c := &cell{}
		if a := code.Cell2Arg[i]; a >= 0 {
			c.v = f.slots[a]
			f.slots[a] = runtime.Value{}
		}
		f.cells[i] = c
	}
	copy(f.cells[len(code.CellNames):], f.fn.closure)
}

func (f *frame) push(v runtime.Value) {
	f.slots[f.sp] = v
	f.sp++
}

// pop removes the top of the stack. The slot is not cleared (a hot-path
// store saved); stale references last until overwritten or until the
// frame is released, which clears it.
func (f *frame) pop() runtime.Value {
	f.sp--
	return f.slots[f.sp]
}

// dropPopped clears the slots above the stack top, which may still hold
// values popped from it (see pop). A frame about to wait calls it, so that
// what it has finished with, such as the list of a gather(*[...]) call,
// is not kept alive for as long as the frame waits.
func (f *frame) dropPopped() {
	s := f.slots[f.sp:]
	for i := range s {
		s[i] = runtime.Value{}
	}
}

func (f *frame) top() runtime.Value { return f.slots[f.sp-1] }

// currentException returns the exception being handled by this frame or
// the nearest calling frame (for bare raise and implicit chaining).
func (f *frame) currentException() *runtime.Exception {
	for fr := f; fr != nil; fr = fr.back {
		if fr.excInfo != nil {
			return fr.excInfo
		}
	}
	return nil
}

// traceEntry describes where the frame is, for a traceback.
func (f *frame) traceEntry() runtime.TraceEntry {
	pc := f.pc - 1
	if pc < 0 {
		pc = 0
	}
	line, col, endLine, endCol := f.code.Span(pc)
	return runtime.TraceEntry{Filename: f.code.Filename, Func: f.code.Name, Line: line, Col: col, EndLine: endLine, EndCol: endCol}
}
