package runtime

// This file implements BaseExceptionGroup and ExceptionGroup (PEP 654) on
// the classes declared in exceptions.go, as CPython 3.11's
// Objects/exceptions.c does: the constructor's validation, the `message`
// and `exceptions` attributes, str(), derive(), subgroup() and split().
//
// init gives ExceptionGroup its two bases, (BaseExceptionGroup,
// Exception), so that `except Exception` and `except BaseExceptionGroup`
// both catch it while a BaseExceptionGroup is no Exception.
//
// One workaround lives here because the file it would belong to is not
// this file's to change:
//
//   - str() of a built-in exception is Exception.Message(), computed from
//     args; only classes marked User have their __str__ consulted. The two
//     group classes are therefore marked User, and their __str__ is a
//     method descriptor of a distinct Go type (strMethod) so that ToStr
//     calls it.

import "fmt"

// The keys under which a group keeps its message and exceptions tuple in
// Exception.Dict. They are the attribute names themselves, so dir() lists
// them once; reads and writes go through the readonly descriptors
// installed on the classes, which take precedence over the dict.
const (
	egMessageKey    = "message"
	egExceptionsKey = "exceptions"
)

// MemberDescriptorType is the class of read-only attribute descriptors of
// built-in classes (CPython's member_descriptor).
var MemberDescriptorType = finalType("member_descriptor")

// memberDescriptor is a read-only attribute of an exception group.
type memberDescriptor struct {
	name  string
	owner *Type
}

// Type returns MemberDescriptorType.
func (*memberDescriptor) Type() *Type { return MemberDescriptorType }

// Get returns the attribute (the descriptor itself when read on the class).
func (m *memberDescriptor) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if !obj.IsValid() {
		return Obj(m), nil
	}
	if e, ok := obj.obj.(*Exception); ok {
		if v, ok := e.Dict[m.name]; ok {
			return v, nil
		}
	}
	return None, nil
}

// Set refuses assignment, as CPython's T_OBJECT READONLY members do.
func (m *memberDescriptor) Set(th *Thread, obj Value, v Value) error {
	return Errorf(AttributeError, "readonly attribute")
}

// Repr renders the descriptor as CPython does.
func (m *memberDescriptor) Repr(th *Thread) (string, error) {
	return "<member '" + m.name + "' of '" + m.owner.Name + "' objects>", nil
}

// strMethod is a built-in method that ToStr does not mistake for the
// inherited BaseException.__str__ (see the file comment).
type strMethod struct{ *MethodDescriptor }

// Repr renders the method as a slot wrapper, as CPython does.
func (m strMethod) Repr(th *Thread) (string, error) {
	return "<slot wrapper '" + m.Name + "' of '" + m.Owner.Name + "' objects>", nil
}

// isGroupType reports whether t is BaseExceptionGroup or a subclass
// (_PyBaseExceptionGroup_Check).
func isGroupType(t *Type) bool { return t.IsSubtype(BaseExceptionGroup) }

// isExceptionType reports whether t derives from Exception in CPython's
// hierarchy: of the group classes, only ExceptionGroup and its subclasses.
func isExceptionType(t *Type) bool {
	if t.IsSubtype(BaseExceptionGroup) {
		return t.IsSubtype(ExceptionGroup)
	}
	return t.IsSubtype(ExceptionType)
}

// egIsSequence is PySequence_Check for aio's values: the built-in sequences
// and instances of user classes defining __getitem__ (except dicts).
func egIsSequence(v Value) bool {
	switch v.obj.(type) {
	case *List, *Tuple, *StrObj, *Range:
		return true
	}
	t := v.Type()
	if t.User && !t.IsSubtype(DictType) {
		_, ok := t.Lookup("__getitem__")
		return ok
	}
	return false
}

