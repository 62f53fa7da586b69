package runtime

// This file defines the Python side of the call-graph backport
// (callgraph.go): asyncio.capture_call_graph, format_call_graph,
// print_call_graph, the FutureCallGraph and FrameCallGraphEntry classes
// with minimal frame and code objects behind them, and
// future_add_to_awaited_by / future_discard_from_awaited_by.

import "strings"

// The classes of the objects capture_call_graph returns. Their instances
// are read-only records, as 3.14's frozen dataclasses are.
var (
	FutureCallGraphType     = NewType("FutureCallGraph", ObjectType)
	FrameCallGraphEntryType = NewType("FrameCallGraphEntry", ObjectType)
	graphFrameType          = NewType("frame", ObjectType)
	graphCodeType           = NewType("code", ObjectType)
)

func init() {
	FutureCallGraphType.Module = "asyncio.graph"
	FrameCallGraphEntryType.Module = "asyncio.graph"
}

// callGraphNames returns the asyncio names this backport adds.
func callGraphNames() map[string]Value {
	return map[string]Value{
		"capture_call_graph":             NewBuiltin("capture_call_graph", builtinCaptureCallGraph),
		"format_call_graph":              NewBuiltin("format_call_graph", builtinFormatCallGraph),
		"print_call_graph":               NewBuiltin("print_call_graph", builtinPrintCallGraph),
		"FutureCallGraph":                Obj(FutureCallGraphType),
		"FrameCallGraphEntry":            Obj(FrameCallGraphEntryType),
		"future_add_to_awaited_by":       NewBuiltin("future_add_to_awaited_by", builtinAddAwaitedBy),
		"future_discard_from_awaited_by": NewBuiltin("future_discard_from_awaited_by", builtinDiscardAwaitedBy),
	}
}

// graphArgs resolves the common arguments of the three functions: the
// future (the current task when None) and depth and limit. g is nil when
// there is no current task.
func graphArgs(th *Thread, name string, args []Value, kw []Kwarg, extra ...any) (*CallGraph, error) {
	var fut, limitV Value
	depth := 1
	pairs := []any{"future?", &fut, "$depth?", &depth, "$limit?", &limitV}
	pairs = append(pairs, extra...)
	if err := UnpackArgs(name, args, kw, pairs...); err != nil {
		return nil, err
	}
	var limit *int
	if limitV.IsValid() && !limitV.IsNone() {
		n, err := ToInt(th, limitV)
		if err != nil {
			return nil, err
		}
		if !n.IsSmallInt() {
			return nil, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
		}
		v := int(n.SmallInt())
		limit = &v
	}
	var f *Future
	if !fut.IsValid() || fut.IsNone() {
		l := th.Loop
		if l == nil || !l.running {
			return nil, Errorf(RuntimeError, "capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided")
		}
		if l.current == nil {
			return nil, nil
		}
		f = &l.current.Future
	} else if f = futureOf(fut); f == nil {
		s, err := Repr(th, fut)
		if err != nil {
			return nil, err
		}
		return nil, Errorf(TypeError, "%s object does not appear to be compatible with asyncio.Future", s)
	}
	return CaptureCallGraph(th, f, depth-1, limit), nil
}

// capture_call_graph(future=None, /, *, depth=1, limit=None)
func builtinCaptureCallGraph(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	g, err := graphArgs(th, "capture_call_graph", args, kw)
	if err != nil || g == nil {
		if err == nil {
			return None, nil
		}
		return Value{}, err
	}
	return graphValue(g), nil
}

// format_call_graph(future=None, /, *, depth=1, limit=None)
func builtinFormatCallGraph(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	g, err := graphArgs(th, "format_call_graph", args, kw)
	if err != nil {
		return Value{}, err
	}
	if g == nil {
		return Str(""), nil
	}
	return Str(strings.TrimSuffix(FormatCallGraph(th, g), "\n")), nil
}

