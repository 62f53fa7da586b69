package runtime

// This file bounds recursion: the hard ceiling on the recursion limit
// (chosen so that the deepest recursion a script may reach fits in Go's
// stack), and the guard that built-ins recursing on a script's data
// (repr, comparison, hashing, chained iterators, conversion) take at each
// level, so that nesting a list a million deep raises RecursionError
// instead of overflowing the Go stack and killing the host.

// DefaultRecursionLimit is CPython's default recursion limit.
const DefaultRecursionLimit = 1000

// MaxRecursionLimit is the highest recursion limit a host or a script
// can set. One level of recursion takes at most MaxStackPerLevel bytes of
// Go stack on any path (the worst is a script function calling itself
// through a built-in, such as list(map(f, ...)) or '%s' % obj with a
// __str__, measured at about 3.7 KiB), so the deepest recursion allowed
// takes at most MaxRecursionLimit*MaxStackPerLevel bytes, 400 MB: well
// within Go's default maximum stack of 1 GB on 64-bit systems.
const MaxRecursionLimit = 50000

// MaxStackPerLevel is the bound, in bytes, on the Go stack one level of
// recursion takes on any path, which tests check on the worst paths.
const MaxStackPerLevel = 8 << 10

// The messages' suffixes CPython uses where a built-in recursion exceeds
// the limit.
const (
	// InRepr is for repr(), str() and formatting of nested objects.
	InRepr = " while getting the repr of an object"
	// InComparison is for comparisons of nested containers.
	InComparison = " in comparison"
	// InCall is for calls of objects that call another object (an
	// instance's __call__, a staticmethod).
	InCall = " while calling a Python object"
	// InInstanceCheck is for isinstance() with nested tuples of classes.
	InInstanceCheck = " in __instancecheck__"
	// InSubclassCheck is for issubclass() with nested tuples of classes.
	InSubclassCheck = " in __subclasscheck__"
)

// Nest counts one level of a built-in's recursion on the script's data
// in the call depth, failing with RecursionError ("maximum recursion
// depth exceeded" followed by where) past the limit. Each successful
// Nest is paired with a Leave. A nil th is allowed and counts nothing:
// such callers bound their recursion themselves.
func (th *Thread) Nest(where string) error {
	if th == nil {
		return nil
	}
	th.Depth++
	if th.Depth > th.MaxDepth {
		th.Depth--
		return Errorf(RecursionError, "maximum recursion depth exceeded%s", where)
	}
	return nil
}

// Unnest undoes a successful Nest; like Nest it accepts a nil th.
func (th *Thread) Unnest() {
	if th != nil {
		th.Depth--
	}
}

// SetRecursionLimit sets the recursion limit to n clamped to the
// thread's ceiling, as sys.setrecursionlimit does; it returns the limit
// set.
func (th *Thread) SetRecursionLimit(n int) int {
	th.MaxDepth = th.recursionCeiling(n)
	return th.MaxDepth
}

// recursionCeiling returns n bounded by the thread's ceiling.
func (th *Thread) recursionCeiling(n int) int {
	ceiling := th.DepthCeiling
	if ceiling <= 0 || ceiling > MaxRecursionLimit {
		ceiling = MaxRecursionLimit
	}
	if n > ceiling {
		return ceiling
	}
	return n
}

// ClampRecursionLimit returns n bounded to 1..MaxRecursionLimit, with 0
// or less meaning CPython's default.
func ClampRecursionLimit(n int) int {
	if n <= 0 {
		return DefaultRecursionLimit
	}
	if n > MaxRecursionLimit {
		return MaxRecursionLimit
	}
	return n
}

// ResetDepth sets the recursion depth back to depth and forgets the
// containers being printed: an entry into the interpreter that a Go
// panic ended calls it with the depth it started at, so that the levels
// the abandoned calls held are not lost for good.
func (th *Thread) ResetDepth(depth int) {
	th.Depth = depth
	clear(th.reprActive)
}
