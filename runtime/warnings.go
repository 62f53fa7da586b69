package runtime

// This file tells the interpreter which of the coroutines implemented in
// Go never started, for CPython's "coroutine ... was never awaited"
// warning (the warnings module itself is in interp).

// NeverStartedCoro reports whether v is a coroutine implemented here that
// has not run a step, and its name; it then marks it as finished, as the
// coroutine is being dropped and must be reported once.
func NeverStartedCoro(v Value) (string, bool) {
	switch c := v.obj.(type) {
	case *sleepCoro:
		if c.state == sleepNew {
			c.state = sleepDone
			return "sleep", true
		}
	case *yieldSleep:
		if c.state == sleepNew {
			c.state = sleepDone
			return "sleep", true
		}
	case *otherDelaySleep:
		if c.inner == nil && !c.done {
			c.done = true
			return "sleep", true
		}
	case *NativeCoro:
		if !c.started && !c.done {
			c.done = true
			return c.Name, true
		}
	}
	return "", false
}

// The warning categories CPython 3.11 has besides those defined with the
// other exceptions.
var (
	PendingDeprecationWarning = excType("PendingDeprecationWarning", Warning)
	SyntaxWarning             = excType("SyntaxWarning", Warning)
	FutureWarning             = excType("FutureWarning", Warning)
	ImportWarning             = excType("ImportWarning", Warning)
	UnicodeWarning            = excType("UnicodeWarning", Warning)
	BytesWarning              = excType("BytesWarning", Warning)
	ResourceWarning           = excType("ResourceWarning", Warning)
	EncodingWarning           = excType("EncodingWarning", Warning)
)
