package interp

// This file implements the run loop: it executes frames until the entry
// frame returns, an exception leaves it, or the frame chain suspends (a
// generator yields, or an await meets a pending future). Script calls
// push a frame and continue the loop; they never recurse on the Go stack.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// outcome is how a run of the loop ended.
type outcome uint8

const (
	outReturn outcome = iota // the entry frame returned a value
	outRaise                 // an exception left the entry frame
	outYield                 // the entry (generator) frame yielded a value
	outAwait                 // the chain waits on a pending awaitable
)

// run executes from frame f (the innermost frame of a chain whose
// outermost frame is entry) until entry returns, raises or suspends. On
// suspension, entry.resumeAt records the frame to resume.
func (in *Interp) run(th *runtime.Thread, f *frame, entry *frame) (outcome, runtime.Value, error) {
	return in.resume(th, f, entry, nil)
}

// resumeLoop is run, starting by raising throw in f when it is not nil.
func (in *Interp) resumeLoop(th *runtime.Thread, f *frame, entry *frame, throw error) (outcome, runtime.Value, error) {
	err := throw
	// reraise marks RERAISE and bare `raise`: the exception continues as
	// it is, with no new context and no new traceback entry.
	reraise := false
	var retval runtime.Value // the value a return instruction returns
	// What a call fast path passes to the code at call.
	var (
		callee        *function
		argsAt, popTo int
	)
	for {
		if err != nil {
			if err == errGreenSwitch { // a green thread suspends (green.go)
				return greenSuspend(th, f, entry)
			}
			// Unwind: record the frame in the traceback, as CPython does for
			// every frame an exception passes through, and find a handler in
			// this frame or its callers.
			exc := runtime.AsException(err)
			if !reraise {
				chainContext(exc, f.currentException())
				exc.Traceback = append(exc.Traceback, f.traceEntry())
			}
			err, reraise = nil, false
			// Each frame the exception leaves (or leaves a loop of)
			// drops the iterators of its loops over fresh objects.
			for dropOwnedIters(th, f); !f.findHandler(exc); dropOwnedIters(th, f) {
				f.finish(th)
				if f == entry {
					return outRaise, runtime.Value{}, exc
				}
				caller := f.back
				f.back = nil
				in.putFrame(f)
				f = caller
				exc.Traceback = append(exc.Traceback, f.traceEntry())
			}
		}
		if in.checking() {
			if h := &in.host; in.ticking && h.left > 1 {
				// stepAt's work without a call: a call per instruction
				// cost a third of the time of call-heavy code under a
				// context or a limit. The last count of a batch goes
				// through stepAt, which runs the tick's slow path.
				if r := in.mem.run; r != nil {
					r.cur = f
				}
				h.left--
			} else if err = in.stepAt(f); err != nil {
				continue
			}
		}
		instr := f.code.Run[f.pc]
		f.pc++
		arg := instr.Arg()
		switch instr.Op() {
		case compile.NOP, compile.EXTENDED: // EXTENDED is read by the instruction after it
		case compile.POP_TOP:
			f.sp--
			if arg != 0 && !f.slots[f.sp].IsNone() {
				// An expression statement's value: a coroutine dropped here
				// was never awaited (None, the usual value, is no coroutine:
				// tested inline so that calls for their effect pay no call).
				err = in.discardExpr(th, f, f.slots[f.sp])
			}
			f.slots[f.sp] = runtime.Value{}
		case compile.COPY:
			f.push(f.slots[f.sp-arg])
		case compile.SWAP:
			f.slots[f.sp-1], f.slots[f.sp-arg] = f.slots[f.sp-arg], f.slots[f.sp-1]
		case compile.LOAD_CONST:
			f.push(f.fn.consts[arg])
		case compile.LOAD_FAST:
			v := f.slots[arg]
			if !v.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			f.push(v)
		case compile.LOAD_FAST_LOAD_FAST:
			a := f.slots[arg]
			if !a.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			i := f.code.Run[f.pc].Arg()
			f.pc++
			b := f.slots[i]
			if !b.IsValid() {
				err = unboundLocal(f, i)
				continue
			}
			f.slots[f.sp] = a
			f.slots[f.sp+1] = b
			f.sp += 2
		case compile.LOAD_FAST_LOAD_CONST:
			a := f.slots[arg]
			if !a.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			k := f.code.Run[f.pc].Arg()
			f.pc++
			f.slots[f.sp] = a
			f.slots[f.sp+1] = f.fn.consts[k]
			f.sp += 2
		case compile.LOAD_FAST_CONST_BINARY_OP:
			a := f.slots[arg]
			if !a.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			k := f.code.Run[f.pc].Arg()
			op := runtime.Op(f.code.Run[f.pc+1].Arg())
			f.pc += 2
			var r runtime.Value
			if runtime.IsBigInt(a) || runtime.IsBigInt(f.fn.consts[k]) {
				r, err = bigBinaryOp(th, f, op, a, f.fn.consts[k])
			} else {
				r, err = binaryOp(th, op, a, f.fn.consts[k])
			}
			if err == nil {
				f.push(r)
			}
		case compile.LOAD_FAST_FAST_BINARY_OP:
			a := f.slots[arg]
			if !a.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			i := f.code.Run[f.pc].Arg()
			f.pc++
			b := f.slots[i]
			if !b.IsValid() {
				err = unboundLocal(f, i)
				continue
			}
			op := runtime.Op(f.code.Run[f.pc].Arg())
			f.pc++
			var r runtime.Value
			if runtime.IsBigInt(a) || runtime.IsBigInt(b) {
				r, err = bigBinaryOp(th, f, op, a, b)
			} else {
				r, err = binaryOp(th, op, a, b)
			}
			if err == nil {
				f.push(r)
			}
		case compile.LOAD_FAST_BINARY_OP:
			b := f.slots[arg]
			if !b.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			op := runtime.Op(f.code.Run[f.pc].Arg())
			f.pc++
			var r runtime.Value
			if runtime.IsBigInt(f.top()) || runtime.IsBigInt(b) {
				r, err = bigBinaryOp(th, f, op, f.top(), b)
			} else {
				r, err = binaryOp(th, op, f.top(), b)
			}
			if err == nil {
				f.slots[f.sp-1] = r
			}
		case compile.LOAD_CONST_BINARY_OP:
			op := runtime.Op(f.code.Run[f.pc].Arg())
			f.pc++
			var r runtime.Value
			if runtime.IsBigInt(f.top()) || runtime.IsBigInt(f.fn.consts[arg]) {
				r, err = bigBinaryOp(th, f, op, f.top(), f.fn.consts[arg])
			} else {
				r, err = binaryOp(th, op, f.top(), f.fn.consts[arg])
			}
			if err == nil {
				f.slots[f.sp-1] = r
			}
		case compile.LOAD_FAST_LOAD_ATTR:
			obj := f.slots[arg]
			if !obj.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			ni := f.code.Run[f.pc].Arg()
			f.pc++
			if v, ok := f.fn.loadAttrFast(obj, ni); ok {
				f.push(v)
				continue
			}
			var v runtime.Value
			if v, err = getAttr(th, obj, f.code.Names[ni]); err == nil {
				f.push(v)
			}
		case compile.LOAD_FAST_ATTR_RETURN:
			obj := f.slots[arg]
			if !obj.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			ni := f.code.Run[f.pc].Arg()
			f.pc++
			if v, ok := f.fn.loadAttrFast(obj, ni); ok {
				retval = v
				f.pc++
				goto ret
			}
			if retval, err = getAttr(th, obj, f.code.Names[ni]); err != nil {
				continue
			}
			f.pc++
			goto ret
		case compile.LOAD_FAST_CONST_COMPARE_JUMP, compile.LOAD_FAST_FAST_COMPARE_JUMP:
			a := f.slots[arg]
			if !a.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			second := f.code.Run[f.pc]
			var b runtime.Value
			if instr.Op() == compile.LOAD_FAST_CONST_COMPARE_JUMP {
				b = f.fn.consts[second.Arg()]
			} else if b = f.slots[second.Arg()]; !b.IsValid() {
				f.pc++
				err = unboundLocal(f, second.Arg())
				continue
			}
			op := runtime.CmpOp(f.code.Run[f.pc+1].Arg())
			jump := f.code.Run[f.pc+2]
			f.pc += 2 // errors from the comparison are the COMPARE_OP's
			var t bool
			if a.IsSmallInt() && b.IsSmallInt() {
				t = cmpInts(op, a.SmallInt(), b.SmallInt())
			} else if x, y, ok := floatOperands(a, b); ok {
				t = cmpFloats(op, x, y)
			} else {
				var r runtime.Value
				if r, err = runtime.Compare(th, op, a, b); err != nil {
					continue
				}
				var isBool bool
				if t, isBool = r.BoolVal(); !isBool {
					f.pc++ // a failing truth test is the jump's error
					if t, err = runtime.Truth(th, r); err != nil {
						continue
					}
					f.pc--
				}
			}
			f.pc++
			if t == (jump.Op() == compile.POP_JUMP_IF_TRUE) {
				f.pc = jump.Arg()
			}
		case compile.COMPARE_OP_JUMP_IF_FALSE, compile.COMPARE_OP_JUMP_IF_TRUE:
			b := f.slots[f.sp-1]
			a := f.slots[f.sp-2]
			f.sp -= 2
			var t bool
			if a.IsSmallInt() && b.IsSmallInt() {
				t = cmpInts(runtime.CmpOp(arg), a.SmallInt(), b.SmallInt())
			} else if x, y, ok := floatOperands(a, b); ok {
				t = cmpFloats(runtime.CmpOp(arg), x, y)
			} else {
				var r runtime.Value
				if r, err = runtime.Compare(th, runtime.CmpOp(arg), a, b); err != nil {
					continue
				}
				var isBool bool
				if t, isBool = r.BoolVal(); !isBool {
					f.pc++ // a failing truth test is the jump's error
					if t, err = runtime.Truth(th, r); err != nil {
						continue
					}
					f.pc--
				}
			}
			target := f.code.Run[f.pc].Arg()
			f.pc++
			if t == (instr.Op() == compile.COMPARE_OP_JUMP_IF_TRUE) {
				f.pc = target
			}
		case compile.STORE_FAST_LOAD_FAST:
			f.sp--
			f.slots[arg] = f.slots[f.sp]
			i := f.code.Run[f.pc].Arg()
			f.pc++
			v := f.slots[i]
			if !v.IsValid() {
				err = unboundLocal(f, i)
				continue
			}
			f.push(v)
		case compile.INPLACE_OP_STORE_FAST:
			b := f.pop()
			a := f.pop()
			var r runtime.Value
			// Inline ints and floats have no in-place methods: x op= y
			// is the operator itself, for the operators both support (an
			// unsupported one fails in InPlace, whose message names op=).
			if op := runtime.Op(arg); op != runtime.OpMatMul && (a.IsSmallInt() && b.IsSmallInt() ||
				(a.IsSmallInt() || a.IsFloat()) && (b.IsSmallInt() || b.IsFloat()) && op <= runtime.OpPow) {
				r, err = binaryOp(th, runtime.Op(arg), a, b)
			} else {
				r, err = runtime.InPlace(th, runtime.Op(arg), a, b)
			}
			if err != nil {
				continue
			}
			f.slots[f.code.Run[f.pc].Arg()] = r
			f.pc++
		case compile.STORE_FAST:
			f.slots[arg] = f.pop()
		case compile.DELETE_FAST:
			if !f.slots[arg].IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			f.slots[arg] = runtime.Value{}
		case compile.LOAD_DEREF:
			v := f.cells[arg].v
			if !v.IsValid() {
				err = f.unboundCell(arg)
				continue
			}
			f.push(v)
		case compile.STORE_DEREF:
			f.cells[arg].v = f.pop()
		case compile.DELETE_DEREF:
			if !f.cells[arg].v.IsValid() {
				err = f.unboundCell(arg)
				continue
			}
			f.cells[arg].v = runtime.Value{}
		case compile.LOAD_CLOSURE:
			f.push(runtime.Obj(f.cells[arg]))
		case compile.LOAD_CLASSDEREF:
			name := f.code.CellName(arg)
			if v, ok, _ := f.ns.Get(th, runtime.Str(name)); ok {
				f.push(v)
				continue
			}
			v := f.cells[arg].v
			if !v.IsValid() {
				err = f.unboundCell(arg)
				continue
			}
			f.push(v)
		case compile.LOAD_GLOBAL:
			cache := f.fn.globalCache
			if cache == nil {
				cache = make([]globalEntry, len(f.code.Names))
				f.fn.globalCache = cache
			}
			e := &cache[arg]
			if e.version == f.globals().Version && e.builtins == in.builtinsVersion {
				// Valid while no global was added or deleted: the name is
				// still a module global (read its slot) or still a builtin.
				if e.slot != nil {
					if v := e.slot.V; v.IsValid() {
						f.push(v)
						continue
					}
				} else if e.v.IsValid() {
					f.push(e.v)
					continue
				}
			}
			name := f.code.Names[arg]
			if s := f.globals().Slot(name); s != nil {
				*e = globalEntry{version: f.globals().Version, builtins: in.builtinsVersion, slot: s}
				f.push(s.V)
			} else if v, ok := f.fn.mod.builtins[name]; ok {
				*e = globalEntry{version: f.globals().Version, builtins: in.builtinsVersion, v: v}
				f.push(v)
			} else {
				err = nameError(name, f)
			}
		case compile.STORE_GLOBAL:
			v := f.pop()
			// A global the function has read before (counter += 1): its
			// slot is known and is where the value lives.
			if c := f.fn.globalCache; c != nil {
				if e := &c[arg]; e.slot != nil && e.version == f.globals().Version {
					e.slot.V = v
					continue
				}
			}
			f.globals().Set(f.code.Names[arg], v)
		case compile.DELETE_GLOBAL:
			if !f.globals().DelAttrValue(f.code.Names[arg]) {
				err = nameError(f.code.Names[arg], f)
			}
		case compile.LOAD_NAME:
			name := f.code.Names[arg]
			if f.ns != nil && len(in.prepared) > 0 {
				if v, found, lerr := in.loadPrepared(th, f, name); lerr != nil || found {
					err = lerr
					if found {
						f.push(v)
						continue
					}
					break
				}
			}
			if f.ns != nil {
				if v, ok, _ := f.ns.Get(th, runtime.Str(name)); ok {
					f.push(v)
					continue
				}
			}
			if v, ok := f.globals().Get(name); ok {
				f.push(v)
			} else if v, ok := f.fn.mod.builtins[name]; ok {
				f.push(v)
			} else {
				err = nameError(name, f)
			}
		case compile.STORE_NAME:
			v := f.pop()
			if m, ok := in.preparedFor(f); ok {
				err = runtime.SetItem(th, m, runtime.Str(f.code.Names[arg]), v)
			} else if f.ns != nil {
				err = f.ns.SetItem(th, runtime.Str(f.code.Names[arg]), v)
			} else {
				f.globals().Set(f.code.Names[arg], v)
			}
		case compile.DELETE_NAME:
			name := f.code.Names[arg]
			if m, ok := in.preparedFor(f); ok {
				err = runtime.DelItem(th, m, runtime.Str(name))
				if runtime.IsInstance(err, runtime.KeyError) {
					err = nameError(name, f)
				}
			} else if f.ns != nil {
				if _, ok, _ := f.ns.Delete(th, runtime.Str(name)); !ok {
					err = nameError(name, f)
				}
			} else if !f.globals().DelAttrValue(name) {
				err = nameError(name, f)
			}
		case compile.LOAD_ATTR:
			// Fast path: an instance attribute of a class without
			// properties is found in the instance dictionary first.
			if v, ok := f.fn.loadAttrFast(f.top(), arg); ok {
				f.slots[f.sp-1] = v
				continue
			}
			if m, ok := runtime.AsExact[*runtime.Module](f.top()); ok {
				if v, ok := f.fn.moduleAttr(m, arg); ok {
					f.slots[f.sp-1] = v
					continue
				}
			}
			var v runtime.Value
			v, err = getAttr(th, f.top(), f.code.Names[arg])
			if err == nil {
				f.slots[f.sp-1] = v
			}
		case compile.STORE_ATTR:
			obj := f.pop()
			v := f.pop()
			if f.fn.storeAttrFast(obj, arg, v) {
				continue
			}
			err = runtime.SetAttr(th, obj, f.code.Names[arg], v)
		case compile.DELETE_ATTR:
			err = runtime.DelAttr(th, f.pop(), f.code.Names[arg])
		case compile.LOAD_METHOD:
			// Inline cache: a plain method of a user class, found for the
			// same class and class epoch before, unless the instance
			// dictionary shadows it.
			if inst, ok := runtime.AsExact[*runtime.Instance](f.top()); ok && inst.Class.User {
				if m := f.fn.cachedMethod(inst, arg); m != nil {
					obj := f.top()
					f.slots[f.sp-1] = runtime.Obj(m)
					f.push(obj)
					continue
				}
			}
			if m, ok := runtime.AsExact[*runtime.Module](f.top()); ok {
				if v, ok := f.fn.moduleAttr(m, arg); ok {
					f.slots[f.sp-1] = v
					f.push(runtime.Value{})
					continue
				}
			}
			err = loadMethod(th, f, arg)
		case compile.LOAD_METHOD_CALL_METHOD_0:
			// A method called without arguments (o.get()): a plain script
			// method with just self gets its frame at once; anything else
			// is loaded as LOAD_METHOD does and the CALL_METHOD that follows
			// makes the call.
			if inst, ok := runtime.AsExact[*runtime.Instance](f.top()); ok && inst.Class.User {
				if m := f.fn.cachedMethod(inst, arg); m != nil {
					if m.code.SimpleArgs == 1 {
						f.pc++ // errors from here on are the call's
						callee, argsAt, popTo = m, f.sp-1, f.sp-1
						goto call
					}
					obj := f.top()
					f.slots[f.sp-1] = runtime.Obj(m)
					f.push(obj)
					continue
				}
			}
			if m, ok := runtime.AsExact[*runtime.Module](f.top()); ok {
				if v, ok := f.fn.moduleAttr(m, arg); ok {
					f.slots[f.sp-1] = v
					f.push(runtime.Value{})
					continue
				}
			}
			err = loadMethod(th, f, arg)
		case compile.BINARY_OP:
			b := f.pop()
			a := f.top()
			var r runtime.Value
			if runtime.IsBigInt(a) || runtime.IsBigInt(b) {
				r, err = bigBinaryOp(th, f, runtime.Op(arg), a, b)
			} else {
				r, err = binaryOp(th, runtime.Op(arg), a, b)
			}
			f.slots[f.sp-1] = r
		case compile.INPLACE_OP:
			b := f.pop()
			a := f.top()
			var r runtime.Value
			// Inline ints and floats have no in-place methods: x op= y
			// is the operator itself, for the operators both support (an
			// unsupported one fails in InPlace, whose message names op=).
			if op := runtime.Op(arg); op != runtime.OpMatMul && (a.IsSmallInt() && b.IsSmallInt() ||
				(a.IsSmallInt() || a.IsFloat()) && (b.IsSmallInt() || b.IsFloat()) && op <= runtime.OpPow) {
				r, err = binaryOp(th, runtime.Op(arg), a, b)
			} else {
				r, err = runtime.InPlace(th, runtime.Op(arg), a, b)
			}
			f.slots[f.sp-1] = r
		case compile.UNARY_NEGATIVE:
			var r runtime.Value
			r, err = runtime.Neg(th, f.top())
			f.slots[f.sp-1] = r
		case compile.UNARY_POSITIVE:
			var r runtime.Value
			r, err = runtime.Pos(th, f.top())
			f.slots[f.sp-1] = r
		case compile.UNARY_INVERT:
			var r runtime.Value
			r, err = runtime.Invert(th, f.top())
			f.slots[f.sp-1] = r
		case compile.UNARY_NOT:
			var t bool
			t, err = runtime.Truth(th, f.top())
			f.slots[f.sp-1] = runtime.MakeBool(!t)
		case compile.COMPARE_OP:
			b := f.pop()
			a := f.top()
			if a.IsSmallInt() && b.IsSmallInt() {
				f.slots[f.sp-1] = runtime.MakeBool(cmpInts(runtime.CmpOp(arg), a.SmallInt(), b.SmallInt()))
				continue
			}
			if x, y, ok := floatOperands(a, b); ok {
				f.slots[f.sp-1] = runtime.MakeBool(cmpFloats(runtime.CmpOp(arg), x, y))
				continue
			}
			var r runtime.Value
			r, err = runtime.Compare(th, runtime.CmpOp(arg), a, b)
			f.slots[f.sp-1] = r
		case compile.IS_OP:
			b := f.pop()
			f.slots[f.sp-1] = runtime.MakeBool(f.top().Is(b) != (arg == 1))
		case compile.CONTAINS_OP:
			b := f.pop()
			var in bool
			in, err = runtime.Contains(th, b, f.top())
			f.slots[f.sp-1] = runtime.MakeBool(in != (arg == 1))
		case compile.BINARY_SUBSCR:
			key := f.pop()
			r, ok := runtime.ItemFast(f.top(), key)
			if !ok {
				r, err = runtime.GetItem(th, f.top(), key)
			}
			f.slots[f.sp-1] = r
		case compile.STORE_SUBSCR:
			key := f.pop()
			obj := f.pop()
			if x := f.pop(); !runtime.SetItemFast(obj, key, x) {
				err = runtime.SetItem(th, obj, key, x)
			}
		case compile.DELETE_SUBSCR:
			key := f.pop()
			err = runtime.DelItem(th, f.pop(), key)
		case compile.BUILD_SLICE_SUBSCR:
			r, ok, e := sliceFast(th, f.slots[f.sp-3], f.slots[f.sp-2], f.slots[f.sp-1])
			if ok {
				f.pc++ // an error is the BINARY_SUBSCR's
				if e != nil {
					err = e
					continue
				}
				f.sp -= 2
				f.slots[f.sp-1] = r
				continue
			}
			// Otherwise BUILD_SLICE as usual; the BINARY_SUBSCR after it runs.
			s := &runtime.Slice{Step: runtime.None, Stop: f.pop()}
			s.Start = f.pop()
			f.push(runtime.Obj(s))
		case compile.BUILD_SLICE:
			if done, e := sliceDirect(th, f, arg); done {
				err = e
				break
			}
			s := &runtime.Slice{Step: runtime.None}
			if arg == 3 {
				s.Step = f.pop()
			}
			s.Stop = f.pop()
			s.Start = f.pop()
			f.push(runtime.Obj(s))
		case compile.BUILD_TUPLE:
			items := make([]runtime.Value, arg)
			copy(items, f.slots[f.sp-arg:f.sp])
			f.popN(arg)
			f.push(runtime.TupleOf(items...))
		case compile.BUILD_LIST:
			items := make([]runtime.Value, arg)
			copy(items, f.slots[f.sp-arg:f.sp])
			f.popN(arg)
			f.push(runtime.NewList(items))
		case compile.BUILD_SET:
			s := runtime.NewSet()
			for _, v := range f.slots[f.sp-arg : f.sp] {
				if err = s.Add(th, v); err != nil {
					break
				}
			}
			f.popN(arg)
			f.push(runtime.Obj(s))
		case compile.BUILD_MAP:
			d := runtime.NewDict()
			for i := f.sp - 2*arg; i < f.sp; i += 2 {
				if err = d.SetItem(th, f.slots[i], f.slots[i+1]); err != nil {
					break
				}
			}
			f.popN(2 * arg)
			f.push(runtime.Obj(d))
		case compile.LIST_APPEND:
			v := f.pop()
			l, _ := runtime.AsExact[*runtime.List](f.slots[f.sp-arg])
			if err = th.CheckGrow(l.Items, 1); err != nil {
				continue
			}
			l.Append(v)
		case compile.SET_ADD:
			v := f.pop()
			s, _ := runtime.AsExact[*runtime.Set](f.slots[f.sp-arg])
			err = s.Add(th, v)
		case compile.MAP_ADD:
			v := f.pop()
			k := f.pop()
			d, _ := runtime.AsExact[*runtime.Dict](f.slots[f.sp-arg])
			err = d.SetItem(th, k, v)
		case compile.LIST_EXTEND:
			it := f.pop()
			l, _ := runtime.AsExact[*runtime.List](f.slots[f.sp-arg])
			var items []runtime.Value
			items, err = runtime.Collect(th, it)
			if err != nil {
				if runtime.IsInstance(err, runtime.TypeError) && !isIterable(th, it) {
					err = runtime.Errorf(runtime.TypeError, "Value after * must be an iterable, not %s", it.Type().Name)
				}
				continue
			}
			l.Items = append(l.Items, items...)
		case compile.SET_UPDATE:
			it := f.pop()
			s, _ := runtime.AsExact[*runtime.Set](f.slots[f.sp-arg])
			var items []runtime.Value
			if items, err = runtime.Collect(th, it); err == nil {
				for _, v := range items {
					if err = s.Add(th, v); err != nil {
						break
					}
				}
			}
		case compile.DICT_UPDATE, compile.DICT_MERGE:
			m := f.pop()
			d, _ := runtime.AsExact[*runtime.Dict](f.slots[f.sp-arg])
			err = dictMerge(th, d, m, instr.Op() == compile.DICT_MERGE, f)
		case compile.LIST_TO_TUPLE:
			l, _ := runtime.AsExact[*runtime.List](f.top())
			f.slots[f.sp-1] = runtime.TupleOf(l.Items...)
		case compile.UNPACK_SEQUENCE:
			err = unpackSequence(th, f, arg)
		case compile.UNPACK_SEQUENCE_STORE_FAST:
			if !unpackToLocals(f, arg) {
				err = unpackSequence(th, f, arg)
			}
		case compile.UNPACK_EX:
			after := arg >> 8
			if f.pc >= 2 && f.code.Run[f.pc-2].Op() == compile.EXTENDED {
				after |= f.code.Run[f.pc-2].Arg() << 16
			}
			err = unpackEx(th, f, arg&0xff, after)
		case compile.JUMP:
			f.pc = arg
		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			v := f.pop()
			t, isBool := v.BoolVal()
			if !isBool {
				if t, err = runtime.Truth(th, v); err != nil {
					continue
				}
			}
			if t == (instr.Op() == compile.POP_JUMP_IF_TRUE) {
				f.pc = arg
			}
		case compile.JUMP_IF_FALSE_OR_POP, compile.JUMP_IF_TRUE_OR_POP:
			var t bool
			if t, err = runtime.Truth(th, f.top()); err != nil {
				continue
			}
			if t == (instr.Op() == compile.JUMP_IF_TRUE_OR_POP) {
				f.pc = arg
			} else {
				f.pop()
			}
		case compile.GET_ITER:
			var it runtime.Iterator
			it, err = runtime.Iter(th, f.top())
			if err == nil {
				f.slots[f.sp-1] = runtime.Obj(it)
				if arg != 0 {
					markLoopOwned(it)
					in.claimFresh(it, f)
				}
			}
		case compile.FOR_ITER:
			v, ok, e := runtime.IterNext(th, f.top())
			if e != nil {
				err = e
				continue
			}
			if ok {
				f.push(v)
			} else {
				in.dropExhausted(f.pop())
				f.pc = arg
			}
		case compile.LOAD_FAST_COPY_LOAD_ATTR:
			obj := f.slots[arg]
			if !obj.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			ni := f.code.Run[f.pc+1].Arg()
			f.pc += 2
			f.push(obj)
			if v, ok := f.fn.loadAttrFast(obj, ni); ok {
				f.push(v)
				continue
			}
			var v runtime.Value
			if v, err = getAttr(th, obj, f.code.Names[ni]); err == nil {
				f.push(v)
			}
		case compile.INPLACE_OP_STORE_ATTR:
			b := f.pop()
			a := f.pop()
			var r runtime.Value
			// Inline ints and floats have no in-place methods: x op= y
			// is the operator itself, for the operators both support (an
			// unsupported one fails in InPlace, whose message names op=).
			if op := runtime.Op(arg); op != runtime.OpMatMul && (a.IsSmallInt() && b.IsSmallInt() ||
				(a.IsSmallInt() || a.IsFloat()) && (b.IsSmallInt() || b.IsFloat()) && op <= runtime.OpPow) {
				r, err = binaryOp(th, runtime.Op(arg), a, b)
			} else {
				r, err = runtime.InPlace(th, runtime.Op(arg), a, b)
			}
			if err != nil {
				continue
			}
			obj := f.pop()
			ni := f.code.Run[f.pc+1].Arg()
			f.pc += 2
			if f.fn.storeAttrFast(obj, ni, r) {
				continue
			}
			err = runtime.SetAttr(th, obj, f.code.Names[ni], r)
		case compile.BINARY_SUBSCR_STORE_FAST:
			key := f.pop()
			r, ok := runtime.ItemFast(f.top(), key)
			if !ok {
				if r, err = runtime.GetItem(th, f.top(), key); err != nil {
					continue
				}
			}
			f.slots[f.sp-1] = r
			f.slots[f.code.Run[f.pc].Arg()] = r
			f.pc += 2
		case compile.JUMP_FOR_ITER:
			// The loop head at arg is FOR_ITER exit; STORE_FAST a.
			v, ok, e := runtime.IterNext(th, f.top())
			if e != nil {
				f.pc = arg + 1 // the error is the FOR_ITER's
				err = e
				continue
			}
			if ok {
				f.slots[f.code.Run[arg+1].Arg()] = v
				f.pc = arg + 2
			} else {
				in.dropExhausted(f.pop())
				f.pc = f.code.Run[arg].Arg()
			}
		case compile.FOR_ITER_STORE_FAST:
			v, ok, e := runtime.IterNext(th, f.top())
			if e != nil {
				err = e
				continue
			}
			if ok {
				f.slots[f.code.Run[f.pc].Arg()] = v
				f.pc++
			} else {
				in.dropExhausted(f.pop())
				f.pc = arg
			}
		case compile.CALL, compile.CALL_AWAITED:
			// Fast path: a plain script function called with exactly its
			// positional parameters (fib(n - 1)).
			if fn, ok := runtime.AsExact[*function](f.slots[f.sp-arg-1]); ok && fn.code.SimpleArgs == arg {
				callee, argsAt, popTo = fn, f.sp-arg, f.sp-arg-1
				goto call
			}
			var nf *frame
			nf, err = in.call(th, f, instr)
			if nf != nil {
				if err = th.Enter(); err != nil {
					continue
				}
				nf.counted = true
				nf.back = f
				f = nf
			}
		case compile.CALL_METHOD, compile.CALL_METHOD_AWAITED:
			base := f.sp - arg - 2
			// A built-in method of the receiver's own class (parts.append,
			// d.get) is called with its arguments in place.
			if md, ok := runtime.AsExact[*runtime.MethodDescriptor](f.slots[base]); ok {
				if self := f.slots[base+1]; self.IsValid() && self.Type() == md.Owner {
					var r runtime.Value
					r, err = md.Fn(th, self, f.slots[base+2:f.sp], nil)
					f.popN(arg + 2)
					if err == nil {
						f.push(r)
					}
					continue
				}
			}
			// Fast path: a plain script method given exactly self and its
			// positional parameters (o.bump()).
			if fn, ok := runtime.AsExact[*function](f.slots[base]); ok && fn.code.SimpleArgs == arg+1 && f.slots[base+1].IsValid() {
				callee, argsAt, popTo = fn, base+1, base
				goto call
			}
			var nf *frame
			nf, err = in.call(th, f, instr)
			if nf != nil {
				if err = th.Enter(); err != nil {
					continue
				}
				nf.counted = true
				nf.back = f
				f = nf
			}
		case compile.CALL_KW, compile.CALL_EX:
			var nf *frame
			nf, err = in.call(th, f, instr)
			if nf != nil {
				if err = th.Enter(); err != nil {
					continue
				}
				nf.counted = true
				nf.back = f
				f = nf
			}
		case compile.MAKE_FUNCTION:
			in.makeFunction(f, arg)
		case compile.RETURN_VALUE:
			retval = f.pop()
			goto ret
		case compile.LOAD_FAST_RETURN_VALUE:
			if retval = f.slots[arg]; !retval.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			f.pc++
			goto ret
		case compile.LOAD_CONST_RETURN_VALUE:
			retval = f.fn.consts[arg]
			f.pc++
			goto ret
		case compile.BINARY_OP_RETURN_VALUE:
			b := f.pop()
			a := f.pop()
			if retval, err = binaryOp(th, runtime.Op(arg), a, b); err != nil {
				continue
			}
			f.pc++
			goto ret
		case compile.LOAD_FAST_COPY:
			v := f.slots[arg]
			if !v.IsValid() {
				err = unboundLocal(f, arg)
				continue
			}
			f.pc++
			f.slots[f.sp] = v
			f.slots[f.sp+1] = v
			f.sp += 2
		case compile.SWAP_STORE_ATTR:
			v := f.pop()
			obj := f.pop()
			ni := f.code.Run[f.pc].Arg()
			f.pc++
			if f.fn.storeAttrFast(obj, ni, v) {
				continue
			}
			err = runtime.SetAttr(th, obj, f.code.Names[ni], v)
		case compile.YIELD_VALUE:
			v := f.pop()
			f.suspended = suspendedYield
			entry.resumeAt = f
			uncount(th, f, entry)
			return outYield, v, nil
		case compile.GET_YIELD_FROM_ITER:
			if g, ok := runtime.AsExact[*generator](f.top()); !ok {
				var it runtime.Iterator
				if it, err = runtime.Iter(th, f.top()); err == nil {
					f.slots[f.sp-1] = runtime.Obj(it)
				}
			} else {
				in.claimFresh(g, f)
			}
		case compile.YIELD_FROM:
			// [it, v]: send v into the sub-iterator; re-executed after each
			// value it yields is passed out, until it is exhausted.
			v := f.pop()
			var r runtime.Value
			var ok bool
			var ret runtime.Value = runtime.None
			if g, isGen := runtime.AsExact[*generator](f.top()); isGen {
				r, ok, err = g.send(th, v, nil)
				ret = g.retval
			} else {
				it, _ := runtime.AsExact[runtime.Iterator](f.top())
				r, ok, err = it.Next(th)
				if rv, hasRet := it.(interface{ ReturnValue() runtime.Value }); hasRet && !ok {
					ret = rv.ReturnValue() // yield from coro.__await__()
				}
			}
			if err != nil {
				f.pop()
				continue
			}
			if !ok {
				in.dropExhausted(f.pop())
				if !ret.IsValid() {
					ret = runtime.None
				}
				f.push(ret)
				continue
			}
			f.pc--
			f.suspended = suspendedYield
			entry.resumeAt = f
			uncount(th, f, entry)
			return outYield, r, nil
		case compile.GET_AITER, compile.GET_ANEXT, compile.END_ASYNC_FOR, compile.DROP_ITER:
			err, reraise = asyncIterOp(th, f, instr.Op(), arg)
		case compile.GET_AWAITABLE:
			if err = checkAwaitable(f.top()); err != nil && f.top().Type().User {
				// A class with __await__: await the iterator it returns.
				f.slots[f.sp-1], err = runtime.AwaitableFor(th, f.top())
			}
		case compile.AWAIT:
			aw := f.top()
			if co, ok := runtime.AsExact[*coroutine](aw); ok {
				if co.state != coroCreated {
					err = runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
					continue
				}
				if err = th.Enter(); err != nil {
					continue
				}
				f.pop()
				f.dropPopped()
				co.state = coroRunning
				nf := (*frame)(co)
				nf.counted = true
				nf.back = f
				f = nf
				continue
			}
			throw := f.pendingThrow
			f.pendingThrow = nil
			var st runtime.CoroStep
			if a, ok := aw.Object().(*agenAwait); ok {
				// An async for's step: skip AwaitStepOf's interface match.
				st = a.AwaitStep(th, throw)
			} else {
				st = runtime.AwaitStepOf(th, aw, throw)
			}
			if st.Done {
				f.pop()
				if st.Err != nil {
					err = st.Err
					continue
				}
				f.push(st.Value)
				continue
			}
			// Suspend the whole chain; AWAIT runs again on resumption.
			f.slots[f.sp-1] = runtime.AfterSuspend(aw)
			f.pc--
			f.dropPopped()
			f.suspended = suspendedAwait
			entry.resumeAt = f
			uncount(th, f, entry)
			return outAwait, st.Awaiting, nil
		case compile.FORMAT_VALUE:
			err = formatValue(th, f, arg)
		case compile.BUILD_STRING:
			r := runtime.ConcatStrs(f.slots[f.sp-arg : f.sp])
			f.popN(arg)
			f.push(r)
		case compile.RAISE_VARARGS:
			err, reraise = doRaise(th, f, arg)
		case compile.SETUP_FINALLY:
			f.blocks = append(f.blocks, block{kind: blockTry, handler: arg, level: f.sp})
		case compile.SETUP_WITH:
			// The handler's stack keeps the exit method, not the result
			// of __enter__ above it.
			f.blocks = append(f.blocks, block{kind: blockTry, handler: arg, level: f.sp - 1})
		case compile.POP_BLOCK:
			f.blocks = f.blocks[:len(f.blocks)-1]
		case compile.POP_EXCEPT:
			b := f.blocks[len(f.blocks)-1]
			f.blocks = f.blocks[:len(f.blocks)-1]
			f.excInfo = b.prev
			f.pop()
		case compile.RERAISE:
			v := f.pop()
			err = runtime.AsException(asError(v))
			reraise = true
		case compile.MATCH_SEQUENCE, compile.MATCH_MAPPING, compile.GET_LEN, compile.MATCH_KEYS, compile.MATCH_CLASS, compile.MATCH_REST, compile.ROT_DOWN, compile.ROT_UP:
			err = matchOp(th, f, instr.Op(), arg)
		case compile.CHECK_EXC_MATCH:
			typ := f.pop()
			exc := f.pop()
			var ok bool
			ok, err = excMatches(exc, typ)
			f.push(runtime.MakeBool(ok))
		case compile.CHECK_EG_MATCH:
			err = checkEGMatch(th, f)
		case compile.PREP_RERAISE_STAR:
			err = prepReraiseStar(th, f)
		case compile.BEFORE_WITH:
			err = beforeWith(th, f, false)
		case compile.BEFORE_ASYNC_WITH:
			err = beforeWith(th, f, true)
		case compile.WITH_EXCEPT_START:
			exc := f.slots[f.sp-1]
			exit := f.slots[f.sp-2]
			var r runtime.Value
			e, _ := runtime.AsExact[*runtime.Exception](exc)
			r, err = th.Call(exit, []runtime.Value{runtime.Obj(exc.Type()), exc, e.TracebackValue()}, nil)
			if err == nil {
				if _, isAwaitable := runtime.AsExact[*coroutine](r); !isAwaitable {
					if _, isAw := runtime.AsExact[runtime.Awaitable](r); !isAw {
						var t bool
						t, err = runtime.Truth(th, r)
						r = runtime.MakeBool(t)
					}
				}
				f.push(r)
			}
		case compile.LOAD_ASSERTION_ERROR:
			f.push(runtime.Obj(runtime.AssertionError))
		case compile.BUILD_CLASS:
			err = in.buildClass(th, f, arg)
		case compile.IMPORT_NAME:
			var m runtime.Value
			m, err = in.importName(th, f, f.code.Names[arg])
			if err == nil {
				f.push(m)
			}
		case compile.IMPORT_FROM:
			err = in.importFrom(th, f, f.code.Names[arg])
		case compile.PRINT_EXPR:
			err = in.printExpr(th, f.pop())
		default:
			err = runtime.Errorf(runtime.SystemError, "unknown opcode %d", instr.Op())
		}
		continue
	call:
		// The call fast paths of CALL, CALL_METHOD and
		// LOAD_METHOD_CALL_METHOD_0 end here: callee is a plain function
		// (Code.SimpleArgs) given exactly its positional arguments, the
		// values f.slots[argsAt:f.sp], and the caller's stack drops to
		// popTo.
		//
		// th.Enter and takeFrame are written out here, and putFrame at
		// ret: this function is so large that the Go compiler inlines
		// only callees of cost 20 or less into it (see "big" functions in
		// its inliner), and a Go call per script call costs ~10% of a
		// call-heavy program. Making the loop small enough for the usual
		// budget inlined much else too and made it slower. One copy each;
		// call_fastpath_test.go runs programs through these copies and
		// through the helpers and compares.
		if th.Depth++; th.Depth > th.MaxDepth {
			err = th.TooDeep()
			continue
		}
		{
			code := callee.code
			nf := in.framePool
			if nf != nil && cap(nf.slots) >= code.FrameSize {
				in.framePool, nf.back = nf.back, nil
				in.pooledFrames--
				nf.fn, nf.code, nf.sp = callee, code, len(code.Locals)
				nf.slots = nf.slots[:code.FrameSize]
				clearLocals(nf.slots[f.sp-argsAt : nf.sp])
			} else {
				nf = in.makeFrame(callee)
			}
			args := f.slots[argsAt:f.sp]
			for i := range args {
				nf.slots[i] = args[i]
			}
			if code.NumCells != 0 {
				nf.makeCells()
			}
			f.sp = popTo
			nf.counted, nf.back = true, f
			f = nf
		}
		continue
	ret:
		// RETURN_VALUE and the superinstructions that end with it.
		f.finish(th)
		if f.isCoro {
			f.endCoroutine()
		}
		if f.gen != nil {
			f.gen.done = true
		}
		if f == entry {
			return outReturn, retval, nil
		}
		caller := f.back
		f.back = nil
		if !f.pinned && in.pooledFrames < framePoolSize {
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
			f.back = in.framePool
			in.framePool = f
			in.pooledFrames++
		}
		f = caller
		f.push(retval)
	}
}

