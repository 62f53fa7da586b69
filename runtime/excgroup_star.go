package runtime

// This file holds the two steps of an except* statement that work on
// exception groups (PEP 654): matching one clause's types against what is
// left of the raised exception, and combining, once every clause has run,
// the exceptions the handlers raised with the unhandled rest into the one
// exception the statement re-raises.

// ExceptStarTypeError checks the types of an except* clause: exception
// classes or a tuple of them, none of them an exception group class.
func ExceptStarTypeError(typ Value) error {
	check := func(t Value) error {
		cls, ok := t.obj.(*Type)
		if !ok || !cls.IsSubtype(BaseException) {
			return Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		return nil
	}
	items := []Value{typ}
	if tup, ok := typ.obj.(*Tuple); ok {
		items = tup.Items
	}
	for _, t := range items {
		if err := check(t); err != nil {
			return err
		}
	}
	for _, t := range items {
		if isGroupType(t.obj.(*Type)) {
			return Errorf(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
	}
	return nil
}

// ExceptStarMatch splits rest, the part of the raised exception that no
// earlier clause handled (None once everything is handled), by typ, which
// ExceptStarTypeError accepted. A group is split; a naked exception that
// matches is wrapped in a new ExceptionGroup("", [exc]), which (as in
// CPython 3.11) has no traceback of its own. match or newRest is None when
// empty.
func ExceptStarMatch(th *Thread, rest, typ Value) (match, newRest Value, err error) {
	exc, ok := rest.obj.(*Exception)
	if !ok {
		return None, None, nil
	}
	full, err := checkMatch(th, exc, &splitMatcher{kind: matchByType, value: typ})
	if err != nil {
		return Value{}, Value{}, err
	}
	if full {
		if isGroupType(exc.Class) {
			return rest, None, nil
		}
		w, err := BaseExceptionGroup.Call(th, []Value{Str(""), Obj(NewTuple([]Value{rest}))}, nil)
		if err != nil {
			return Value{}, Value{}, err
		}
		return w, None, nil
	}
	if !isGroupType(exc.Class) {
		return None, rest, nil
	}
	// A subclass may override split, so it is called as a method.
	pair, _, err := th.CallMethod(rest, "split", typ)
	if err != nil {
		return Value{}, Value{}, err
	}
	t, ok := pair.obj.(*Tuple)
	if !ok || len(t.Items) != 2 {
		return Value{}, Value{}, Errorf(TypeError, "X.split(T) must return a tuple of two items")
	}
	return t.Items[0], t.Items[1], nil
}

// PrepReraiseStar computes what an except* statement raises once its
// clauses have run: orig is the exception the try body raised, excs the
// exceptions its handlers raised followed by the unhandled rest (None
// items stand for nothing). It returns None when nothing is left.
//
// An exception that a handler re-raised with a bare `raise` (or the rest)
// still carries orig's metadata, so it is recognised as part of orig and
// kept in orig's nesting; the other raised exceptions are new, and join
// that part in a new ExceptionGroup("", [...]).
func PrepReraiseStar(th *Thread, orig *Exception, excs []Value) (Value, error) {
	var live []*Exception
	for _, v := range excs {
		if e, ok := v.obj.(*Exception); ok {
			live = append(live, e)
		}
	}
	if len(live) == 0 {
		return None, nil
	}
	if !isGroupType(orig.Class) {
		// A naked exception was wrapped for the one clause that could
		// match it: there is at most one exception to raise.
		return Obj(live[0]), nil
	}
	var raised []Value
	keep := map[*Exception]bool{}
	for _, e := range live {
		if sameExceptionMetadata(e, orig) {
			if err := collectLeaves(th, e, keep); err != nil {
				return Value{}, err
			}
		} else {
			raised = append(raised, Obj(e))
		}
	}
	var reraised *Exception
	if len(keep) > 0 {
		match, _, err := splitRecursive(th, orig, &splitMatcher{kind: matchByLeaf, leaves: keep}, false)
		if err != nil {
			return Value{}, err
		}
		reraised = match
	}
	if len(raised) == 0 {
		return excValue(reraised), nil
	}
	if reraised != nil {
		raised = append(raised, Obj(reraised))
	}
	if len(raised) == 1 {
		return raised[0], nil
	}
	return BaseExceptionGroup.Call(th, []Value{Str(""), NewList(raised)}, nil)
}

// sameExceptionMetadata reports whether e carries orig's traceback, cause
// and context: a part of orig that split derived, or that a handler
// re-raised unchanged.
func sameExceptionMetadata(e, orig *Exception) bool {
	if e.Cause != orig.Cause || e.Context != orig.Context || len(e.Traceback) != len(orig.Traceback) {
		return false
	}
	for i := range e.Traceback {
		if e.Traceback[i] != orig.Traceback[i] {
			return false
		}
	}
	return true
}

// collectLeaves adds the exceptions that are not groups inside e (or e
// itself when it is not a group) to set. Nesting counts against the
// recursion limit, as split's does.
func collectLeaves(th *Thread, e *Exception, set map[*Exception]bool) error {
	if !isGroupType(e.Class) {
		set[e] = true
		return nil
	}
	_, excs := groupParts(e)
	if err := th.Work(int64(len(excs))); err != nil {
		return err
	}
	for _, v := range excs {
		if sub, ok := v.obj.(*Exception); ok {
			if err := enterNamed(th, "collect_exception_group_leaf_ids"); err != nil {
				return err
			}
			err := collectLeaves(th, sub, set)
			th.Leave()
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// enterNamed is th.Enter for a recursive walk of nested groups; running
// out of depth there names the walk, as CPython's message names the C
// function that recursed.
func enterNamed(th *Thread, where string) error {
	err := th.Enter()
	if e, ok := err.(*Exception); ok && e.Class == RecursionError {
		return Errorf(RecursionError, "maximum recursion depth exceeded in %s", where)
	}
	return err
}
