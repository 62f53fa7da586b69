package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected strings below are what CPython 3.11.7 prints for the same
// expressions (shown in the comments).

func egMake(t *testing.T, th *Thread, cls *Type, msg string, excs ...Value) Value {
	t.Helper()
	v, err := cls.Call(th, []Value{Str(msg), NewList(excs)}, nil)
	require.NoError(t, err)
	return v
}

func egExc(cls *Type, args ...Value) Value { return Obj(NewException(cls, args...)) }

func egCall(th *Thread, v Value, method string, args ...Value) (Value, error) {
	m, err := GetAttr(th, v, method)
	if err != nil {
		return Value{}, err
	}
	return th.Call(m, args, nil)
}

func TestExceptionGroupConstructor(t *testing.T) {
	th := NewThread()
	ve := egExc(ValueError, Int(1))
	ki := egExc(KeyboardInterrupt)
	cases := []struct {
		py   string
		cls  *Type
		args []Value
		kw   []Kwarg
		want string
	}{
		{`ExceptionGroup("m")`, ExceptionGroup, []Value{Str("m")}, nil,
			"TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)"},
		{`ExceptionGroup("m", [ValueError(1)], 3)`, ExceptionGroup, []Value{Str("m"), btList(ve), Int(3)}, nil,
			"TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (3 given)"},
		{`ExceptionGroup(1, [ValueError(1)])`, ExceptionGroup, []Value{Int(1), btList(ve)}, nil,
			"TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not int"},
		{`ExceptionGroup("m", 5)`, ExceptionGroup, []Value{Str("m"), Int(5)}, nil,
			"TypeError: second argument (exceptions) must be a sequence"},
		{`ExceptionGroup("m", None)`, ExceptionGroup, []Value{Str("m"), None}, nil,
			"TypeError: second argument (exceptions) must be a sequence"},
		{`ExceptionGroup("m", {ValueError(1)})`, ExceptionGroup, []Value{Str("m"), btSet(t, ve)}, nil,
			"TypeError: second argument (exceptions) must be a sequence"},
		{`ExceptionGroup("m", [])`, ExceptionGroup, []Value{Str("m"), btList()}, nil,
			"ValueError: second argument (exceptions) must be a non-empty sequence"},
		{`ExceptionGroup("m", range(0))`, ExceptionGroup, []Value{Str("m"), btRange(0, 0, 1)}, nil,
			"ValueError: second argument (exceptions) must be a non-empty sequence"},
		{`ExceptionGroup("m", [ValueError(1), 2])`, ExceptionGroup, []Value{Str("m"), btList(ve, Int(2))}, nil,
			"ValueError: Item 1 of second argument (exceptions) is not an exception"},
		{`ExceptionGroup("m", "ab")`, ExceptionGroup, []Value{Str("m"), Str("ab")}, nil,
			"ValueError: Item 0 of second argument (exceptions) is not an exception"},
		{`ExceptionGroup("m", [ValueError])`, ExceptionGroup, []Value{Str("m"), btList(Obj(ValueError))}, nil,
			"ValueError: Item 0 of second argument (exceptions) is not an exception"},
		{`ExceptionGroup("m", [KeyboardInterrupt()])`, ExceptionGroup, []Value{Str("m"), btList(ki)}, nil,
			"TypeError: Cannot nest BaseExceptions in an ExceptionGroup"},
		{`ExceptionGroup("m", [ValueError(1)], x=1)`, ExceptionGroup, []Value{Str("m"), btList(ve)}, []Kwarg{btKw("x", Int(1))},
			"TypeError: ExceptionGroup() takes no keyword arguments"},
		{`BaseExceptionGroup("m", [ValueError(1)], x=1)`, BaseExceptionGroup, []Value{Str("m"), btList(ve)}, []Kwarg{btKw("x", Int(1))},
			"TypeError: ExceptionGroup() takes no keyword arguments"},
		{`BaseExceptionGroup("m", [KeyboardInterrupt()])`, BaseExceptionGroup, []Value{Str("m"), btList(ki)}, nil,
			"BaseExceptionGroup('m', [KeyboardInterrupt()])"},
		{`BaseExceptionGroup("m", [ValueError(1)])`, BaseExceptionGroup, []Value{Str("m"), btList(ve)}, nil,
			"ExceptionGroup('m', [ValueError(1)])"},
		{`BaseExceptionGroup("m", (ValueError(1),))`, BaseExceptionGroup, []Value{Str("m"), btTuple(ve)}, nil,
			"ExceptionGroup('m', (ValueError(1),))"},
	}
	for _, c := range cases {
		v, err := c.cls.Call(th, c.args, c.kw)
		assert.Equal(t, c.want, btOut(th, v, err), c.py)
	}

	// A nested ExceptionGroup is an Exception: the outer group stays an
	// ExceptionGroup.
	inner := egMake(t, th, ExceptionGroup, "inner", ve)
	outer := egMake(t, th, BaseExceptionGroup, "outer", inner)
	assert.Equal(t, ExceptionGroup, outer.Type())

	// User subclasses.
	myEG := NewType("MyEG", ExceptionGroup)
	myEG.User, myEG.Module = true, "__main__"
	_, err := myEG.Call(th, []Value{Str("m"), btList(ki)}, nil)
	assert.Equal(t, "TypeError: Cannot nest BaseExceptions in 'MyEG'", btOut(th, Value{}, err))
	myBEG := NewType("MyBEG", BaseExceptionGroup)
	myBEG.User, myBEG.Module = true, "__main__"
	v, err := myBEG.Call(th, []Value{Str("m"), btList(ve)}, nil)
	assert.Equal(t, "MyBEG('m', [ValueError(1)])", btOut(th, v, err))
}