// uncount releases the call depth held by a suspended chain; recount
// takes it again on resumption.
func uncount(th *runtime.Thread, f, entry *frame) {
	for fr := f; fr != nil; fr = fr.back {
		fr.finish(th)
		if fr == entry {
			break
		}
	}
}

func recount(th *runtime.Thread, f, entry *frame) error {
	for fr := f; fr != nil && fr != entry; fr = fr.back {
		if err := th.Enter(); err != nil {
			return err
		}
		fr.counted = true
	}
	return nil
}

// popN drops n values (without clearing them, like pop).
func (f *frame) popN(n int) { f.sp -= n }

// finish releases the frame's share of the call depth.
func (f *frame) finish(th *runtime.Thread) {
	if f.counted {
		th.Leave()
		f.counted = false
	}
}

// findHandler looks for a try block in f that handles exc; if there is one
// it sets up the handler (stack depth, handled-exception state, pc).
func (f *frame) findHandler(exc *runtime.Exception) bool {
	for len(f.blocks) > 0 {
		b := f.blocks[len(f.blocks)-1]
		f.blocks = f.blocks[:len(f.blocks)-1]
		if b.kind == blockHandler {
			f.excInfo = b.prev
			continue
		}
		for f.sp > b.level {
			f.pop()
		}
		f.blocks = append(f.blocks, block{kind: blockHandler, prev: f.excInfo, level: f.sp})
		f.excInfo = exc
		f.push(runtime.Obj(exc))
		f.pc = b.handler
		return true
	}
	return false
}

