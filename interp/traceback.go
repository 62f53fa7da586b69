package interp

// This file formats uncaught exceptions as CPython 3.11 does: the chain
// of causes and contexts, one entry per frame with its source line and
// carets, and the final "Type: message" line with a "Did you mean"
// suggestion for NameError and AttributeError.

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// FormatException renders exc and the exceptions chained to it, oldest
// first, as CPython 3.11's default excepthook does; the members of an
// exception group are drawn in "+-+---- i ----" boxes, every line inside
// a group indented and prefixed with "| ".
func (in *Interp) FormatException(exc *runtime.Exception) string {
	p := &excPrinter{in: in, seen: map[*runtime.Exception]bool{}}
	p.printChain(exc)
	return p.b.String()
}

// The limits of CPython's printer (max_group_width, max_group_depth).
const (
	excGroupMaxWidth = 15
	excGroupMaxDepth = 10
)

// excPrinter is the state of one FormatException: the text so far, the
// exceptions already printed (a chain may loop), and where it is in the
// boxes of nested groups.
type excPrinter struct {
	in        *Interp
	b         strings.Builder
	seen      map[*runtime.Exception]bool
	depth     int  // nesting of group boxes
	needClose bool // the innermost box still needs its bottom line
}

// margin is what starts every line at the current group depth.
func (p *excPrinter) margin() string {
	if p.depth == 0 {
		return ""
	}
	return strings.Repeat("  ", p.depth) + "| "
}

// printChain prints exc after the exceptions it was raised from or
// during. It follows the chain in a loop, as a chain may be arbitrarily
// long; only group members recurse, as deep as groups nest.
func (p *excPrinter) printChain(exc *runtime.Exception) {
	// chain[i+1] is the cause or context of chain[i]; links[i] is the
	// sentence printed between chain[i+1]'s report and chain[i]'s.
	chain := []*runtime.Exception{exc}
	var links []string
	p.seen[exc] = true
	for e := exc; ; {
		var next *runtime.Exception
		var link string
		switch {
		case e.Cause != nil:
			// An explicit cause hides the context even when it was
			// printed already.
			if !p.seen[e.Cause] {
				next, link = e.Cause, "The above exception was the direct cause of the following exception:\n"
			}
		case e.Context != nil && !e.SuppressContext && !p.seen[e.Context]:
			next, link = e.Context, "During handling of the above exception, another exception occurred:\n"
		}
		if next == nil {
			break
		}
		p.seen[next] = true
		chain = append(chain, next)
		links = append(links, link)
		e = next
	}
	// Printing an older exception may leave a box open; the one it led to
	// is printed in the box the chain started in.
	needClose := p.needClose
	for i := len(chain) - 1; i >= 0; i-- {
		e := chain[i]
		if e.Class.IsSubtype(runtime.BaseExceptionGroup) {
			p.printGroup(e)
		} else {
			p.printOne(e)
		}
		if i > 0 {
			p.needClose = needClose
			m := p.margin()
			p.b.WriteString(m + "\n" + m + links[i-1] + m + "\n")
		}
	}
}

// printOne prints e's traceback, then "Type: message" and its notes.
func (p *excPrinter) printOne(e *runtime.Exception) {
	m := p.margin()
	if visibleEntries(e.Traceback) {
		header := m + "Traceback (most recent call last):\n"
		if e.Class.IsSubtype(runtime.BaseExceptionGroup) {
			header = m + "Exception Group Traceback (most recent call last):\n"
			if p.depth == 1 {
				header = "  + Exception Group Traceback (most recent call last):\n"
			}
		}
		p.b.WriteString(header)
		var frames strings.Builder
		p.in.formatEntries(&frames, e.Traceback)
		writePrefixed(&p.b, m, frames.String())
	}
	if where, _, ok := runtime.SyntaxErrorReport(e); ok {
		writePrefixed(&p.b, m, where) // compile() and eval() of bad text
	}
	p.b.WriteString(m + p.in.ExceptionLine(e) + "\n")
	p.b.WriteString(runtime.FormatNotes(p.in.th, e, m))
}

// writePrefixed writes text with every line prefixed by prefix.
func writePrefixed(b *strings.Builder, prefix, text string) {
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line = text[:i+1]
		}
		b.WriteString(prefix + line)
		text = text[len(line):]
	}
}

