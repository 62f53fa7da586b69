// Package traceback is Python's traceback module. The formatting itself
// is the interpreter's (the same code prints uncaught exceptions),
// reached through the Thread's host; traceback.aio builds the module's
// API on the helpers defined here.
package traceback

// This file defines the Go helpers and registers the module.

import (
	_ "embed"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

//go:embed traceback.aio
var source []byte

func init() {
	runtime.RegisterStdModule("traceback", load)
	runtime.RegisterStdSource("traceback", source)
}

// formatter is what the interpreter (th.Host) offers for formatting.
type formatter interface {
	FormatException(exc *runtime.Exception) string
	ExceptionLine(exc *runtime.Exception) string
	FormatTraceEntries(tb []runtime.TraceEntry) []string
	SourceLine(filename string, line int) string
}

// host returns the interpreter's formatter.
func host(th *runtime.Thread) (formatter, error) {
	f, ok := th.Host.(formatter)
	if !ok {
		return nil, runtime.Errorf(runtime.RuntimeError, "traceback formatting is not available")
	}
	return f, nil
}

// exceptionOf accepts an exception or a traceback object (which stands
// for its exception's entries).
func exceptionOf(v runtime.Value) (*runtime.Exception, bool) {
	switch o := v.Object().(type) {
	case *runtime.Exception:
		return o, true
	case *runtime.Traceback:
		return o.Exc, true
	}
	return nil, false
}

// helper defines a module function of one exception argument.
func helper(name string, fn func(th *runtime.Thread, f formatter, exc *runtime.Exception) (runtime.Value, error)) runtime.Value {
	return runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "exc", &v); err != nil {
			return runtime.Value{}, err
		}
		exc, ok := exceptionOf(v)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() argument must be an exception or a traceback, not %s", name, v.Type().Name)
		}
		f, err := host(th)
		if err != nil {
			return runtime.Value{}, err
		}
		return fn(th, f, exc)
	})
}

// lines splits formatted text into lines that keep their newlines; the
// sentence linking two chained reports stays one item with its blank
// lines, as CPython's format_exception yields it.
func lines(s string) runtime.Value {
	parts := strings.SplitAfter(s, "\n")
	out := make([]runtime.Value, 0, len(parts))
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p == "" {
			continue
		}
		if p == "\n" && i+2 < len(parts) && parts[i+2] == "\n" &&
			(strings.HasPrefix(parts[i+1], "The above exception") || strings.HasPrefix(parts[i+1], "During handling")) {
			p = "\n" + parts[i+1] + "\n"
			i += 2
		}
		out = append(out, runtime.Str(p))
	}
	return runtime.NewList(out)
}

// load builds the Go part: _format_chain (the whole report, as lines),
// _format_last (the "Type: message" line and notes), _format_entries
// (one string per frame) and _extract (filename, line, function, source
// line per frame).
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("traceback")
	m.Set("_format_chain", helper("_format_chain", func(th *runtime.Thread, f formatter, exc *runtime.Exception) (runtime.Value, error) {
		return lines(f.FormatException(exc)), nil
	}))
	m.Set("_format_last", helper("_format_last", func(th *runtime.Thread, f formatter, exc *runtime.Exception) (runtime.Value, error) {
		return lines(f.ExceptionLine(exc) + "\n" + runtime.FormatNotes(th, exc, "")), nil
	}))
	m.Set("_format_entries", helper("_format_entries", func(th *runtime.Thread, f formatter, exc *runtime.Exception) (runtime.Value, error) {
		entries := f.FormatTraceEntries(exc.Traceback)
		out := make([]runtime.Value, len(entries))
		for i, e := range entries {
			out[i] = runtime.Str(e)
		}
		return runtime.NewList(out), nil
	}))
	m.Set("_extract", helper("_extract", func(th *runtime.Thread, f formatter, exc *runtime.Exception) (runtime.Value, error) {
		tb := exc.Traceback
		out := make([]runtime.Value, 0, len(tb))
		for j := len(tb) - 1; j >= 0; j-- {
			e := tb[j]
			if e.Filename == "<warnings>" {
				continue
			}
			out = append(out, runtime.TupleOf(runtime.Str(e.Filename), runtime.Int(int64(e.Line)), runtime.Str(e.Func), runtime.Str(f.SourceLine(e.Filename, e.Line))))
		}
		return runtime.NewList(out), nil
	}))
	return m
}