// print_call_graph(future=None, /, *, file=None, depth=1, limit=None)
func builtinPrintCallGraph(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var file Value
	g, err := graphArgs(th, "print_call_graph", args, kw, "$file?", &file)
	if err != nil {
		return Value{}, err
	}
	s := "\n"
	if g != nil {
		s = FormatCallGraph(th, g)
	}
	sink, ok := printSinkFor(th, file)
	if !ok {
		return None, nil
	}
	return None, sink.write(th, s)
}

// graphValue converts a call graph to FutureCallGraph instances.
func graphValue(g *CallGraph) Value {
	stack := make([]Value, len(g.Stack))
	for i, f := range g.Stack {
		code := &Instance{Class: graphCodeType}
		code.Dict.Set("co_filename", Str(f.File))
		code.Dict.Set("co_name", Str(f.Func[strings.LastIndexByte(f.Func, '.')+1:]))
		code.Dict.Set("co_qualname", Str(f.Func))
		frame := &Instance{Class: graphFrameType}
		frame.Dict.Set("f_code", Obj(code))
		frame.Dict.Set("f_lineno", Int(int64(f.Line)))
		entry := &Instance{Class: FrameCallGraphEntryType}
		entry.Dict.Set("frame", Obj(frame))
		stack[i] = Obj(entry)
	}
	by := make([]Value, len(g.AwaitedBy))
	for i, w := range g.AwaitedBy {
		by[i] = graphValue(w)
	}
	out := &Instance{Class: FutureCallGraphType}
	if t := g.Future.task; t != nil {
		out.Dict.Set("future", Obj(t))
	} else {
		out.Dict.Set("future", Obj(g.Future))
	}
	out.Dict.Set("call_stack", TupleOf(stack...))
	out.Dict.Set("awaited_by", TupleOf(by...))
	return Obj(out)
}

// awaitedByArgs resolves the two futures of future_add_to_awaited_by and
// future_discard_from_awaited_by.
func awaitedByArgs(name string, args []Value, kw []Kwarg) (*Future, *Future, error) {
	var a, b Value
	if err := UnpackArgs(name, args, kw, "fut", &a, "waiter", &b); err != nil {
		return nil, nil, err
	}
	fut, waiter := futureOf(a), futureOf(b)
	if fut == nil || waiter == nil {
		return nil, nil, nil // as 3.14: only futures are tracked
	}
	return fut, waiter, nil
}

// future_add_to_awaited_by(fut, waiter) records that waiter awaits fut.
func builtinAddAwaitedBy(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	fut, waiter, err := awaitedByArgs("future_add_to_awaited_by", args, kw)
	if err != nil || fut == nil || fut.loop == nil {
		return None, err
	}
	fut.loop.addAwaitedBy(fut, waiter)
	return None, nil
}

// addAwaitedBy records that waiter awaits fut (for the call graph).
func (l *Loop) addAwaitedBy(fut, waiter *Future) {
	if l.awaitedBy == nil {
		l.awaitedBy = map[*Future][]*Future{}
	}
	if !containsFuture(l.awaitedBy[fut], waiter) {
		l.awaitedBy[fut] = append(l.awaitedBy[fut], waiter)
	}
}

// future_discard_from_awaited_by(fut, waiter) undoes
// future_add_to_awaited_by.
func builtinDiscardAwaitedBy(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	fut, waiter, err := awaitedByArgs("future_discard_from_awaited_by", args, kw)
	if err != nil || fut == nil || fut.loop == nil {
		return None, err
	}
	fut.loop.discardAwaitedBy(fut, waiter)
	return None, nil
}

// discardAwaitedBy undoes addAwaitedBy.
func (l *Loop) discardAwaitedBy(fut, waiter *Future) {
	ws := l.awaitedBy[fut]
	for i, w := range ws {
		if w == waiter {
			ws = append(ws[:i], ws[i+1:]...)
			break
		}
	}
	if len(ws) == 0 {
		delete(l.awaitedBy, fut)
	} else {
		l.awaitedBy[fut] = ws
	}
}