// egNew is BaseExceptionGroup.__new__ followed by its __init__.
func egNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 2 {
		return Value{}, Errorf(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if _, ok := args[0].obj.(*StrObj); !ok {
		return Value{}, Errorf(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	if !egIsSequence(args[1]) {
		return Value{}, Errorf(TypeError, "second argument (exceptions) must be a sequence")
	}
	items, err := Collect(th, args[1])
	if err != nil {
		return Value{}, err
	}
	if len(items) == 0 {
		return Value{}, Errorf(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	nestedBase := false
	for i, it := range items {
		e, ok := it.obj.(*Exception)
		if !ok {
			return Value{}, Errorf(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !isExceptionType(e.Class) {
			nestedBase = true
		}
	}
	switch {
	case cls == ExceptionGroup:
		if nestedBase {
			return Value{}, Errorf(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case cls == BaseExceptionGroup:
		if !nestedBase {
			// All nested exceptions are Exception subclasses: wrap them
			// in an ExceptionGroup.
			cls = ExceptionGroup
		}
	default:
		if nestedBase && isExceptionType(cls) {
			return Value{}, Errorf(TypeError, "Cannot nest BaseExceptions in '%s'", cls.Name)
		}
	}
	// BaseExceptionGroup.__init__ rejects keywords; a subclass with its
	// own __init__ may accept them.
	if len(kw) > 0 && (cls == ExceptionGroup || cls == BaseExceptionGroup) {
		return Value{}, NoKeywords(cls.Name, kw)
	}
	e := &Exception{
		Class: cls,
		Args:  append([]Value(nil), args...),
		Dict: map[string]Value{
			egMessageKey:    args[0],
			egExceptionsKey: Obj(NewTuple(items)),
		},
	}
	return Obj(e), nil
}

// GroupMembers returns the exceptions of a group (its .exceptions).
func GroupMembers(e *Exception) []Value {
	_, excs := groupParts(e)
	return excs
}

// groupParts returns a group's message and exceptions.
func groupParts(e *Exception) (string, []Value) {
	var msg string
	if s, ok := e.Dict[egMessageKey].obj.(*StrObj); ok {
		msg = s.S
	}
	var excs []Value
	if t, ok := e.Dict[egExceptionsKey].obj.(*Tuple); ok {
		excs = t.Items
	}
	return msg, excs
}

// asGroup returns the group behind a method's receiver.
func asGroup(self Value, method string) (*Exception, error) {
	e, ok := self.obj.(*Exception)
	if !ok || !isGroupType(e.Class) {
		return nil, Errorf(TypeError, "descriptor '%s' for 'BaseExceptionGroup' objects doesn't apply to a '%s' object", method, self.Type().Name)
	}
	return e, nil
}

// matcherKind is how split and subgroup test an exception.
type matcherKind int

const (
	matchByType matcherKind = iota
	matchByPredicate
	matchByLeaf // the leaves in a set (except*'s re-raise projection)
)

// splitMatcher is the test split applies to each exception.
type splitMatcher struct {
	kind   matcherKind
	value  Value               // the type, tuple or predicate
	leaves map[*Exception]bool // for matchByLeaf
}

// getMatcherType classifies split's argument (get_matcher_type).
func getMatcherType(v Value) (matcherKind, error) {
	if _, isType := v.obj.(*Type); !isType && IsCallable(v) {
		return matchByPredicate, nil
	}
	if isExceptionClass(v) {
		return matchByType, nil
	}
	if t, ok := v.obj.(*Tuple); ok {
		ok := true
		for _, it := range t.Items {
			if !isExceptionClass(it) {
				ok = false
				break
			}
		}
		if ok {
			return matchByType, nil
		}
	}
	return 0, Errorf(TypeError, "expected a function, exception type or tuple of exception types")
}

func isExceptionClass(v Value) bool {
	t, ok := v.obj.(*Type)
	return ok && t.IsSubtype(BaseException)
}

// checkMatch tells whether exc matches (exceptiongroup_split_check_match).
func checkMatch(th *Thread, exc *Exception, m *splitMatcher) (bool, error) {
	matcher := m.value
	switch m.kind {
	case matchByLeaf:
		return !isGroupType(exc.Class) && m.leaves[exc], nil
	case matchByPredicate:
		r, err := th.Call(matcher, []Value{Obj(exc)}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	if t, ok := matcher.obj.(*Type); ok {
		return exc.Class.IsSubtype(t), nil
	}
	for _, it := range matcher.obj.(*Tuple).Items {
		if exc.Class.IsSubtype(it.obj.(*Type)) {
			return true, nil
		}
	}
	return false, nil
}

// splitRecursive is exceptiongroup_split_recursive: match and rest are nil
// when empty; rest is computed only when constructRest.
func splitRecursive(th *Thread, exc *Exception, m *splitMatcher, constructRest bool) (match, rest *Exception, err error) {
	isMatch, err := checkMatch(th, exc, m)
	if err != nil {
		return nil, nil, err
	}
	if isMatch {
		return exc, nil, nil
	}
	if !isGroupType(exc.Class) {
		if constructRest {
			return nil, exc, nil
		}
		return nil, nil, nil
	}
	_, excs := groupParts(exc)
	var matchList, restList []Value
	for _, v := range excs {
		sub, ok := v.obj.(*Exception)
		if !ok {
			continue
		}
		if err := enterNamed(th, "exceptiongroup_split_recursive"); err != nil {
			return nil, nil, err
		}
		sm, r, err := splitRecursive(th, sub, m, constructRest)
		th.Leave()
		if err != nil {
			return nil, nil, err
		}
		if sm != nil {
			matchList = append(matchList, Obj(sm))
		}
		if r != nil {
			restList = append(restList, Obj(r))
		}
	}
	if match, err = groupSubset(th, exc, matchList); err != nil {
		return nil, nil, err
	}
	if constructRest {
		if rest, err = groupSubset(th, exc, restList); err != nil {
			return nil, nil, err
		}
	}
	return match, rest, nil
}

// groupSubset is exceptiongroup_subset: orig.derive(excs) with orig's
// traceback, context, cause and notes, or nil when excs is empty.
func groupSubset(th *Thread, orig *Exception, excs []Value) (*Exception, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	r, _, err := th.CallMethod(Obj(orig), "derive", NewList(excs))
	if err != nil {
		return nil, err
	}
	eg, ok := r.obj.(*Exception)
	if !ok || !isGroupType(eg.Class) {
		return nil, Errorf(TypeError, "derive must return an instance of BaseExceptionGroup")
	}
	if len(orig.Traceback) > 0 {
		eg.Traceback = append([]TraceEntry(nil), orig.Traceback...)
	}
	eg.Context = orig.Context
	eg.Cause = orig.Cause
	eg.SuppressContext = true
	if notes, ok := orig.Dict["__notes__"]; ok {
		if egIsSequence(notes) {
			items, err := Collect(th, notes)
			if err != nil {
				return nil, err
			}
			notes = NewList(items)
		}
		eg.SetAttrValue("__notes__", notes)
	}
	return eg, nil
}

func excValue(e *Exception) Value {
	if e == nil {
		return None
	}
	return Obj(e)
}

// groupSplit implements split (constructRest) and subgroup.
func groupSplit(th *Thread, self Value, args []Value, kw []Kwarg, name string, constructRest bool) (Value, error) {
	if len(kw) > 0 {
		return Value{}, NoKeywords("BaseExceptionGroup."+name, kw)
	}
	if len(args) != 1 {
		return Value{}, Errorf(TypeError, "%s expected 1 argument, got %d", name, len(args))
	}
	e, err := asGroup(self, name)
	if err != nil {
		return Value{}, err
	}
	kind, err := getMatcherType(args[0])
	if err != nil {
		return Value{}, err
	}
	match, rest, err := splitRecursive(th, e, &splitMatcher{kind: kind, value: args[0]}, constructRest)
	if err != nil {
		return Value{}, err
	}
	if constructRest {
		return Obj(NewTuple([]Value{excValue(match), excValue(rest)})), nil
	}
	return excValue(match), nil
}

var egMethods = map[string]BuiltinFn{
	"derive": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 {
			return Value{}, NoKeywords("BaseExceptionGroup.derive", kw)
		}
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "function takes exactly 1 argument (%d given)", len(args))
		}
		e, err := asGroup(self, "derive")
		if err != nil {
			return Value{}, err
		}
		return BaseExceptionGroup.Call(th, []Value{e.Dict[egMessageKey], args[0]}, nil)
	},
	"split": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return groupSplit(th, self, args, kw, "split", true)
	},
	"subgroup": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return groupSplit(th, self, args, kw, "subgroup", false)
	},
}

// egStr is BaseExceptionGroup.__str__.
func egStr(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("__str__", nil, kw, 0, -1); err != nil {
		return Value{}, err
	}
	e, err := asGroup(self, "__str__")
	if err != nil {
		return Value{}, err
	}
	msg, excs := groupParts(e)
	plural := ""
	if len(excs) > 1 {
		plural = "s"
	}
	return Str(fmt.Sprintf("%s (%d sub-exception%s)", msg, len(excs), plural)), nil
}

func init() {
	// CPython's ExceptionGroup derives from both BaseExceptionGroup and
	// Exception.
	setBases(ExceptionGroup, BaseExceptionGroup, ExceptionType)
	for _, t := range []*Type{BaseExceptionGroup, ExceptionGroup} {
		t.New = egNew
		t.User = true
	}
	t := BaseExceptionGroup
	t.Methods(egMethods)
	t.SetAttr("__str__", Obj(strMethod{&MethodDescriptor{Name: "__str__", Fn: egStr, Owner: t}}))
	t.SetAttr(egMessageKey, Obj(&memberDescriptor{name: egMessageKey, owner: t}))
	t.SetAttr(egExceptionsKey, Obj(&memberDescriptor{name: egExceptionsKey, owner: t}))
	shareType(BaseExceptionGroup)
	shareType(ExceptionGroup)
}