func TestExceptionGroupAttributes(t *testing.T) {
	th := NewThread()
	eg := egMake(t, th, ExceptionGroup, "msg",
		egExc(ValueError, Int(1)), egExc(TypeError, Int(2)))
	s, err := ToStr(th, eg)
	require.NoError(t, err)
	assert.Equal(t, "msg (2 sub-exceptions)", s)
	s, err = ToStr(th, egMake(t, th, ExceptionGroup, "one", egExc(ValueError)))
	require.NoError(t, err)
	assert.Equal(t, "one (1 sub-exception)", s)

	msg, err := GetAttr(th, eg, "message")
	assert.Equal(t, "'msg'", btOut(th, msg, err))
	excs, err := GetAttr(th, eg, "exceptions")
	assert.Equal(t, "(ValueError(1), TypeError(2))", btOut(th, excs, err))
	again, _ := GetAttr(th, eg, "exceptions")
	assert.True(t, excs.Is(again), "eg.exceptions is eg.exceptions")
	args, err := GetAttr(th, eg, "args")
	assert.Equal(t, "('msg', [ValueError(1), TypeError(2)])", btOut(th, args, err))
	err = SetAttr(th, eg, "message", Str("x"))
	assert.Equal(t, "AttributeError: readonly attribute", btOut(th, Value{}, err))
	d, err := GetAttr(th, Obj(BaseExceptionGroup), "message")
	assert.Equal(t, "<member 'message' of 'BaseExceptionGroup' objects>", btOut(th, d, err))

	// The hierarchy: both `except Exception` and `except
	// BaseExceptionGroup` catch an ExceptionGroup.
	assert.True(t, IsInstanceOf(eg, ExceptionType))
	assert.True(t, IsInstanceOf(eg, BaseExceptionGroup))
	assert.True(t, IsInstanceOf(eg, BaseException))
	mro, err := GetAttr(th, Obj(ExceptionGroup), "__mro__")
	assert.Equal(t, "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)",
		btOut(th, mro, err))
	beg := egMake(t, th, BaseExceptionGroup, "b", egExc(KeyboardInterrupt))
	assert.True(t, IsInstanceOf(beg, BaseExceptionGroup))
	assert.False(t, isExceptionType(beg.Type()))
	// A BaseExceptionGroup is not an Exception to nest in an ExceptionGroup.
	_, err = ExceptionGroup.Call(th, []Value{Str("m"), btList(beg)}, nil)
	assert.Equal(t, "TypeError: Cannot nest BaseExceptions in an ExceptionGroup", btOut(th, Value{}, err))
	v, err := BaseExceptionGroup.Call(th, []Value{Str("m"), btList(beg)}, nil)
	assert.Equal(t, "BaseExceptionGroup('m', [BaseExceptionGroup('b', [KeyboardInterrupt()])])", btOut(th, v, err))
}

