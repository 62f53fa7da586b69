package interp

// This file exposes the interpreter's traceback formatting to the
// traceback module (lib/traceback reaches it through th.Host, as lib
// packages cannot import interp), and gives sys the functions that read
// the exception being handled: exc_info() and exception().

import (
	"strings"

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

// installExcInfo adds exc_info() and exception() to the sys module: they
// read the exception handled by the calling frame or one of its callers.
func (in *Interp) installExcInfo(m *runtime.Module) {
	current := func(name string, f *Frame, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Exception, error) {
		if err := runtime.UnpackArgs(name, args, kw); err != nil {
			return nil, err
		}
		return f.currentException(), nil
	}
	m.Set("exc_info", runtime.Obj(&frameBuiltin{name: "exc_info", fn: func(th *runtime.Thread, f *Frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		exc, err := current("exc_info", f, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		if exc == nil {
			return runtime.TupleOf(runtime.None, runtime.None, runtime.None), nil
		}
		return runtime.TupleOf(runtime.Obj(exc.Class), runtime.Obj(exc), exc.TracebackValue()), nil
	}}))
	m.Set("exception", runtime.Obj(&frameBuiltin{name: "exception", fn: func(th *runtime.Thread, f *Frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		exc, err := current("exception", f, args, kw)
		if err != nil || exc == nil {
			return runtime.None, err
		}
		return runtime.Obj(exc), nil
	}}))
}