// printGroup prints a group and then its members, each in its box.
func (p *excPrinter) printGroup(e *runtime.Exception) {
	if p.depth > excGroupMaxDepth {
		p.b.WriteString(p.margin() + "... (max_group_depth is " + strconv.Itoa(excGroupMaxDepth) + ")\n")
		return
	}
	top := p.depth == 0
	if top {
		p.depth++
	}
	p.printOne(e)
	excs := runtime.GroupMembers(e)
	n := min(len(excs), excGroupMaxWidth+1)
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			// A member's own last box may draw the closing line instead.
			p.needClose = true
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		title := strconv.Itoa(i + 1)
		if i >= excGroupMaxWidth {
			title = "..."
		}
		p.b.WriteString(strings.Repeat("  ", p.depth) + lead + "+---------------- " + title + " ----------------\n")
		p.depth++
		if i < excGroupMaxWidth {
			if sub, ok := runtime.As[*runtime.Exception](excs[i]); ok {
				p.printChain(sub)
			}
		} else {
			more := len(excs) - excGroupMaxWidth
			p.b.WriteString(p.margin() + "and " + strconv.Itoa(more) + " more exception" + plural(more) + "\n")
		}
		if last && p.needClose {
			p.b.WriteString(strings.Repeat("  ", p.depth) + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth--
	}
}

// repeatCutoff is how many identical consecutive entries a traceback
// shows before it collapses the rest into one "repeated" line, as
// CPython does so that unbounded recursion prints a few lines.
const repeatCutoff = 3

// formatEntries writes tb's entries, oldest first (tb is stored newest
// first), but those of the warnings module's functions. A run of entries with the same file, line and function shows
// its first repeatCutoff entries and then how many more there were.
func (in *Interp) formatEntries(b *strings.Builder, tb []runtime.TraceEntry) {
	count := 0
	var last runtime.TraceEntry
	flush := func() {
		if n := count - repeatCutoff; n > 0 {
			word := "times"
			if n == 1 {
				word = "time"
			}
			b.WriteString("  [Previous line repeated " + strconv.Itoa(n) + " more " + word + "]\n")
		}
	}
	for j := len(tb) - 1; j >= 0; j-- {
		e := tb[j]
		if e.Filename == warningsFilename {
			// CPython's warnings functions are C code, without frames.
			continue
		}
		if count > 0 && e.Filename == last.Filename && e.Line == last.Line && e.Func == last.Func {
			count++
		} else {
			flush()
			last, count = e, 1
		}
		if count <= repeatCutoff {
			in.formatEntry(b, e)
		}
	}
	flush()
}

// visibleEntries reports whether a traceback has an entry to print.
func visibleEntries(tb []runtime.TraceEntry) bool {
	for _, e := range tb {
		if e.Filename != warningsFilename {
			return true
		}
	}
	return false
}

func (in *Interp) formatEntry(b *strings.Builder, e runtime.TraceEntry) {
	b.WriteString("  File \"" + e.Filename + "\", line " + strconv.Itoa(e.Line) + ", in " + e.Func + "\n")
	lines := in.sources[e.Filename]
	if e.Line < 1 || e.Line > len(lines) {
		return
	}
	src := strings.TrimRight(lines[e.Line-1], " \t\r")
	trimmed := strings.TrimLeft(src, " \t")
	if trimmed == "" {
		return
	}
	b.WriteString("    " + trimmed + "\n")
	// Carets under the failing expression when it is not the whole line,
	// or when it is an operation whose operator they can point at.
	line := []rune(trimmed)
	indent := len([]rune(src)) - len(line)
	start, end := e.Col-indent, e.EndCol-indent
	if e.EndLine != e.Line {
		end = len(line)
	}
	if start < 0 || end <= start || end > len(line) {
		return
	}
	lo, hi, anchored := 0, 0, false
	if e.EndLine == e.Line {
		lo, hi, anchored = caretAnchors(line[start:end])
	}
	if start == 0 && end >= len(line) && !anchored {
		return
	}
	b.WriteString("    " + strings.Repeat(" ", start))
	if anchored {
		b.WriteString(strings.Repeat("~", lo) + strings.Repeat("^", hi-lo) + strings.Repeat("~", end-start-hi))
	} else {
		b.WriteString(strings.Repeat("^", end-start))
	}
	b.WriteString("\n")
}

// ExceptionLine returns the last line of a traceback: "Type: message",
// with CPython 3.11's suggestion for misspelled names.
func (in *Interp) ExceptionLine(exc *runtime.Exception) string {
	msg, err := runtime.ToStr(in.th, runtime.Obj(exc))
	if err != nil {
		msg = "<exception str() failed>"
	}
	if _, m, ok := runtime.SyntaxErrorReport(exc); ok {
		msg = m
	}
	if exc.Name != "" {
		if s := in.suggest(exc); s != "" {
			msg += ". Did you mean: '" + s + "'?"
		}
	}
	name := exc.Class.QualNameForTraceback()
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// suggest computes CPython's "Did you mean" candidate.
func (in *Interp) suggest(exc *runtime.Exception) string {
	if exc.Class.IsSubtype(runtime.AttributeError) && exc.Obj.IsValid() {
		return closestName(exc.Name, dirOf(in.th, exc.Obj))
	}
	if exc.Class.IsSubtype(runtime.NameError) {
		// Locals, then globals, then builtins, each searched separately.
		groups := [][]string{nil}
		for _, s := range exc.Scope {
			if s == "\x00" {
				groups = append(groups, nil)
				continue
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
		}
		for _, g := range groups {
			if s := closestName(exc.Name, g); s != "" {
				return s
			}
		}
	}
	return ""
}

func dirOf(th *runtime.Thread, v runtime.Value) []string {
	seen := map[string]bool{}
	var names []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	if h, ok := runtime.As[*runtime.Instance](v); ok {
		for _, k := range h.Dict.Keys() {
			add(k)
		}
	}
	if m, ok := runtime.As[*runtime.Module](v); ok {
		for _, k := range m.Names() {
			add(k)
		}
	}
	t := v.Type()
	if tt, ok := runtime.As[*runtime.Type](v); ok {
		t = tt
	}
	for _, c := range t.MRO() {
		for _, k := range c.AttrNames() {
			add(k)
		}
	}
	sort.Strings(names)
	return names
}

const (
	suggestMoveCost     = 2
	suggestCaseCost     = 1
	suggestMaxCandidate = 750
	suggestMaxString    = 40
)

// closestName is CPython 3.11's calculate_suggestions (suggestions.c).
func closestName(name string, candidates []string) string {
	if len(candidates) >= suggestMaxCandidate {
		return ""
	}
	best := -1
	bestDist := int(^uint(0) >> 1)
	for i, c := range candidates {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * suggestMoveCost / 6
		if bestDist-1 < maxDist {
			maxDist = bestDist - 1
		}
		d := levenshtein(name, c, maxDist)
		if d > maxDist {
			continue
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return ""
	}
	return candidates[best]
}

func substitutionCost(a, b byte) int {
	if a == b {
		return 0
	}
	lower := func(c byte) byte {
		if c >= 'A' && c <= 'Z' {
			return c + 32
		}
		return c
	}
	if lower(a) == lower(b) {
		return suggestCaseCost
	}
	return suggestMoveCost
}

func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	buf := make([]int, len(a))
	tmp := suggestMoveCost
	for i := range buf {
		buf[i] = tmp
		tmp += suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buf[i]
			insertDelete := result
			if distance < insertDelete {
				insertDelete = distance
			}
			insertDelete += suggestMoveCost
			result = insertDelete
			if substitute < result {
				result = substitute
			}
			buf[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// cpythonBuiltinOrder is the order of CPython's builtins dict, which
// decides ties between equally close suggestions.
var cpythonBuiltinOrder = strings.Fields(`__name__ __doc__ __package__ __loader__ __spec__
__build_class__ __import__ abs all any ascii bin breakpoint callable chr compile delattr dir
divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter
aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None
Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod complex dict
enumerate filter float frozenset property int list map object range reversed set slice
staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception
GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError
BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError
RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError
Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning
EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning
RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError
ConnectionError BrokenPipeError ConnectionAbortedError ConnectionRefusedError
ConnectionResetError FileExistsError FileNotFoundError IsADirectoryError NotADirectoryError
InterruptedError PermissionError ProcessLookupError TimeoutError IndentationError IndexError
KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError
TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup
EnvironmentError IOError open copyright credits license help quit exit`)

// builtinOrder lists the available builtins in CPython's order, then any
// others (aio extensions) sorted.
func builtinOrder(b map[string]runtime.Value) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range cpythonBuiltinOrder {
		if _, ok := b[n]; ok {
			out = append(out, n)
			seen[n] = true
		}
	}
	var rest []string
	for n := range b {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
