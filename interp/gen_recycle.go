package interp

// This file recycles the frames of finished generators. A generator's
// frame is pinned while the generator can still run, since the generator
// object refers to it; once the generator has returned or raised, nothing
// reads the frame again (gi_frame is None, send and close see done), so
// it can go back to the interpreter's pool like a plain function's frame.
// A recursive generator (nqueens' permutations) or a generator expression
// per call then reuses frames instead of leaving one to the collector per
// generator.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

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
	g.fn.mod.vm.putFrame(f)
}

// genRecycler keeps generator objects for reuse. A generator can be
// reused only once nothing refers to it, which without reference counts
// is known in one case: a generator made by a call instruction whose
// result goes straight to the GET_ITER of a for loop or the
// GET_YIELD_FROM_ITER of a yield from (`for p in perms(rest)`, `yield
// from walk(node.left)`). Between the two instructions no other code
// runs, so the operand stack holds the only reference; the loop never
// hands it out; when the loop sees it exhausted and pops it, it is
// garbage, and goes to the pool instead.
type genRecycler struct {
	pool []*generator
	// The generator made by the last call instruction, with the frame,
	// code and pc after that instruction: the consuming instruction must
	// be the very next one of the same activation. (The code tells apart
	// two activations that reuse one pooled frame.)
	last     *generator
	lastF    *frame
	lastCode *compile.Code
	lastPC   int
	// fns are the function objects of recycled generator expressions,
	// for the next evaluation of the same expression.
	fns []*function
}

// genPoolSize bounds the generator objects kept for reuse.
const genPoolSize = 64

// newGenerator returns a generator object for frame f of fn, reusing a
// pooled one if there is one.
func (in *Interp) newGenerator(f *frame, fn *function) *generator {
	if n := len(in.gens.pool); n > 0 {
		g := in.gens.pool[n-1]
		in.gens.pool = in.gens.pool[:n-1]
		g.frame, g.fn = f, fn
		return g
	}
	return &generator{frame: f, fn: fn}
}

// madeByCall records g as the result of the call instruction that frame
// f just ran (f.pc is the instruction after it).
func (in *Interp) madeByCall(g *generator, f *frame) {
	r := &in.gens
	r.last, r.lastF, r.lastCode, r.lastPC = g, f, f.code, f.pc
}

// claimFresh marks it as owned by the loop of the instruction running in
// f (GET_ITER or GET_YIELD_FROM_ITER, at f.pc-1) if it is the generator
// the call just before made.
func (in *Interp) claimFresh(it runtime.Object, f *frame) {
	r := &in.gens
	g, ok := it.(*generator)
	if !ok || g != r.last {
		return
	}
	if r.lastF == f && r.lastCode == f.code && r.lastPC == f.pc-1 && !g.started {
		g.exclusive = true
	}
	r.last, r.lastF, r.lastCode = nil, nil, nil
}

// dropExhausted is called with the iterator a loop pops when it is
// exhausted: an exclusively owned generator goes back to the pool.
func (in *Interp) dropExhausted(it runtime.Value) {
	g, ok := it.Object().(*generator)
	if !ok || !g.exclusive || !g.done || len(in.gens.pool) >= genPoolSize {
		return
	}
	if fn := g.fn; fn != nil && fn.code.Name == genexpName && len(in.gens.fns) < genPoolSize {
		// Its cells would keep the enclosing function's variables alive
		// until the next evaluation: drop them now.
		clear(fn.closure)
		in.gens.fns = append(in.gens.fns, fn)
	}
	*g = generator{}
	in.gens.pool = append(in.gens.pool, g)
}

// genexpName is the name the compiler gives the code of a generator
// expression. The function object MAKE_FUNCTION makes for one goes
// straight to the CALL that makes its generator, and scripts cannot reach
// it (only its code, through the generator): once that generator is
// recycled, so can the function be.
const genexpName = "<genexpr>"

// reuseGenexpFunction is MAKE_FUNCTION (with flags) of code in f when
// code is a generator expression's and a recycled function object of the
// same code and globals is at hand: it takes that object, keeping its
// caches, and pushes it. It reports false, doing nothing, otherwise.
func (in *Interp) reuseGenexpFunction(f *frame, code *compile.Code, flags int) bool {
	if flags&^4 != 0 || code.Name != genexpName {
		return false
	}
	fns := in.gens.fns
	for i := len(fns) - 1; i >= 0; i-- {
		fn := fns[i]
		if fn.code != code || fn.mod != f.fn.mod || fn.globals != f.fn.globals {
			continue
		}
		fns[i] = fns[len(fns)-1]
		fns[len(fns)-1] = nil
		in.gens.fns = fns[:len(fns)-1]
		fn.closure = fn.closure[:0]
		if flags&4 != 0 {
			t, _ := runtime.As[*runtime.Tuple](f.pop())
			for _, c := range t.Items {
				cl, _ := runtime.As[*cell](c)
				fn.closure = append(fn.closure, cl)
			}
		}
		f.push(runtime.Obj(fn))
		return true
	}
	return false
}

// consumerBuiltins are the built-in functions that run through an
// iterable argument without keeping it: a fresh generator passed to one
// of them (sum(x * x for x in xs)) is garbage once the call returns.
var consumerBuiltins = map[*runtime.Builtin]bool{}

func init() {
	all := runtime.Builtins()
	for _, name := range []string{"sum", "any", "all", "min", "max", "sorted"} {
		if b, ok := runtime.AsExact[*runtime.Builtin](all[name]); ok {
			consumerBuiltins[b] = true
		}
	}
}

// freshArgument returns the generator that the call instruction running
// in f passes as its only argument, if the call just before made it (a
// generator expression's): then only the operand stack refers to it. The
// caller knows the callee does not keep it (consumerBuiltins,
// collectsArgument).
func (in *Interp) freshArgument(f *frame, args []runtime.Value) *generator {
	r := &in.gens
	if r.last == nil || len(args) != 1 {
		return nil
	}
	g, ok := args[0].Object().(*generator)
	if !ok || g != r.last || r.lastF != f || r.lastCode != f.code || r.lastPC != f.pc-1 || g.started {
		return nil
	}
	r.last, r.lastF, r.lastCode = nil, nil, nil
	return g
}

// recycleConsumed reuses g (from freshArgument, or nil) if the call it
// was passed to exhausted it.
func (in *Interp) recycleConsumed(g *generator) {
	if g != nil && g.done {
		g.exclusive = true
		in.dropExhausted(runtime.Obj(g))
	}
}
