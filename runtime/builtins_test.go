package runtime

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Helpers shared by the tests of the built-in functions and the standard
// modules (prefixed bt to stay clear of other test files).

// btCase is one call of a built-in: py is the same call in Python, and
// want is what CPython 3.11 gives for it (repr of the result, or
// "Type: message"). testdata/btcases.py checks the want strings by
// running the py expressions under CPython.
type btCase struct {
	py   string
	fn   string
	args []Value
	kw   []Kwarg
	want string
}

func btBuiltin(name string) Value { return builtinsMap[name] }

// btCall calls the built-in function (or type) named name, or the
// function of a standard module named "module.name".
func btCall(th *Thread, name string, args []Value, kw ...Kwarg) (Value, error) {
	if mod, attr, ok := strings.Cut(name, "."); ok {
		m, err := btModule(th, mod)
		if err != nil {
			return Value{}, err
		}
		f, err := GetAttr(th, Obj(m), attr)
		if err != nil {
			return Value{}, err
		}
		return th.Call(f, args, kw)
	}
	f, ok := builtinsMap[name]
	if !ok {
		return Value{}, Errorf(NameError, "name '%s' is not defined", name)
	}
	return th.Call(f, args, kw)
}

// btModule imports a standard module on th.
func btModule(th *Thread, name string) (*Module, error) {
	if m, ok := th.Modules[name]; ok {
		return m, nil
	}
	load, ok := th.ModuleLoaders[name]
	if !ok {
		return nil, Errorf(ModuleNotFoundError, "No module named '%s'", name)
	}
	m := load(th)
	th.Modules[name] = m
	return m, nil
}

// btOut renders a result as the case tables expect it.
func btOut(th *Thread, v Value, err error) string {
	if err != nil {
		return AsException(err).Error()
	}
	s, err := Repr(th, v)
	if err != nil {
		return "repr failed: " + err.Error()
	}
	return s
}

func btList(items ...Value) Value  { return NewList(items) }
func btTuple(items ...Value) Value { return TupleOf(items...) }
func btStrs(ss ...string) Value {
	items := make([]Value, len(ss))
	for i, s := range ss {
		items[i] = Str(s)
	}
	return NewList(items)
}
func btInts(xs ...int64) Value {
	items := make([]Value, len(xs))
	for i, x := range xs {
		items[i] = Int(x)
	}
	return NewList(items)
}
func btRange(start, stop, step int64) Value {
	return Obj(&Range{Start: start, Stop: stop, Step: step})
}
func btDict(t testing.TB, kv ...Value) Value {
	d := NewDict()
	for i := 0; i < len(kv); i += 2 {
		require.NoError(t, d.SetItem(nil, kv[i], kv[i+1]))
	}
	return Obj(d)
}
func btSet(t testing.TB, items ...Value) Value {
	s := NewSet()
	for _, x := range items {
		require.NoError(t, s.Add(nil, x))
	}
	return Obj(s)
}
func btBig(t testing.TB, s string) Value {
	x, ok := new(bigInt).SetString(s, 10)
	require.True(t, ok)
	return BigInt(x)
}
func btKw(name string, v Value) Kwarg { return Kwarg{Name: name, Value: v} }

// btFunc makes a built-in function value from a Go function of one
// argument (standing in for a lambda).
func btFunc(f func(th *Thread, v Value) (Value, error)) Value {
	return NewBuiltin("<lambda>", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return f(th, args[0])
	})
}

// btNeg is `lambda x: -x`.
var btNeg = btFunc(func(th *Thread, v Value) (Value, error) { return Neg(th, v) })

// btClass makes a user class with the given built-in methods.
func btClass(name string, methods map[string]BuiltinFn) *Type {
	t := NewType(name, ObjectType)
	t.User = true
	t.Module = "__main__"
	t.Methods(methods)
	return t
}

func btInst(t *Type) Value { return Obj(&Instance{Class: t}) }

func runBtCases(t *testing.T, cases []btCase) {
	t.Helper()
	th := NewThread()
	for _, c := range cases {
		v, err := btCall(th, c.fn, c.args, c.kw...)
		assert.Equal(t, c.want, btOut(th, v, err), c.py)
	}
}

func TestBuiltinsNamespace(t *testing.T) {
	b := Builtins()
	for _, name := range []string{
		"print", "len", "range", "str", "repr", "int", "float", "bool", "list",
		"tuple", "dict", "set", "frozenset", "type", "object", "isinstance",
		"issubclass", "abs", "min", "max", "sum", "sorted", "reversed",
		"enumerate", "zip", "map", "filter", "any", "all", "round", "divmod",
		"pow", "hash", "id", "iter", "next", "hasattr", "getattr", "setattr",
		"delattr", "callable", "chr", "ord", "hex", "bin", "oct", "format",
		"input", "property", "staticmethod", "classmethod", "dir",
		"NotImplemented", "Ellipsis", "Exception", "BaseException", "ValueError",
		"KeyError", "StopIteration", "SystemExit", "ZeroDivisionError",
	} {
		_, ok := b[name]
		assert.True(t, ok, name)
	}
	for _, e := range builtinExceptions {
		assert.Equal(t, Obj(e), b[e.Name], e.Name)
	}
	// Each call returns a fresh map.
	b["len"] = None
	assert.NotEqual(t, None, Builtins()["len"])
	s, err := Repr(nil, Builtins()["len"])
	require.NoError(t, err)
	assert.Equal(t, "<built-in function len>", s)
}

