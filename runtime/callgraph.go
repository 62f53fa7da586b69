package runtime

// This file is a backport of Python 3.14's asyncio call-graph
// introspection (asyncio.capture_call_graph, format_call_graph,
// print_call_graph, FrameCallGraphEntry, FutureCallGraph): for a future or
// task, the stack of coroutine frames it is suspended in and, recursively,
// the tasks that await it. The event loop's deadlock report and the CLI's
// SIGQUIT dump print the same graph.

import (
	"fmt"
	"strings"
)

// StackFrame is one frame of a call graph's call stack.
type StackFrame struct {
	File  string
	Line  int
	Func  string // the code's qualified name
	Async bool   // the frame is a coroutine's
}

// CallStacker is implemented by coroutines that can list the frames their
// chain is suspended in (interp's coroutines).
type CallStacker interface {
	// CallStack returns the frames, the innermost first.
	CallStack() []StackFrame
}

// LiveStacker is implemented by the host of a Thread (th.Host) that can
// list the frames of the task running now, from the innermost frame out
// to the task's coroutine, the innermost first.
type LiveStacker interface {
	LiveStack(t *Task) []StackFrame
}

// CallGraph is the call graph of a future (asyncio.FutureCallGraph): the
// frames of its task's coroutine and the graphs of what awaits it.
type CallGraph struct {
	Future    *Future
	Stack     []StackFrame
	AwaitedBy []*CallGraph
}

// CaptureCallGraph builds the call graph of fut. skip frames are dropped
// from the top of the running task's stack (capture_call_graph's depth
// minus one); limit, when not nil, truncates every stack as 3.14 does.
func CaptureCallGraph(th *Thread, fut *Future, skip int, limit *int) *CallGraph {
	return captureGraph(th, fut, skip, limit, map[*Future]bool{})
}

func captureGraph(th *Thread, fut *Future, skip int, limit *int, seen map[*Future]bool) *CallGraph {
	seen[fut] = true
	g := &CallGraph{Future: fut}
	if t := fut.task; t != nil && (limit == nil || *limit != 0) {
		g.Stack = taskStack(th, t)
		if fut.loop != nil && fut.loop.current == t && skip > 0 {
			g.Stack = g.Stack[min(skip, len(g.Stack)):]
		}
		if limit != nil {
			n := *limit
			switch {
			case n > 0 && n < len(g.Stack):
				g.Stack = g.Stack[len(g.Stack)-n:]
			case n < 0 && -n < len(g.Stack):
				g.Stack = g.Stack[:-n]
			}
		}
	}
	for _, w := range awaitersOf(fut) {
		if !seen[w] {
			g.AwaitedBy = append(g.AwaitedBy, captureGraph(th, w, 0, limit, seen))
		}
	}
	return g
}

// taskStack lists the frames task t's coroutine is in, the innermost
// first.
func taskStack(th *Thread, t *Task) []StackFrame {
	if t.loop != nil && t.loop.current == t {
		if ls, ok := th.Host.(LiveStacker); ok {
			return ls.LiveStack(t)
		}
	}
	if cs, ok := t.coro.(CallStacker); ok {
		return cs.CallStack()
	}
	return nil
}

// awaitersOf returns the tasks that wait on fut: those suspended on it,
// those suspended on a gather() of it, and those that registered with
// future_add_to_awaited_by (a TaskGroup's parent task).
func awaitersOf(fut *Future) []*Future {
	l := fut.loop
	if l == nil {
		return nil
	}
	var out []*Future
	for _, t := range l.tasks {
		w := t.awaitedFuture()
		if t.Done() || w == nil {
			continue
		}
		if w == fut || gathers(w, fut) {
			out = append(out, &t.Future)
		}
	}
	for _, w := range l.awaitedBy[fut] {
		if !w.Done() && !containsFuture(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// gathers reports whether outer is a gather() future among whose
// children is fut.
func gathers(outer, fut *Future) bool {
	if outer.extra == nil {
		return false
	}
	if g := outer.extra.gather; g != nil {
		for _, c := range g.children {
			if c == fut {
				return true
			}
		}
		return false
	}
	if outer.extra.dict == nil {
		return false
	}
	children, ok := outer.extra.dict["_children"]
	if !ok {
		return false
	}
	l, ok := children.obj.(*List)
	if !ok {
		return false
	}
	for _, c := range l.Items {
		if futureOf(c) == fut {
			return true
		}
	}
	return false
}

func containsFuture(fs []*Future, f *Future) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// futureOf returns the Future of a future or task value, or nil.
func futureOf(v Value) *Future {
	switch o := v.obj.(type) {
	case *Future:
		return o
	case *Task:
		return &o.Future
	}
	return nil
}

// FormatCallGraph renders g as 3.14's format_call_graph does: a line per
// future, its call stack (innermost frame first) and, indented one level
// deeper, the graphs of what awaits it.
func FormatCallGraph(th *Thread, g *CallGraph) string {
	var b strings.Builder
	formatGraph(th, &b, g, 0)
	return b.String()
}

func formatGraph(th *Thread, b *strings.Builder, g *CallGraph, level int) {
	indent := strings.Repeat("    ", level)
	if t := g.Future.task; t != nil {
		name, _ := Repr(th, t.Name())
		fmt.Fprintf(b, "%s* Task(name=%s, id=%s)\n", indent, name, objectID(Obj(t)))
	} else {
		fmt.Fprintf(b, "%s* Future(id=%s)\n", indent, objectID(Obj(g.Future)))
	}
	if len(g.Stack) > 0 {
		b.WriteString(indent + "  + Call stack:\n")
		for _, f := range g.Stack {
			tag := ""
			if f.Async {
				tag = "async "
			}
			file, _ := Repr(th, Str(f.File))
			fmt.Fprintf(b, "%s  |   File %s, line %d, in %s%s()\n", indent, file, f.Line, tag, f.Func)
		}
	}
	if len(g.AwaitedBy) > 0 {
		b.WriteString(indent + "  + Awaited by:\n")
		for _, w := range g.AwaitedBy {
			formatGraph(th, b, w, level+1)
		}
	}
}

// objectID is id(v) in hexadecimal, as %#x prints it.
func objectID(v Value) string { return fmt.Sprintf("%#x", ID(v)) }
