package interp

// This file gives the runtime what it needs of script functions and
// frames for asyncio's diagnostics: where a callback is defined, and the
// stack that created a coroutine (debug mode).

import (
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// FuncWhere returns the function's qualified name, file and first line
// (runtime.FuncLocation: callbacks in the loop's logs).
func (fn *function) FuncWhere() (string, string, int) {
	return fn.qualname, fn.code.Filename, fn.code.FirstLine
}

// formatStack renders the frames from f outwards, outermost first, as a
// traceback's entries (for "Coroutine created at").
func (in *Interp) formatStack(f *frame) string {
	var frames []*frame
	// Bounded: a stale caller (see Interp.caller) must not loop.
	for ; f != nil && len(frames) < runtime.MaxRecursionLimit; f = f.back {
		frames = append(frames, f)
	}
	var b strings.Builder
	for i := len(frames) - 1; i >= 0; i-- {
		e := frames[i].traceEntry()
		b.WriteString("  File \"" + e.Filename + "\", line " + strconv.Itoa(e.Line) + ", in " + e.Func + "\n")
		if lines := in.sources[e.Filename]; e.Line >= 1 && e.Line <= len(lines) {
			if s := strings.TrimSpace(lines[e.Line-1]); s != "" {
				b.WriteString("    " + s + "\n")
			}
		}
	}
	return b.String()
}
