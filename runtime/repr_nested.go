package runtime

// This file writes the repr of containers (lists, tuples, dicts, sets,
// dict views) into one shared builder, so that the repr of a nesting n
// deep takes time linear in its length instead of copying each level's
// text into its parent, and counts each level in the recursion depth
// (RecursionError "... while getting the repr of an object" past the
// limit), as CPython does.

import "strings"

// InStr is the suffix of the RecursionError raised by str() of nested
// exceptions.
const InStr = " while getting the str of an object"

// isReprContainer reports whether v's repr is written by reprTo.
func isReprContainer(v Value) bool {
	switch v.obj.(type) {
	case *List, *Tuple, *Dict, *Set, *DictView:
		return true
	}
	return false
}

// reprTo appends repr(v) to b, charging its work and memory to m.
func reprTo(th *Thread, b *strings.Builder, m *workMeter, v Value) error {
	switch o := v.obj.(type) {
	case *List:
		return reprSeq(th, b, m, o, "[", "]", o.Items, false)
	case *Tuple:
		return reprSeq(th, b, m, o, "(", ")", o.Items, len(o.Items) == 1)
	case *Dict:
		return reprDict(th, b, m, o)
	case *Set:
		if o.Len() == 0 {
			if o.Frozen {
				b.WriteString("frozenset()")
			} else {
				b.WriteString("set()")
			}
			return nil
		}
		if o.Frozen {
			b.WriteString("frozenset(")
			if err := reprSeq(th, b, m, o, "{", "}", o.Items(), false); err != nil {
				return err
			}
			b.WriteByte(')')
			return nil
		}
		return reprSeq(th, b, m, o, "{", "}", o.Items(), false)
	case *DictView:
		b.WriteString(o.Type().Name)
		b.WriteByte('(')
		if err := reprSeq(th, b, m, o, "[", "]", dictViewItems(o), false); err != nil {
			return err
		}
		b.WriteByte(')')
		return nil
	}
	s, err := reprValue(th, v)
	if err != nil {
		return err
	}
	// Leaves go through reprAppend, which charges the output's growth to
	// the memory budget before it happens and its copying as work.
	return reprAppend(b, s, m)
}

// enterRepr counts a level of nesting and guards against infinite
// recursion on self-containing containers; printed is false (and err
// nil) when o is already being printed.
func enterRepr(th *Thread, o Object) (printed bool, err error) {
	if th.reprActive == nil {
		th.reprActive = map[Object]bool{}
	}
	if th.reprActive[o] {
		return false, nil
	}
	if err := th.Nest(InRepr); err != nil {
		return false, err
	}
	th.reprActive[o] = true
	return true, nil
}

func leaveRepr(th *Thread, o Object) {
	delete(th.reprActive, o)
	th.Unnest()
}

func reprSeq(th *Thread, b *strings.Builder, m *workMeter, o Object, open, close string, items []Value, trailingComma bool) error {
	ok, err := enterRepr(th, o)
	if err != nil {
		return err
	}
	if !ok {
		b.WriteString(open + "..." + close)
		return nil
	}
	defer leaveRepr(th, o)
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			// Through reprAppend, so that items with no leaves ([[]] * n)
			// are charged too.
			if err := reprAppend(b, ", ", m); err != nil {
				return err
			}
		}
		if err := reprTo(th, b, m, it); err != nil {
			return err
		}
	}
	if trailingComma {
		b.WriteByte(',')
	}
	b.WriteString(close)
	return nil
}

func reprDict(th *Thread, b *strings.Builder, m *workMeter, d *Dict) error {
	ok, err := enterRepr(th, d)
	if err != nil {
		return err
	}
	if !ok {
		b.WriteString("{...}")
		return nil
	}
	defer leaveRepr(th, d)
	b.WriteByte('{')
	first := true
	d.Items(func(k, v Value) bool {
		if !first {
			if err = reprAppend(b, ", ", m); err != nil {
				return false
			}
		}
		first = false
		if err = reprTo(th, b, m, k); err != nil {
			return false
		}
		b.WriteString(": ")
		err = reprTo(th, b, m, v)
		return err == nil
	})
	b.WriteByte('}')
	return err
}

// guardThread returns a thread for Repr and ToStr called without one:
// it counts their recursion against CPython's default limit and calls no
// script code.
func guardThread() *Thread {
	return &Thread{MaxDepth: DefaultRecursionLimit, noCalls: true}
}

// mayCall reports whether th may run script code (__repr__, __str__).
func (th *Thread) mayCall() bool { return !th.noCalls }