func TestExceptionGroupSplit(t *testing.T) {
	th := NewThread()
	// eg = ExceptionGroup("msg", [ValueError(1), TypeError(2),
	//          ExceptionGroup("inner", [KeyError(3), ValueError(4)])])
	inner := egMake(t, th, ExceptionGroup, "inner", egExc(KeyError, Int(3)), egExc(ValueError, Int(4)))
	eg := egMake(t, th, ExceptionGroup, "msg", egExc(ValueError, Int(1)), egExc(TypeError, Int(2)), inner)
	cases := []struct {
		py   string
		meth string
		arg  Value
		want string
	}{
		{"eg.split(ValueError)", "split", Obj(ValueError),
			"(ExceptionGroup('msg', [ValueError(1), ExceptionGroup('inner', [ValueError(4)])]), ExceptionGroup('msg', [TypeError(2), ExceptionGroup('inner', [KeyError(3)])]))"},
		{"eg.subgroup(ValueError)", "subgroup", Obj(ValueError),
			"ExceptionGroup('msg', [ValueError(1), ExceptionGroup('inner', [ValueError(4)])])"},
		{"eg.split((KeyError, TypeError))", "split", btTuple(Obj(KeyError), Obj(TypeError)),
			"(ExceptionGroup('msg', [TypeError(2), ExceptionGroup('inner', [KeyError(3)])]), ExceptionGroup('msg', [ValueError(1), ExceptionGroup('inner', [ValueError(4)])]))"},
		{"eg.split(OSError)", "split", Obj(OSError),
			"(None, ExceptionGroup('msg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [KeyError(3), ValueError(4)])]))"},
		{"eg.subgroup(OSError)", "subgroup", Obj(OSError), "None"},
		{"eg.subgroup(lambda e: isinstance(e, KeyError))", "subgroup",
			btFunc(func(th *Thread, v Value) (Value, error) { return MakeBool(IsInstanceOf(v, KeyError)), nil }),
			"ExceptionGroup('msg', [ExceptionGroup('inner', [KeyError(3)])])"},
		{"eg.split(1)", "split", Int(1), "TypeError: expected a function, exception type or tuple of exception types"},
		{"eg.split((ValueError, 1))", "split", btTuple(Obj(ValueError), Int(1)),
			"TypeError: expected a function, exception type or tuple of exception types"},
		{"eg.split([ValueError])", "split", btList(Obj(ValueError)),
			"TypeError: expected a function, exception type or tuple of exception types"},
		{"eg.split(ValueError())", "split", egExc(ValueError),
			"TypeError: expected a function, exception type or tuple of exception types"},
		{"eg.derive([ValueError()])", "derive", btList(egExc(ValueError)), "ExceptionGroup('msg', [ValueError()])"},
		{"eg.derive([KeyboardInterrupt()])", "derive", btList(egExc(KeyboardInterrupt)),
			"BaseExceptionGroup('msg', [KeyboardInterrupt()])"},
		{"eg.derive([])", "derive", btList(), "ValueError: second argument (exceptions) must be a non-empty sequence"},
	}
	for _, c := range cases {
		v, err := egCall(th, eg, c.meth, c.arg)
		assert.Equal(t, c.want, btOut(th, v, err), c.py)
	}

	// A full match returns the group itself.
	r, err := egCall(th, eg, "split", Obj(ExceptionType))
	require.NoError(t, err)
	assert.True(t, r.obj.(*Tuple).Items[0].Is(eg))

	_, err = egCall(th, eg, "split")
	assert.Equal(t, "TypeError: split expected 1 argument, got 0", btOut(th, Value{}, err))
	_, err = egCall(th, eg, "subgroup", Obj(ValueError), Obj(KeyError))
	assert.Equal(t, "TypeError: subgroup expected 1 argument, got 2", btOut(th, Value{}, err))
	_, err = egCall(th, eg, "derive")
	assert.Equal(t, "TypeError: function takes exactly 1 argument (0 given)", btOut(th, Value{}, err))

	// The parts keep the original's cause and context, and suppress the
	// context.
	e2 := egMake(t, th, ExceptionGroup, "c", egExc(ValueError), egExc(KeyError))
	cause := NewException(OSError, Str("cause"))
	ctx := NewException(OSError, Str("ctx"))
	e2.obj.(*Exception).Cause = cause
	e2.obj.(*Exception).Context = ctx
	r, err = egCall(th, e2, "split", Obj(ValueError))
	require.NoError(t, err)
	for _, part := range r.obj.(*Tuple).Items {
		pe := part.obj.(*Exception)
		assert.Same(t, cause, pe.Cause)
		assert.Same(t, ctx, pe.Context)
		assert.True(t, pe.SuppressContext)
	}
}
