package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// btListOf is list(<call>): the built-in called, then its result collected.
func btListOf(th *Thread, fn string, args []Value, kw ...Kwarg) string {
	v, err := btCall(th, fn, args, kw...)
	if err != nil {
		return btOut(th, v, err)
	}
	items, err := Collect(th, v)
	if err != nil {
		return btOut(th, Value{}, err)
	}
	return btOut(th, NewList(items), nil)
}

func TestIteratorBuiltins(t *testing.T) {
	th := NewThread()
	d := btDict(t, Str("a"), Int(1), Str("b"), Int(2), Str("c"), Int(3))
	cases := []struct {
		py   string
		fn   string
		args []Value
		kw   []Kwarg
		want string
	}{
		{py: `list(enumerate('ab'))`, fn: "enumerate", args: []Value{Str("ab")}, want: `[(0, 'a'), (1, 'b')]`},
		{py: `list(enumerate('ab', 5))`, fn: "enumerate", args: []Value{Str("ab"), Int(5)}, want: `[(5, 'a'), (6, 'b')]`},
		{py: `list(enumerate('ab', start=-1))`, fn: "enumerate", args: []Value{Str("ab")}, kw: []Kwarg{btKw("start", Int(-1))}, want: `[(-1, 'a'), (0, 'b')]`},
		{py: `list(enumerate(iterable='ab'))`, fn: "enumerate", kw: []Kwarg{btKw("iterable", Str("ab"))}, want: `[(0, 'a'), (1, 'b')]`},
		{py: `list(enumerate('a', True))`, fn: "enumerate", args: []Value{Str("a"), True}, want: `[(1, 'a')]`},
		{py: `list(enumerate('ab', 2**63 - 1))`, fn: "enumerate", args: []Value{Str("ab"), Int(1<<63 - 1)}, want: `[(9223372036854775807, 'a'), (9223372036854775808, 'b')]`},
		{py: `list(enumerate('ab', 2**70))`, fn: "enumerate", args: []Value{Str("ab"), btBig(t, "1180591620717411303424")}, want: `[(1180591620717411303424, 'a'), (1180591620717411303425, 'b')]`},
		{py: `enumerate()`, fn: "enumerate", want: `TypeError: enumerate() missing required argument 'iterable'`},
		{py: `enumerate(1)`, fn: "enumerate", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `enumerate([1], 2, 3)`, fn: "enumerate", args: []Value{btInts(1), Int(2), Int(3)}, want: `TypeError: enumerate() takes at most 2 arguments (3 given)`},
		{py: `enumerate([1], foo=2)`, fn: "enumerate", args: []Value{btInts(1)}, kw: []Kwarg{btKw("foo", Int(2))}, want: `TypeError: 'foo' is an invalid keyword argument for enumerate()`},
		{py: `enumerate([1], iterable=[2])`, fn: "enumerate", args: []Value{btInts(1)}, kw: []Kwarg{btKw("iterable", btInts(2))}, want: `TypeError: 'iterable' is an invalid keyword argument for enumerate()`},
		{py: `enumerate([1], start='a')`, fn: "enumerate", args: []Value{btInts(1)}, kw: []Kwarg{btKw("start", Str("a"))}, want: `TypeError: 'str' object cannot be interpreted as an integer`},
		{py: `list(zip('ab', [1, 2, 3]))`, fn: "zip", args: []Value{Str("ab"), btInts(1, 2, 3)}, want: `[('a', 1), ('b', 2)]`},
		{py: `list(zip())`, fn: "zip", want: `[]`},
		{py: `list(zip([1, 2]))`, fn: "zip", args: []Value{btInts(1, 2)}, want: `[(1,), (2,)]`},
		{py: `list(zip([1], [2], strict=True))`, fn: "zip", args: []Value{btInts(1), btInts(2)}, kw: []Kwarg{btKw("strict", True)}, want: `[(1, 2)]`},
		{py: `list(zip([1, 2], [3], strict=True))`, fn: "zip", args: []Value{btInts(1, 2), btInts(3)}, kw: []Kwarg{btKw("strict", True)}, want: `ValueError: zip() argument 2 is shorter than argument 1`},
		{py: `list(zip([1], [3, 4], strict=True))`, fn: "zip", args: []Value{btInts(1), btInts(3, 4)}, kw: []Kwarg{btKw("strict", True)}, want: `ValueError: zip() argument 2 is longer than argument 1`},
		{py: `list(zip([1], [3], [5, 6], strict=True))`, fn: "zip", args: []Value{btInts(1), btInts(3), btInts(5, 6)}, kw: []Kwarg{btKw("strict", True)}, want: `ValueError: zip() argument 3 is longer than arguments 1-2`},
		{py: `list(zip([1, 2], [3, 4], [5], strict=True))`, fn: "zip", args: []Value{btInts(1, 2), btInts(3, 4), btInts(5)}, kw: []Kwarg{btKw("strict", True)}, want: `ValueError: zip() argument 3 is shorter than arguments 1-2`},
		{py: `zip(1)`, fn: "zip", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `zip([1], foo=1)`, fn: "zip", args: []Value{btInts(1)}, kw: []Kwarg{btKw("foo", Int(1))}, want: `TypeError: 'foo' is an invalid keyword argument for zip()`},
		{py: `list(map(repr, [1, 2]))`, fn: "map", args: []Value{btBuiltin("repr"), btInts(1, 2)}, want: `['1', '2']`},
		{py: `list(map(pow, [2, 3], [3, 2, 1]))`, fn: "map", args: []Value{btBuiltin("pow"), btInts(2, 3), btInts(3, 2, 1)}, want: `[8, 9]`},
		{py: `list(map(1, [1]))`, fn: "map", args: []Value{Int(1), btInts(1)}, want: `TypeError: 'int' object is not callable`},
		{py: `map(len)`, fn: "map", args: []Value{btBuiltin("len")}, want: `TypeError: map() must have at least two arguments.`},
		{py: `map(len, 1)`, fn: "map", args: []Value{btBuiltin("len"), Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `map(len, [1], x=1)`, fn: "map", args: []Value{btBuiltin("len"), btInts(1)}, kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: map() takes no keyword arguments`},
		{py: `list(filter(None, [0, 1, '', 'a', None]))`, fn: "filter", args: []Value{None, btList(Int(0), Int(1), Str(""), Str("a"), None)}, want: `[1, 'a']`},
		{py: `list(filter(bool, [0, 2]))`, fn: "filter", args: []Value{Obj(BoolType), btInts(0, 2)}, want: `[2]`},
		{py: `list(filter(lambda x: -x, [0, 2]))`, fn: "filter", args: []Value{btNeg, btInts(0, 2)}, want: `[2]`},
		{py: `list(filter(1, [1]))`, fn: "filter", args: []Value{Int(1), btInts(1)}, want: `TypeError: 'int' object is not callable`},
		{py: `filter(None)`, fn: "filter", args: []Value{None}, want: `TypeError: filter expected 2 arguments, got 1`},
		{py: `filter(None, [1], x=1)`, fn: "filter", args: []Value{None, btInts(1)}, kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: filter() takes no keyword arguments`},
		{py: `list(reversed([1, 2, 3]))`, fn: "reversed", args: []Value{btInts(1, 2, 3)}, want: `[3, 2, 1]`},
		{py: `list(reversed((1, 2)))`, fn: "reversed", args: []Value{btTuple(Int(1), Int(2))}, want: `[2, 1]`},
		{py: `list(reversed('héllo'))`, fn: "reversed", args: []Value{Str("héllo")}, want: `['o', 'l', 'l', 'é', 'h']`},
		{py: `list(reversed(range(1, 10, 3)))`, fn: "reversed", args: []Value{btRange(1, 10, 3)}, want: `[7, 4, 1]`},
		{py: `list(reversed(range(5, 0, -2)))`, fn: "reversed", args: []Value{btRange(5, 0, -2)}, want: `[1, 3, 5]`},
		{py: `list(reversed(range(0)))`, fn: "reversed", args: []Value{btRange(0, 0, 1)}, want: `[]`},
		{py: `list(reversed({'a': 1, 'b': 2, 'c': 3}))`, fn: "reversed", args: []Value{d}, want: `['c', 'b', 'a']`},
		{py: `list(reversed(d.values()))`, fn: "reversed", args: []Value{Obj(&DictView{D: d.obj.(*Dict), Kind: 1})}, want: `[3, 2, 1]`},
		{py: `list(reversed(d.items()))`, fn: "reversed", args: []Value{Obj(&DictView{D: d.obj.(*Dict), Kind: 2})}, want: `[('c', 3), ('b', 2), ('a', 1)]`},
		{py: `reversed({1, 2})`, fn: "reversed", args: []Value{btSet(t, Int(1), Int(2))}, want: `TypeError: 'set' object is not reversible`},
		{py: `reversed(1)`, fn: "reversed", args: []Value{Int(1)}, want: `TypeError: 'int' object is not reversible`},
		{py: `reversed()`, fn: "reversed", want: `TypeError: reversed expected 1 argument, got 0`},
		{py: `reversed([1], 2)`, fn: "reversed", args: []Value{btInts(1), Int(2)}, want: `TypeError: reversed expected 1 argument, got 2`},
		{py: `reversed([1], x=1)`, fn: "reversed", args: []Value{btInts(1)}, kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: reversed() takes no keyword arguments`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, btListOf(th, c.fn, c.args, c.kw...), c.py)
	}
}

func TestIteratorTypes(t *testing.T) {
	th := NewThread()
	d := btDict(t, Str("a"), Int(1))
	for _, c := range []struct {
		fn   string
		args []Value
		want string
	}{
		{"enumerate", []Value{btList()}, "enumerate"},
		{"zip", nil, "zip"},
		{"map", []Value{btBuiltin("len"), btList()}, "map"},
		{"filter", []Value{None, btList()}, "filter"},
		{"reversed", []Value{btList()}, "list_reverseiterator"},
		{"reversed", []Value{btTuple()}, "reversed"},
		{"reversed", []Value{Str("ab")}, "reversed"},
		{"reversed", []Value{btRange(0, 3, 1)}, "range_iterator"},
		{"reversed", []Value{d}, "dict_reversekeyiterator"},
		{"reversed", []Value{Obj(&DictView{D: d.obj.(*Dict), Kind: 1})}, "dict_reversevalueiterator"},
		{"reversed", []Value{Obj(&DictView{D: d.obj.(*Dict), Kind: 2})}, "dict_reverseitemiterator"},
	} {
		v, err := btCall(th, c.fn, c.args)
		require.NoError(t, err)
		assert.Equal(t, c.want, v.Type().Name)
		// Iterators are iterable: iter() returns them.
		it, err := Iter(th, v)
		require.NoError(t, err)
		assert.True(t, biIterValue(it).Is(v), c.want)
		s, err := Repr(th, v)
		require.NoError(t, err)
		assert.Regexp(t, "^<"+c.want+" object at 0x[0-9a-f]+>$", s)
	}
	// isinstance(enumerate(x), enumerate), and the dunder methods.
	e, err := btCall(th, "enumerate", []Value{Str("xy")})
	require.NoError(t, err)
	r, err := btCall(th, "isinstance", []Value{e, Obj(EnumerateType)})
	assert.Equal(t, "True", btOut(th, r, err))
	self, _, err := th.CallMethod(e, "__iter__")
	require.NoError(t, err)
	assert.True(t, self.Is(e))
	for _, want := range []string{"(0, 'x')", "(1, 'y')", "StopIteration", "StopIteration"} {
		v, _, err := th.CallMethod(e, "__next__")
		assert.Equal(t, want, btOut(th, v, err))
	}
}

func TestReversedMutation(t *testing.T) {
	th := NewThread()
	// A list that shrinks under its reverse iterator stops it, as in
	// CPython's list_reverseiterator.
	l := btInts(1, 2, 3, 4)
	it, err := btCall(th, "reversed", []Value{l})
	require.NoError(t, err)
	v, err := Next(th, it)
	assert.Equal(t, "4", btOut(th, v, err))
	l.obj.(*List).Items = l.obj.(*List).Items[:1]
	v, err = Next(th, it)
	assert.Equal(t, "StopIteration", btOut(th, v, err))

	d := btDict(t, Int(1), Int(1), Int(2), Int(2))
	it, err = btCall(th, "reversed", []Value{d})
	require.NoError(t, err)
	require.NoError(t, d.obj.(*Dict).SetItem(th, Int(3), Int(3)))
	v, err = Next(th, it)
	assert.Equal(t, "RuntimeError: dictionary changed size during iteration", btOut(th, v, err))
}

func TestReversedUserClasses(t *testing.T) {
	th := NewThread()
	withReversed := btClass("R", map[string]BuiltinFn{
		"__reversed__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return btInts(9, 8), nil
		},
	})
	v, err := btCall(th, "reversed", []Value{btInst(withReversed)})
	assert.Equal(t, "[9, 8]", btOut(th, v, err), "__reversed__'s result is returned as is")

	notReversible := btClass("N", nil)
	notReversible.SetAttr("__reversed__", None)
	v, err = btCall(th, "reversed", []Value{btInst(notReversible)})
	assert.Equal(t, "TypeError: 'N' object is not reversible", btOut(th, v, err))

	seq := btClass("Seq", map[string]BuiltinFn{
		"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Int(3), nil },
		"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Binary(th, OpMul, args[0], Int(10))
		},
	})
	assert.Equal(t, "[20, 10, 0]", btListOf(th, "reversed", []Value{btInst(seq)}))
	v, err = btCall(th, "reversed", []Value{btInst(seq)})
	require.NoError(t, err)
	assert.Equal(t, "reversed", v.Type().Name)
}
