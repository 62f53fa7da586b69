package runtime

// This file declares the interfaces through which the generic protocols
// (subscripting, membership, iteration, truth) reach built-in types that
// are not special-cased in their type switches, such as bytes, bytearray,
// memoryview and complex.

// getItemHook is implemented by built-in objects supporting obj[key].
type getItemHook interface {
	GetItemHook(th *Thread, key Value) (Value, error)
}

// setItemHook is implemented by built-in objects supporting obj[key] = x.
type setItemHook interface {
	SetItemHook(th *Thread, key, x Value) error
}

// delItemHook is implemented by built-in objects supporting del obj[key].
type delItemHook interface {
	DelItemHook(th *Thread, key Value) error
}

// containsHook is implemented by built-in objects supporting `x in obj`.
type containsHook interface {
	ContainsHook(th *Thread, x Value) (bool, error)
}

// iterHook is implemented by built-in iterables that are not iterators.
type iterHook interface {
	IterHook() Iterator
}

// truthHook is implemented by built-in objects whose truth is not always
// true.
type truthHook interface {
	TruthHook() bool
}