// chainContext sets exc.__context__ to the exception being handled, as
// CPython does when an exception is raised inside an except or finally
// block, without creating a cycle.
func chainContext(exc, ctx *runtime.Exception) {
	if ctx == nil || ctx == exc || exc.Context != nil {
		return
	}
	for c := ctx; c != nil; c = c.Context {
		if c.Context == exc {
			c.Context = nil
			break
		}
	}
	exc.Context = ctx
}

func (f *frame) unboundCell(i int) error {
	name := f.code.CellName(i)
	if i < len(f.code.CellNames) {
		return runtime.Errorf(runtime.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
	}
	return runtime.Errorf(runtime.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
}

func nameError(name string, f *frame) error {
	e := runtime.Errorf(runtime.NameError, "name '%s' is not defined", name)
	e.Name = name
	// Candidates for "Did you mean": bound locals, then globals, then
	// builtins, separated by "\x00" (CPython searches each in turn).
	var scope []string
	for i, name := range f.code.Locals {
		if f.slots[i].IsValid() {
			scope = append(scope, name)
		}
	}
	if f.ns != nil {
		for _, k := range f.ns.Keys() {
			if s, ok := runtime.AsExact[*runtime.StrObj](k); ok {
				scope = append(scope, s.S)
			}
		}
	}
	scope = append(scope, "\x00")
	scope = append(scope, f.globals().Names()...)
	scope = append(scope, "\x00")
	scope = append(scope, builtinOrder(f.fn.mod.builtins)...)
	e.Scope = scope
	return e
}

// asFloat converts an inline float or int (|i| < 2**53 is exact).
func asFloat(v runtime.Value) float64 {
	if v.IsFloat() {
		return v.FloatVal()
	}
	return float64(v.SmallInt())
}

func cmpInts(op runtime.CmpOp, x, y int64) bool {
	switch op {
	case runtime.CmpLT:
		return x < y
	case runtime.CmpLE:
		return x <= y
	case runtime.CmpEQ:
		return x == y
	case runtime.CmpNE:
		return x != y
	case runtime.CmpGT:
		return x > y
	}
	return x >= y
}

// unboundLocal is the error for reading local slot i before assignment.
func unboundLocal(f *frame, i int) error {
	return runtime.Errorf(runtime.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", f.code.Locals[i])
}

// binaryOp is BINARY_OP with inline fast paths for small ints and floats.
func binaryOp(th *runtime.Thread, op runtime.Op, a, b runtime.Value) (runtime.Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		switch op {
		case runtime.OpAdd:
			if s := x + y; (s > x) == (y > 0) {
				return runtime.Int(s), nil
			}
		case runtime.OpSub:
			if s := x - y; (s < x) == (y > 0) {
				return runtime.Int(s), nil
			}
		case runtime.OpMul:
			if x > -1<<31 && x < 1<<31 && y > -1<<31 && y < 1<<31 {
				return runtime.Int(x * y), nil
			}
		case runtime.OpMod:
			if y > 0 && x >= 0 {
				return runtime.Int(x % y), nil
			}
		case runtime.OpAnd:
			return runtime.Int(x & y), nil
		case runtime.OpOr:
			return runtime.Int(x | y), nil
		case runtime.OpXor:
			return runtime.Int(x ^ y), nil
		case runtime.OpFloorDiv:
			if y > 0 && x >= 0 {
				return runtime.Int(x / y), nil
			}
		case runtime.OpTrueDiv:
			// Exact operands below 2**53 make float division correctly
			// rounded, as CPython's int/int is.
			if y != 0 && x > -1<<53 && x < 1<<53 && y > -1<<53 && y < 1<<53 {
				return runtime.Float(float64(x) / float64(y)), nil
			}
		}
	} else if a.IsFloat() && (b.IsFloat() || b.IsSmallInt()) || a.IsSmallInt() && b.IsFloat() {
		x, y := asFloat(a), asFloat(b)
		switch op {
		case runtime.OpAdd:
			return runtime.Float(x + y), nil
		case runtime.OpSub:
			return runtime.Float(x - y), nil
		case runtime.OpMul:
			return runtime.Float(x * y), nil
		case runtime.OpTrueDiv:
			if y != 0 {
				return runtime.Float(x / y), nil
			}
		}
	}
	return runtime.Binary(th, op, a, b)
}