func TestPrint(t *testing.T) {
	var out bytes.Buffer
	th := NewThread()
	th.Stdout = &out
	run := func(args []Value, kw ...Kwarg) string {
		out.Reset()
		v, err := btCall(th, "print", args, kw...)
		if err != nil {
			return out.String() + "!" + AsException(err).Error()
		}
		require.Equal(t, None, v)
		return out.String()
	}
	assert.Equal(t, "\n", run(nil))
	assert.Equal(t, "1 a 2.5 None True [1, 'x']\n", run([]Value{Int(1), Str("a"), Float(2.5), None, True, btList(Int(1), Str("x"))}))
	assert.Equal(t, "1-2", run([]Value{Int(1), Int(2)}, btKw("sep", Str("-")), btKw("end", Str(""))))
	assert.Equal(t, "1 2\n", run([]Value{Int(1), Int(2)}, btKw("sep", None), btKw("end", None)))
	assert.Equal(t, "x\n", run([]Value{Str("x")}, btKw("flush", True)))
	assert.Equal(t, "!TypeError: sep must be None or a string, not int", run([]Value{Int(1)}, btKw("sep", Int(1))))
	assert.Equal(t, "!TypeError: end must be None or a string, not int", run(nil, btKw("end", Int(1))))
	assert.Equal(t, "!TypeError: 'foo' is an invalid keyword argument for print()", run(nil, btKw("foo", Int(1))))
	assert.Equal(t, "!AttributeError: 'int' object has no attribute 'write'", run([]Value{Int(1)}, btKw("file", Int(1))))

	// User objects print through __str__; a failing __str__ leaves what
	// was printed before it.
	cls := btClass("P", map[string]BuiltinFn{
		"__str__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Str("<P>"), nil },
	})
	bad := btClass("Bad", map[string]BuiltinFn{
		"__str__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Value{}, Errorf(ValueError, "no str")
		},
	})
	assert.Equal(t, "<P> <P>\n", run([]Value{btInst(cls), btInst(cls)}))
	assert.Equal(t, "1 !ValueError: no str", run([]Value{Int(1), btInst(bad)}))

	// file=sys.stderr and a replaced sys.stdout.
	var errOut bytes.Buffer
	th.Stderr = &errOut
	// The sys module (lib/sys) is stood in for by one holding the streams.
	sys := NewModule("sys")
	sys.Set("stderr", NewStdStream(StreamStderr))
	th.Modules["sys"] = sys
	assert.Equal(t, "", run([]Value{Str("to err")}, btKw("file", sys.value("stderr"))))
	assert.Equal(t, "to err\n", errOut.String())
	var written []string
	sink := btClass("Sink", map[string]BuiltinFn{
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			written = append(written, args[0].obj.(*StrObj).S)
			return Int(int64(len(written))), nil
		},
	})
	sys.Set("stdout", btInst(sink))
	assert.Equal(t, "", run([]Value{Int(1), Int(2)}))
	assert.Equal(t, []string{"1", " ", "2", "\n"}, written)
	sys.Set("stdout", None)
	assert.Equal(t, "", run([]Value{Int(1)}))
}

func TestInput(t *testing.T) {
	var out bytes.Buffer
	th := NewThread()
	th.Stdout = &out
	th.Stdin = strings.NewReader("first line\nsecond\r\nlast")
	v, err := btCall(th, "input", []Value{Str("name? ")})
	require.NoError(t, err)
	assert.Equal(t, "'first line'", btOut(th, v, nil))
	assert.Equal(t, "name? ", out.String())
	v, err = btCall(th, "input", nil)
	assert.Equal(t, "'second'", btOut(th, v, err))
	v, err = btCall(th, "input", nil)
	assert.Equal(t, "'last'", btOut(th, v, err))
	v, err = btCall(th, "input", []Value{Int(5)})
	assert.Equal(t, "EOFError: EOF when reading a line", btOut(th, v, err))
	assert.Equal(t, "name? 5", out.String())
	v, err = btCall(th, "input", []Value{Int(1), Int(2)})
	assert.Equal(t, "TypeError: input expected at most 1 argument, got 2", btOut(th, v, err))
	v, err = btCall(th, "input", nil, btKw("prompt", Str("x")))
	assert.Equal(t, "TypeError: input() takes no keyword arguments", btOut(th, v, err))
}

