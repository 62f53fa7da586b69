package runtime

// This file defines the interface between awaitable objects (futures and
// tasks, defined with the event loop) and the interpreter's AWAIT.

// Awaitable is implemented by objects that `await` can suspend on.
type Awaitable interface {
	Object
	// AwaitResult reports whether the awaitable is done and, if so, its
	// result or exception.
	AwaitResult() (done bool, result Value, err error)
}
