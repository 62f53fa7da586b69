package interp

// This file exposes the interpreter's traceback formatting to the
// traceback module (lib/traceback reaches it through th.Host, as lib
// packages cannot import interp), and gives sys the functions that read
// the exception being handled: exc_info() and exception().

import (
	"github.com/aio-lang/aio/internal/compile"
	"strconv"
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// FormatTraceEntries renders the entries of a traceback (stored newest
// first) oldest first, one string per entry: the "File ..." line, the
// source line and its carets, as CPython's traceback.format_tb does.
func (in *Interp) FormatTraceEntries(tb []runtime.TraceEntry) []string {
	out := make([]string, 0, len(tb))
	for j := len(tb) - 1; j >= 0; j-- {
		if tb[j].Filename == warningsFilename {
			continue
		}
		var b strings.Builder
		in.formatEntry(&b, tb[j])
		out = append(out, b.String())
	}
	return out
}

// SourceLine returns line (1-based) of a file the interpreter has run,
// without its indentation, or "" when it does not know it.
func (in *Interp) SourceLine(filename string, line int) string {
	lines := in.sources[filename]
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// installExcInfo adds exc_info() and exception() to the sys module, which
// read the exception handled by the calling frame or one of its callers,
// and _getframe().
func (in *Interp) installExcInfo(m *runtime.Module) {
	current := func(name string, f *frame, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Exception, error) {
		if err := runtime.UnpackArgs(name, args, kw); err != nil {
			return nil, err
		}
		return f.currentException(), nil
	}
	m.Set("exc_info", runtime.Obj(&frameBuiltin{name: "exc_info", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		exc, err := current("exc_info", f, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		if exc == nil {
			return runtime.TupleOf(runtime.None, runtime.None, runtime.None), nil
		}
		return runtime.TupleOf(runtime.Obj(exc.Class), runtime.Obj(exc), exc.TracebackValue()), nil
	}}))
	m.Set("_getframe", runtime.Obj(&frameBuiltin{name: "_getframe", fn: getFrame}))
	m.Set("exception", runtime.Obj(&frameBuiltin{name: "exception", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		exc, err := current("exception", f, args, kw)
		if err != nil || exc == nil {
			return runtime.None, err
		}
		return runtime.Obj(exc), nil
	}}))
}

// frameInfo is what sys._getframe records of one frame: the frames
// themselves are reused once they return, so the stack is copied when
// the script asks for it.
type frameInfo struct {
	filename, name string
	line           int
	code           *compile.Code
	globals        *runtime.Module
}

// frameCopy is a frame object of sys._getframe: frame i of a copied
// stack (0 the innermost).
type frameCopy struct {
	stack []frameInfo
	i     int
}

// Type returns the frame type (that of generators' gi_frame too).
func (*frameCopy) Type() *runtime.Type { return frameViewType }

// Attr returns f_lineno, f_back, f_code and f_globals.
func (s *frameCopy) Attr(name string) (runtime.Value, bool) {
	fi := s.stack[s.i]
	switch name {
	case "f_lineno":
		return runtime.Int(int64(fi.line)), true
	case "f_back":
		if s.i+1 >= len(s.stack) {
			return runtime.None, true
		}
		return runtime.Obj(&frameCopy{stack: s.stack, i: s.i + 1}), true
	case "f_code":
		return runtime.Obj(&codeObject{code: fi.code}), true
	case "f_globals":
		d := runtime.NewDict()
		if fi.globals != nil {
			for _, n := range fi.globals.Names() {
				if v, ok := fi.globals.Get(n); ok && v.IsValid() {
					_ = d.SetItem(nil, runtime.Str(n), v)
				}
			}
		}
		return runtime.Obj(d), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: these frames are read-only.
func (s *frameCopy) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (s *frameCopy) DelAttrValue(name string) bool { return false }

// Repr is CPython's shape without the address.
func (s *frameCopy) Repr(th *runtime.Thread) (string, error) {
	fi := s.stack[s.i]
	return "<frame, file '" + fi.filename + "', line " + strconv.Itoa(fi.line) + ", code " + fi.name + ">", nil
}

// Footprint is the size of the frame object and its copied stack.
func (s *frameCopy) Footprint() int64 {
	return int64(unsafe.Sizeof(*s)) + int64(len(s.stack))*int64(unsafe.Sizeof(frameInfo{}))
}

// Referents visits the modules of the copied frames.
func (s *frameCopy) Referents(w *runtime.MemWalker) {
	for _, fi := range s.stack {
		w.Any(fi.globals)
	}
}

// getFrame is sys._getframe(depth=0): the calling frame, or the one depth
// calls further out.
func getFrame(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	depth := 0
	if err := runtime.UnpackArgs("_getframe", args, kw, "depth?", &depth); err != nil {
		return runtime.Value{}, err
	}
	var stack []frameInfo
	for fr := f; fr != nil; fr = fr.back {
		if err := th.Work(1); err != nil {
			return runtime.Value{}, err
		}
		e := fr.traceEntry()
		stack = append(stack, frameInfo{filename: e.Filename, name: e.Func, line: e.Line, code: fr.code, globals: fr.globals()})
	}
	if depth < 0 || depth >= len(stack) {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "call stack is not deep enough")
	}
	return runtime.Obj(&frameCopy{stack: stack, i: depth}), nil
}