func TestBuiltinsBasic(t *testing.T) {
	cls := btClass("C", nil)
	sized := btClass("Sized", map[string]BuiltinFn{
		"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Int(3), nil },
	})
	runBtCases(t, []btCase{
		{py: `len([1, 2])`, fn: "len", args: []Value{btInts(1, 2)}, want: `2`},
		{py: `len('héllo')`, fn: "len", args: []Value{Str("héllo")}, want: `5`},
		{py: `len()`, fn: "len", want: `TypeError: len() takes exactly one argument (0 given)`},
		{py: `len(1, 2)`, fn: "len", args: []Value{Int(1), Int(2)}, want: `TypeError: len() takes exactly one argument (2 given)`},
		{py: `len(5)`, fn: "len", args: []Value{Int(5)}, want: `TypeError: object of type 'int' has no len()`},
		{py: `len(x=1)`, fn: "len", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: len() takes no keyword arguments`},
		{py: `len(Sized())`, fn: "len", args: []Value{btInst(sized)}, want: `3`},
		{py: `repr('a')`, fn: "repr", args: []Value{Str("a")}, want: `"'a'"`},
		{py: `repr()`, fn: "repr", want: `TypeError: repr() takes exactly one argument (0 given)`},
		{py: `ascii('é')`, fn: "ascii", args: []Value{Str("é")}, want: `"'\\xe9'"`},
		{py: `ascii(['ü', 'ĀȀ', '😀'])`, fn: "ascii", args: []Value{btStrs("ü", "ĀȀ", "😀")}, want: `"['\\xfc', '\\u0100\\u0200', '\\U0001f600']"`},
		{py: `hash(1.0)`, fn: "hash", args: []Value{Float(1.0)}, want: `1`},
		{py: `hash(-1)`, fn: "hash", args: []Value{Int(-1)}, want: `-2`},
		{py: `hash([])`, fn: "hash", args: []Value{btList()}, want: `TypeError: unhashable type: 'list'`},
		{py: `id()`, fn: "id", want: `TypeError: id() takes exactly one argument (0 given)`},
		{py: `callable(len)`, fn: "callable", args: []Value{btBuiltin("len")}, want: `True`},
		{py: `callable(int)`, fn: "callable", args: []Value{Obj(IntType)}, want: `True`},
		{py: `callable(1)`, fn: "callable", args: []Value{Int(1)}, want: `False`},
		{py: `callable(C())`, fn: "callable", args: []Value{btInst(cls)}, want: `False`},
		{py: `callable()`, fn: "callable", want: `TypeError: callable() takes exactly one argument (0 given)`},
		{py: `any([0, '', 3])`, fn: "any", args: []Value{btList(Int(0), Str(""), Int(3))}, want: `True`},
		{py: `any([])`, fn: "any", args: []Value{btList()}, want: `False`},
		{py: `all([])`, fn: "all", args: []Value{btList()}, want: `True`},
		{py: `all([1, 0])`, fn: "all", args: []Value{btInts(1, 0)}, want: `False`},
		{py: `any(1)`, fn: "any", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `any()`, fn: "any", want: `TypeError: any() takes exactly one argument (0 given)`},
		{py: `sorted([3, 1, 2])`, fn: "sorted", args: []Value{btInts(3, 1, 2)}, want: `[1, 2, 3]`},
		{py: `sorted('bca', reverse=True)`, fn: "sorted", args: []Value{Str("bca")}, kw: []Kwarg{btKw("reverse", True)}, want: `['c', 'b', 'a']`},
		{py: `sorted([3, 1, 2], key=lambda x: -x)`, fn: "sorted", args: []Value{btInts(3, 1, 2)}, kw: []Kwarg{btKw("key", btNeg)}, want: `[3, 2, 1]`},
		{py: `sorted([3, 1], key=None)`, fn: "sorted", args: []Value{btInts(3, 1)}, kw: []Kwarg{btKw("key", None)}, want: `[1, 3]`},
		{py: `sorted()`, fn: "sorted", want: `TypeError: sorted expected 1 argument, got 0`},
		{py: `sorted([3, 1], None)`, fn: "sorted", args: []Value{btInts(3, 1), None}, want: `TypeError: sorted expected 1 argument, got 2`},
		{py: `sorted([], x=1)`, fn: "sorted", args: []Value{btList()}, kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: 'x' is an invalid keyword argument for sort()`},
		{py: `sorted([2, 1], reverse='a')`, fn: "sorted", args: []Value{btInts(2, 1)}, kw: []Kwarg{btKw("reverse", Str("a"))}, want: `TypeError: 'str' object cannot be interpreted as an integer`},
		{py: `sorted([2, 1], reverse=2.0)`, fn: "sorted", args: []Value{btInts(2, 1)}, kw: []Kwarg{btKw("reverse", Float(2))}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `sorted([1, 'a'])`, fn: "sorted", args: []Value{btList(Int(1), Str("a"))}, want: `TypeError: '<' not supported between instances of 'str' and 'int'`},
		{py: `format(3.5, '08.2f')`, fn: "format", args: []Value{Float(3.5), Str("08.2f")}, want: `'00003.50'`},
		{py: `format(1, 5)`, fn: "format", args: []Value{Int(1), Int(5)}, want: `TypeError: format() argument 2 must be str, not int`},
		{py: `format(C(), 'x')`, fn: "format", args: []Value{btInst(cls), Str("x")}, want: `TypeError: unsupported format string passed to C.__format__`},
		{py: `exit()`, fn: "exit", want: `SystemExit: None`},
		{py: `exit(3)`, fn: "exit", args: []Value{Int(3)}, want: `SystemExit: 3`},
	})
}

