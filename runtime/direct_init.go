package runtime

// This file lets a Go-made __init__ (a dataclass's) initialise a new
// instance without being bound first: instantiation is the hot path of
// such classes, and binding allocates a method object per instance.

// DirectInit is implemented by __init__ functions that the class call
// may run on the new instance directly.
type DirectInit interface {
	InitInstance(th *Thread, self Value, args []Value, kw []Kwarg) error
}
