package interp

// This file gives scripts a read-only view of compiled code: the
// __code__ of functions and the f_code of frames, with the co_* fields
// that inspect.signature and logging read, and a function's
// __kwdefaults__.

import (
	"sort"
	"strconv"
	"unsafe"

	"github.com/aio-lang/aio/internal/compile"

	"github.com/aio-lang/aio/runtime"
)

// codeObjectType is the class of code objects.
var codeObjectType = func() *runtime.Type {
	t := runtime.NewType("code", runtime.ObjectType)
	t.Final = true
	return t
}()

// codeObject is a script's view of a Code: a function's __code__, or what
// compile() returns.
type codeObject struct {
	code *compile.Code
	mode string // compile()'s mode: "exec", "eval" or "single"
	// expr is set for mode "single" when the source is one expression,
	// whose value the interactive mode prints.
	expr bool
}

// Type returns the code type.
func (*codeObject) Type() *runtime.Type { return codeObjectType }

// CPython's values of the co_flags bits that scripts test.
const (
	coVarargs        = 0x04
	coVarkeywords    = 0x08
	coGenerator      = 0x20
	coCoroutine      = 0x80
	coAsyncGenerator = 0x200
)

// flags is co_flags with CPython's bit values.
func (c *codeObject) flags() int64 {
	var f int64 = 0x03 // CO_OPTIMIZED | CO_NEWLOCALS, as CPython sets for functions
	if c.code.Flags&compile.FlagVarargs != 0 {
		f |= coVarargs
	}
	if c.code.Flags&compile.FlagVarkw != 0 {
		f |= coVarkeywords
	}
	gen, coro := c.code.Flags&compile.FlagGenerator != 0, c.code.Flags&compile.FlagCoroutine != 0
	switch {
	case gen && coro:
		f |= coAsyncGenerator
	case gen:
		f |= coGenerator
	case coro:
		f |= coCoroutine
	}
	return f
}

// Attr returns the co_* fields.
func (c *codeObject) Attr(name string) (runtime.Value, bool) {
	code := c.code
	switch name {
	case "co_name":
		return runtime.Str(code.Name), true
	case "co_qualname":
		return runtime.Str(code.QualName), true
	case "co_filename":
		return runtime.Str(code.Filename), true
	case "co_firstlineno":
		return runtime.Int(int64(code.FirstLine)), true
	case "co_argcount":
		return runtime.Int(int64(code.ArgCount)), true
	case "co_posonlyargcount":
		return runtime.Int(int64(code.PosOnlyCount)), true
	case "co_kwonlyargcount":
		return runtime.Int(int64(code.KwOnlyCount)), true
	case "co_nlocals":
		return runtime.Int(int64(len(code.Locals))), true
	case "co_flags":
		return runtime.Int(c.flags()), true
	case "co_varnames":
		names := make([]runtime.Value, len(code.Locals))
		for i, n := range code.Locals {
			names[i] = runtime.Str(n)
		}
		return runtime.TupleOf(names...), true
	case "co_names":
		items := make([]runtime.Value, len(code.Names))
		for i, n := range code.Names {
			items[i] = runtime.Str(n)
		}
		return runtime.TupleOf(items...), true
	case "co_cellvars", "co_freevars":
		src := code.CellNames
		if name == "co_freevars" {
			src = code.FreeNames
		}
		names := make([]runtime.Value, len(src))
		for i, n := range src {
			names[i] = runtime.Str(n)
		}
		return runtime.TupleOf(names...), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: code objects are read-only.
func (c *codeObject) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (c *codeObject) DelAttrValue(name string) bool { return false }

// Repr is CPython's "<code object f at 0x..., file "f.py", line 1>".
func (c *codeObject) Repr(th *runtime.Thread) (string, error) {
	return "<code object " + c.code.Name + " at 0x" + strconv.FormatUint(runtime.ID(runtime.Obj(c)), 16) +
		", file \"" + c.code.Filename + "\", line " + strconv.Itoa(max(c.code.FirstLine, 1)) + ">", nil
}

// Footprint is the size of the view (the Code belongs to its function).
func (c *codeObject) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents visits nothing the walker counts: code is not script data.
func (c *codeObject) Referents(w *runtime.MemWalker) {}

// codeAttr returns __code__, __kwdefaults__ and __dict__ of fn. The
// attributes live in a Go map, so __dict__ is a copy: reading it works,
// writing to it does not reach the function (set attributes instead).
func (fn *function) codeAttr(name string) (runtime.Value, bool) {
	switch name {
	case "__code__":
		return runtime.Obj(&codeObject{code: fn.code}), true
	case "__kwdefaults__":
		if len(fn.kwdefaults) == 0 {
			return runtime.None, true
		}
		d := runtime.NewDict()
		// Keyword-only parameters in their declared order.
		for _, n := range fn.code.Locals[fn.code.ArgCount : fn.code.ArgCount+fn.code.KwOnlyCount] {
			if v, ok := fn.kwdefaults[n]; ok {
				_ = d.SetItem(nil, runtime.Str(n), v)
			}
		}
		return runtime.Obj(d), true
	case "__dict__":
		d := runtime.NewDict()
		names := make([]string, 0, len(fn.dict))
		for n := range fn.dict {
			// __doc__ and __annotations__ are kept in the map too, but
			// they are not part of a function's __dict__.
			if n != "__doc__" && n != "__annotations__" {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			_ = d.SetItem(nil, runtime.Str(n), fn.dict[n])
		}
		return runtime.Obj(d), true
	}
	return runtime.Value{}, false
}