func TestBuiltinsNumeric(t *testing.T) {
	idx := btClass("Idx", map[string]BuiltinFn{
		"__index__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Int(255), nil },
	})
	runBtCases(t, []btCase{
		{py: `abs(-3)`, fn: "abs", args: []Value{Int(-3)}, want: `3`},
		{py: `abs(-2.5)`, fn: "abs", args: []Value{Float(-2.5)}, want: `2.5`},
		{py: `abs()`, fn: "abs", want: `TypeError: abs() takes exactly one argument (0 given)`},
		{py: `abs(x=1)`, fn: "abs", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: abs() takes no keyword arguments`},
		{py: `abs('a')`, fn: "abs", args: []Value{Str("a")}, want: `TypeError: bad operand type for abs(): 'str'`},
		{py: `min(3, 1, 2)`, fn: "min", args: []Value{Int(3), Int(1), Int(2)}, want: `1`},
		{py: `max([3, 1, 2])`, fn: "max", args: []Value{btInts(3, 1, 2)}, want: `3`},
		{py: `max('abc')`, fn: "max", args: []Value{Str("abc")}, want: `'c'`},
		{py: `min([1.5, 1, 2])`, fn: "min", args: []Value{btList(Float(1.5), Int(1), Int(2))}, want: `1`},
		{py: `max([1, 2, 3], [4, 5])`, fn: "max", args: []Value{btInts(1, 2, 3), btInts(4, 5)}, want: `[4, 5]`},
		{py: `min()`, fn: "min", want: `TypeError: min expected at least 1 argument, got 0`},
		{py: `max(key=len)`, fn: "max", kw: []Kwarg{btKw("key", btBuiltin("len"))}, want: `TypeError: max expected at least 1 argument, got 0`},
		{py: `min(1)`, fn: "min", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `min([])`, fn: "min", args: []Value{btList()}, want: `ValueError: min() arg is an empty sequence`},
		{py: `max([])`, fn: "max", args: []Value{btList()}, want: `ValueError: max() arg is an empty sequence`},
		{py: `min([], default=3)`, fn: "min", args: []Value{btList()}, kw: []Kwarg{btKw("default", Int(3))}, want: `3`},
		{py: `max([], key=len, default=None)`, fn: "max", args: []Value{btList()}, kw: []Kwarg{btKw("key", btBuiltin("len")), btKw("default", None)}, want: `None`},
		{py: `min(1, 2, default=3)`, fn: "min", args: []Value{Int(1), Int(2)}, kw: []Kwarg{btKw("default", Int(3))}, want: `TypeError: Cannot specify a default for min() with multiple positional arguments`},
		{py: `min([3, 1, 2], key=lambda x: -x)`, fn: "min", args: []Value{btInts(3, 1, 2)}, kw: []Kwarg{btKw("key", btNeg)}, want: `3`},
		{py: `max(['bb', 'a', 'cc'], key=len)`, fn: "max", args: []Value{btStrs("bb", "a", "cc")}, kw: []Kwarg{btKw("key", btBuiltin("len"))}, want: `'bb'`},
		{py: `min(['bb', 'a', 'c'], key=len)`, fn: "min", args: []Value{btStrs("bb", "a", "c")}, kw: []Kwarg{btKw("key", btBuiltin("len"))}, want: `'a'`},
		{py: `max(1, 2, 3, key=None)`, fn: "max", args: []Value{Int(1), Int(2), Int(3)}, kw: []Kwarg{btKw("key", None)}, want: `3`},
		{py: `min(1, 2, foo=3)`, fn: "min", args: []Value{Int(1), Int(2)}, kw: []Kwarg{btKw("foo", Int(3))}, want: `TypeError: 'foo' is an invalid keyword argument for min()`},
		{py: `max([1, 'a'])`, fn: "max", args: []Value{btList(Int(1), Str("a"))}, want: `TypeError: '>' not supported between instances of 'str' and 'int'`},
		{py: `max([1, 2], key=1)`, fn: "max", args: []Value{btInts(1, 2)}, kw: []Kwarg{btKw("key", Int(1))}, want: `TypeError: 'int' object is not callable`},
		{py: `sum([1, 2, 3])`, fn: "sum", args: []Value{btInts(1, 2, 3)}, want: `6`},
		{py: `sum([1, 2], 3)`, fn: "sum", args: []Value{btInts(1, 2), Int(3)}, want: `6`},
		{py: `sum([1, 2], start=3)`, fn: "sum", args: []Value{btInts(1, 2)}, kw: []Kwarg{btKw("start", Int(3))}, want: `6`},
		{py: `sum([0.1] * 10)`, fn: "sum", args: []Value{btList(Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1))}, want: `0.9999999999999999`},
		{py: `sum([1.5, 2])`, fn: "sum", args: []Value{btList(Float(1.5), Int(2))}, want: `3.5`},
		{py: `sum([2**62, 2**62, 2**62])`, fn: "sum", args: []Value{btInts(1<<62, 1<<62, 1<<62)}, want: `13835058055282163712`},
		{py: `sum([[1], [2]], [])`, fn: "sum", args: []Value{btList(btInts(1), btInts(2)), btList()}, want: `[1, 2]`},
		{py: `sum(['a'], '')`, fn: "sum", args: []Value{btStrs("a"), Str("")}, want: `TypeError: sum() can't sum strings [use ''.join(seq) instead]`},
		{py: `sum(['a'], 0)`, fn: "sum", args: []Value{btStrs("a"), Int(0)}, want: `TypeError: unsupported operand type(s) for +: 'int' and 'str'`},
		{py: `sum()`, fn: "sum", want: `TypeError: sum() takes at least 1 positional argument (0 given)`},
		{py: `sum(1, 2, 3)`, fn: "sum", args: []Value{Int(1), Int(2), Int(3)}, want: `TypeError: sum() takes at most 2 arguments (3 given)`},
		{py: `sum([1], foo=2)`, fn: "sum", args: []Value{btInts(1)}, kw: []Kwarg{btKw("foo", Int(2))}, want: `TypeError: 'foo' is an invalid keyword argument for sum()`},
		{py: `sum(iterable=[1])`, fn: "sum", kw: []Kwarg{btKw("iterable", btInts(1))}, want: `TypeError: sum() takes at least 1 positional argument (0 given)`},
		{py: `divmod(1)`, fn: "divmod", args: []Value{Int(1)}, want: `TypeError: divmod expected 2 arguments, got 1`},
		{py: `divmod(x=1)`, fn: "divmod", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: divmod() takes no keyword arguments`},
		{py: `round()`, fn: "round", want: `TypeError: round() missing required argument 'number' (pos 1)`},
		{py: `round(1.5, 2, 3)`, fn: "round", args: []Value{Float(1.5), Int(2), Int(3)}, want: `TypeError: round() takes at most 2 arguments (3 given)`},
		{py: `round(1.5, x=2)`, fn: "round", args: []Value{Float(1.5)}, kw: []Kwarg{btKw("x", Int(2))}, want: `TypeError: 'x' is an invalid keyword argument for round()`},
		{py: `pow(2)`, fn: "pow", args: []Value{Int(2)}, want: `TypeError: pow() missing required argument 'exp' (pos 2)`},
		{py: `pow(1, 2, 3, 4)`, fn: "pow", args: []Value{Int(1), Int(2), Int(3), Int(4)}, want: `TypeError: pow() takes at most 3 arguments (4 given)`},
		{py: `pow(base=2, exp=3)`, fn: "pow", kw: []Kwarg{btKw("base", Int(2)), btKw("exp", Int(3))}, want: `8`},
		{py: `chr(97)`, fn: "chr", args: []Value{Int(97)}, want: `'a'`},
		{py: `chr(0x1F600)`, fn: "chr", args: []Value{Int(0x1F600)}, want: `'😀'`},
		{py: `chr(True)`, fn: "chr", args: []Value{True}, want: `'\x01'`},
		{py: `chr(-1)`, fn: "chr", args: []Value{Int(-1)}, want: `ValueError: chr() arg not in range(0x110000)`},
		{py: `chr(0x110000)`, fn: "chr", args: []Value{Int(0x110000)}, want: `ValueError: chr() arg not in range(0x110000)`},
		{py: `chr(2**40)`, fn: "chr", args: []Value{Int(1 << 40)}, want: `OverflowError: Python int too large to convert to C int`},
		{py: `chr('a')`, fn: "chr", args: []Value{Str("a")}, want: `TypeError: 'str' object cannot be interpreted as an integer`},
		{py: `chr(1.5)`, fn: "chr", args: []Value{Float(1.5)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `ord('a')`, fn: "ord", args: []Value{Str("a")}, want: `97`},
		{py: `ord('€')`, fn: "ord", args: []Value{Str("€")}, want: `8364`},
		{py: `ord('')`, fn: "ord", args: []Value{Str("")}, want: `TypeError: ord() expected a character, but string of length 0 found`},
		{py: `ord('ab')`, fn: "ord", args: []Value{Str("ab")}, want: `TypeError: ord() expected a character, but string of length 2 found`},
		{py: `ord(1)`, fn: "ord", args: []Value{Int(1)}, want: `TypeError: ord() expected string of length 1, but int found`},
		{py: `ord(x='a')`, fn: "ord", kw: []Kwarg{btKw("x", Str("a"))}, want: `TypeError: ord() takes no keyword arguments`},
		{py: `hex(255)`, fn: "hex", args: []Value{Int(255)}, want: `'0xff'`},
		{py: `hex(-255)`, fn: "hex", args: []Value{Int(-255)}, want: `'-0xff'`},
		{py: `hex(2**70)`, fn: "hex", args: []Value{btBig(t, "1180591620717411303424")}, want: `'0x400000000000000000'`},
		{py: `hex(True)`, fn: "hex", args: []Value{True}, want: `'0x1'`},
		{py: `hex(Idx())`, fn: "hex", args: []Value{btInst(idx)}, want: `'0xff'`},
		{py: `hex(1.5)`, fn: "hex", args: []Value{Float(1.5)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `bin(-5)`, fn: "bin", args: []Value{Int(-5)}, want: `'-0b101'`},
		{py: `bin(0)`, fn: "bin", args: []Value{Int(0)}, want: `'0b0'`},
		{py: `oct(8)`, fn: "oct", args: []Value{Int(8)}, want: `'0o10'`},
	})
}

func TestBuiltinsIteration(t *testing.T) {
	runBtCases(t, []btCase{
		{py: `iter()`, fn: "iter", want: `TypeError: iter expected at least 1 argument, got 0`},
		{py: `iter(1)`, fn: "iter", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `iter(1, 2)`, fn: "iter", args: []Value{Int(1), Int(2)}, want: `TypeError: iter(v, w): v must be callable`},
		{py: `next()`, fn: "next", want: `TypeError: next expected at least 1 argument, got 0`},
		{py: `next(1)`, fn: "next", args: []Value{Int(1)}, want: `TypeError: 'int' object is not an iterator`},
		{py: `next([1])`, fn: "next", args: []Value{btInts(1)}, want: `TypeError: 'list' object is not an iterator`},
		{py: `next(iter([]), 1, 2)`, fn: "next", args: []Value{btInts(), Int(1), Int(2)}, want: `TypeError: next expected at most 2 arguments, got 3`},
	})
	th := NewThread()
	it, err := btCall(th, "iter", []Value{btInts(1, 2)})
	require.NoError(t, err)
	assert.Equal(t, "list_iterator", it.Type().Name)
	again, err := btCall(th, "iter", []Value{it})
	require.NoError(t, err)
	assert.True(t, again.Is(it), "iter(iterator) is the iterator")
	for _, want := range []string{"1", "2", "StopIteration", "StopIteration"} {
		v, err := btCall(th, "next", []Value{it})
		assert.Equal(t, want, btOut(th, v, err))
	}
	v, err := btCall(th, "next", []Value{it, Str("done")})
	assert.Equal(t, "'done'", btOut(th, v, err))

	// iter(callable, sentinel) calls until the sentinel comes back.
	n := int64(0)
	counter := NewBuiltin("counter", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		n++
		return Int(n), nil
	})
	ci, err := btCall(th, "iter", []Value{counter, Int(4)})
	require.NoError(t, err)
	assert.Equal(t, "callable_iterator", ci.Type().Name)
	items, err := Collect(th, ci)
	require.NoError(t, err)
	assert.Equal(t, "[1, 2, 3]", btOut(th, NewList(items), nil))
	items, err = Collect(th, ci)
	require.NoError(t, err)
	assert.Empty(t, items, "an exhausted callable_iterator stays exhausted")

	// A user iterator: iter() returns what __iter__ returns; next() calls
	// __next__, whose StopIteration the default replaces.
	var cls *Type
	count := 0
	cls = btClass("Countdown", map[string]BuiltinFn{
		"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return self, nil },
		"__next__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if count >= 2 {
				return Value{}, NewException(StopIteration, Str("end"))
			}
			count++
			return Int(int64(count)), nil
		},
	})
	obj := btInst(cls)
	r, err := btCall(th, "iter", []Value{obj})
	require.NoError(t, err)
	assert.True(t, r.Is(obj))
	for _, want := range []string{"1", "2", "StopIteration: end"} {
		v, err := btCall(th, "next", []Value{obj})
		assert.Equal(t, want, btOut(th, v, err))
	}
	v, err = btCall(th, "next", []Value{obj, None})
	assert.Equal(t, "None", btOut(th, v, err))
	v, err = btCall(th, "sum", []Value{btInst(cls)})
	assert.Equal(t, "0", btOut(th, v, err), "the class's shared counter is spent")
}

func TestIsInstance(t *testing.T) {
	base := btClass("Base", nil)
	sub := NewType("Sub", base)
	sub.User = true
	runBtCases(t, []btCase{
		{py: `isinstance(True, int)`, fn: "isinstance", args: []Value{True, Obj(IntType)}, want: `True`},
		{py: `isinstance(1, str)`, fn: "isinstance", args: []Value{Int(1), Obj(StrType)}, want: `False`},
		{py: `isinstance(1, object)`, fn: "isinstance", args: []Value{Int(1), Obj(ObjectType)}, want: `True`},
		{py: `isinstance(1, (str, (int,)))`, fn: "isinstance", args: []Value{Int(1), btTuple(Obj(StrType), btTuple(Obj(IntType)))}, want: `True`},
		{py: `isinstance(1, ())`, fn: "isinstance", args: []Value{Int(1), btTuple()}, want: `False`},
		{py: `isinstance(1, (int, 2))`, fn: "isinstance", args: []Value{Int(1), btTuple(Obj(IntType), Int(2))}, want: `True`},
		{py: `isinstance(1, (str, 2))`, fn: "isinstance", args: []Value{Int(1), btTuple(Obj(StrType), Int(2))}, want: `TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union`},
		{py: `isinstance(1, 2)`, fn: "isinstance", args: []Value{Int(1), Int(2)}, want: `TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union`},
		{py: `isinstance(1)`, fn: "isinstance", args: []Value{Int(1)}, want: `TypeError: isinstance expected 2 arguments, got 1`},
		{py: `isinstance(Sub(), Base)`, fn: "isinstance", args: []Value{btInst(sub), Obj(base)}, want: `True`},
		{py: `isinstance(Base(), Sub)`, fn: "isinstance", args: []Value{btInst(base), Obj(sub)}, want: `False`},
		{py: `isinstance(ValueError(), Exception)`, fn: "isinstance", args: []Value{Obj(NewException(ValueError)), Obj(ExceptionType)}, want: `True`},
		{py: `isinstance(int, type)`, fn: "isinstance", args: []Value{Obj(IntType), Obj(TypeType)}, want: `True`},
		{py: `issubclass(bool, int)`, fn: "issubclass", args: []Value{Obj(BoolType), Obj(IntType)}, want: `True`},
		{py: `issubclass(bool, (str, int))`, fn: "issubclass", args: []Value{Obj(BoolType), btTuple(Obj(StrType), Obj(IntType))}, want: `True`},
		{py: `issubclass(KeyError, LookupError)`, fn: "issubclass", args: []Value{Obj(KeyError), Obj(LookupError)}, want: `True`},
		{py: `issubclass(1, int)`, fn: "issubclass", args: []Value{Int(1), Obj(IntType)}, want: `TypeError: issubclass() arg 1 must be a class`},
		{py: `issubclass(bool, 1)`, fn: "issubclass", args: []Value{Obj(BoolType), Int(1)}, want: `TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union`},
		{py: `issubclass(int, int, 1)`, fn: "issubclass", args: []Value{Obj(IntType), Obj(IntType), Int(1)}, want: `TypeError: issubclass expected 2 arguments, got 3`},
	})
}

func TestAttributeBuiltins(t *testing.T) {
	cls := btClass("C", nil)
	obj := btInst(cls)
	runBtCases(t, []btCase{
		{py: `setattr(o, 'x', 5)`, fn: "setattr", args: []Value{obj, Str("x"), Int(5)}, want: `None`},
		{py: `getattr(o, 'x')`, fn: "getattr", args: []Value{obj, Str("x")}, want: `5`},
		{py: `hasattr(o, 'x')`, fn: "hasattr", args: []Value{obj, Str("x")}, want: `True`},
		{py: `delattr(o, 'x')`, fn: "delattr", args: []Value{obj, Str("x")}, want: `None`},
		{py: `hasattr(o, 'x')`, fn: "hasattr", args: []Value{obj, Str("x")}, want: `False`},
		{py: `getattr(o, 'x')`, fn: "getattr", args: []Value{obj, Str("x")}, want: `AttributeError: 'C' object has no attribute 'x'`},
		{py: `getattr(o, 'x', 3)`, fn: "getattr", args: []Value{obj, Str("x"), Int(3)}, want: `3`},
		{py: `delattr(o, 'x')`, fn: "delattr", args: []Value{obj, Str("x")}, want: `AttributeError: 'C' object has no attribute 'x'`},
		{py: `getattr(1, 'x')`, fn: "getattr", args: []Value{Int(1), Str("x")}, want: `AttributeError: 'int' object has no attribute 'x'`},
		{py: `getattr(1, 2)`, fn: "getattr", args: []Value{Int(1), Int(2)}, want: `TypeError: attribute name must be string, not 'int'`},
		{py: `getattr(1)`, fn: "getattr", args: []Value{Int(1)}, want: `TypeError: getattr expected at least 2 arguments, got 1`},
		{py: `getattr(1, 'x', 2, 3)`, fn: "getattr", args: []Value{Int(1), Str("x"), Int(2), Int(3)}, want: `TypeError: getattr expected at most 3 arguments, got 4`},
		{py: `hasattr(1)`, fn: "hasattr", args: []Value{Int(1)}, want: `TypeError: hasattr expected 2 arguments, got 1`},
		{py: `hasattr(1, 2)`, fn: "hasattr", args: []Value{Int(1), Int(2)}, want: `TypeError: attribute name must be string, not 'int'`},
		{py: `setattr(1, 'x')`, fn: "setattr", args: []Value{Int(1), Str("x")}, want: `TypeError: setattr expected 3 arguments, got 2`},
		{py: `setattr(int, 'x', 1)`, fn: "setattr", args: []Value{Obj(IntType), Str("x"), Int(1)}, want: `TypeError: cannot set 'x' attribute of immutable type 'int'`},
		{py: `delattr(1, 2)`, fn: "delattr", args: []Value{Int(1), Int(2)}, want: `TypeError: attribute name must be string, not 'int'`},
	})
}

func TestDir(t *testing.T) {
	th := NewThread()
	cls := btClass("A", map[string]BuiltinFn{
		"f": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return None, nil },
	})
	cls.SetAttr("x", Int(1))
	obj := btInst(cls)
	require.NoError(t, SetAttr(th, obj, "y", Int(2)))
	v, err := btCall(th, "dir", []Value{obj})
	// As CPython 3.11 lists it for `class A: x = 1; def f(self): pass`.
	assert.Equal(t, "['__class__', '__delattr__', '__dict__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__', '__getstate__', '__gt__', '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__module__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__', '__weakref__', 'f', 'x', 'y']", btOut(th, v, err))
	v, err = btCall(th, "dir", []Value{Obj(ObjectType)})
	assert.Equal(t, "['__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__', '__getstate__', '__gt__', '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__']", btOut(th, v, err))
	custom := btClass("D", map[string]BuiltinFn{
		"__dir__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return btStrs("b", "a"), nil },
	})
	v, err = btCall(th, "dir", []Value{btInst(custom)})
	assert.Equal(t, "['a', 'b']", btOut(th, v, err))
	m := NewModule("m")
	m.Set("zeta", Int(1))
	m.Set("alpha", Int(2))
	v, err = btCall(th, "dir", []Value{Obj(m)})
	assert.Equal(t, "['__doc__', '__loader__', '__name__', '__package__', '__spec__', 'alpha', 'zeta']", btOut(th, v, err))
	v, err = btCall(th, "dir", []Value{Int(1), Int(2)})
	assert.Equal(t, "TypeError: dir expected at most 1 argument, got 2", btOut(th, v, err))
	v, err = btCall(th, "dir", []Value{Int(1)}, btKw("x", Int(2)))
	assert.Equal(t, "TypeError: dir() takes no keyword arguments", btOut(th, v, err))
}

func TestDescriptorConstructors(t *testing.T) {
	th := NewThread()
	getter := btFunc(func(th *Thread, self Value) (Value, error) { return Int(42), nil })
	p, err := btCall(th, "property", []Value{getter})
	require.NoError(t, err)
	cls := btClass("C", nil)
	cls.SetAttr("p", p)
	v, err := GetAttr(th, btInst(cls), "p")
	assert.Equal(t, "42", btOut(th, v, err))
	err = SetAttr(th, btInst(cls), "p", Int(1))
	assert.Equal(t, "AttributeError: property of 'C' object has no setter", btOut(th, Value{}, err))

	f := btBuiltin("len")
	sm, err := btCall(th, "staticmethod", []Value{f})
	require.NoError(t, err)
	assert.Equal(t, StaticMethodType, sm.Type())
	cm, err := btCall(th, "classmethod", []Value{f})
	require.NoError(t, err)
	assert.Equal(t, ClassMethodType, cm.Type())
	runBtCases(t, []btCase{
		{py: `staticmethod()`, fn: "staticmethod", want: `TypeError: staticmethod expected 1 argument, got 0`},
		{py: `staticmethod(1, x=2)`, fn: "staticmethod", args: []Value{Int(1)}, kw: []Kwarg{btKw("x", Int(2))}, want: `TypeError: staticmethod() takes no keyword arguments`},
		{py: `classmethod(1, 2)`, fn: "classmethod", args: []Value{Int(1), Int(2)}, want: `TypeError: classmethod expected 1 argument, got 2`},
		{py: `property(1, 2, 3, 4, 5)`, fn: "property", args: []Value{Int(1), Int(2), Int(3), Int(4), Int(5)}, want: `TypeError: property() takes at most 4 arguments (5 given)`},
		{py: `property(x=1)`, fn: "property", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: 'x' is an invalid keyword argument for property()`},
		{py: `type(1)`, fn: "type", args: []Value{Int(1)}, want: `<class 'int'>`},
		{py: `type(1, 2)`, fn: "type", args: []Value{Int(1), Int(2)}, want: `TypeError: type() takes 1 or 3 arguments`},
		{py: `type('A', 1, {})`, fn: "type", args: []Value{Str("A"), Int(1), btDict(t)}, want: `TypeError: type.__new__() argument 2 must be tuple, not int`},
		{py: `type('A', (), 1)`, fn: "type", args: []Value{Str("A"), btTuple(), Int(1)}, want: `TypeError: type.__new__() argument 3 must be dict, not int`},
		{py: `type(1, (), {})`, fn: "type", args: []Value{Int(1), btTuple(), btDict(t)}, want: `TypeError: type.__new__() argument 1 must be str, not int`},
		{py: `type('A', (bool,), {})`, fn: "type", args: []Value{Str("A"), btTuple(Obj(BoolType)), btDict(t)}, want: `TypeError: type 'bool' is not an acceptable base type`},
		{py: `type('A', (), {})`, fn: "type", args: []Value{Str("A"), btTuple(), btDict(t)}, want: `<class '__main__.A'>`},
	})
	a, err := btCall(th, "type", []Value{Str("A"), btTuple(Obj(ValueError)), btDict(t, Str("x"), Int(7))})
	require.NoError(t, err)
	at := a.obj.(*Type)
	assert.True(t, at.IsSubtype(ExceptionType))
	v, err = GetAttr(th, a, "x")
	assert.Equal(t, "7", btOut(th, v, err))
}

func TestVars(t *testing.T) {
	cls := btClass("A", nil)
	obj := btInst(cls)
	th := NewThread()
	require.NoError(t, SetAttr(th, obj, "x", Int(1)))
	runBtCases(t, []btCase{
		{py: `vars(o)`, fn: "vars", args: []Value{obj}, want: `{'x': 1}`}, // SKIPCHECK (o differs in the checker)
		{py: `vars(1)`, fn: "vars", args: []Value{Int(1)}, want: `TypeError: vars() argument must have __dict__ attribute`},
		{py: `vars(1, 2)`, fn: "vars", args: []Value{Int(1), Int(2)}, want: `TypeError: vars expected at most 1 argument, got 2`},
		{py: `vars(x=1)`, fn: "vars", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: vars() takes no keyword arguments`},
	})
}
