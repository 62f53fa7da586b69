package interp_test

import (
	"context"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

type Address struct {
	City string `aio:"city"`
	Zip  string `aio:"zip"`
}

type Base struct {
	ID int `aio:"id"`
}

type Customer struct {
	Base
	Name    string            `aio:"name"`
	Tags    []string          `aio:"tags"`
	Address *Address          `aio:"address"`
	Scores  map[string]int    `aio:"scores"`
	Secret  string            `aio:"-"`
	Plain   bool              // no tag: the Go name
	Extra   map[string]any    `aio:"extra,omitempty"`
	hidden  int               //nolint:unused // unexported: not converted
	Nested  map[int][]float64 `aio:"nested"`
}

func reprOf(t *testing.T, x any) string {
	t.Helper()
	v, err := interp.ToValue(x)
	require.NoError(t, err)
	s, err := runtime.Repr(nil, v)
	require.NoError(t, err)
	return s
}

func TestToValue(t *testing.T) {
	type small struct{ A, B int }
	var nilPtr *Address
	var nilSlice []int
	var nilMap map[string]int
	var nilIface error
	cases := []struct {
		in   any
		want string
	}{
		{nil, "None"},
		{true, "True"},
		{false, "False"},
		{42, "42"},
		{int8(-8), "-8"},
		{int16(16), "16"},
		{int32(32), "32"},
		{int64(math.MinInt64), "-9223372036854775808"},
		{uint(7), "7"},
		{uint8(255), "255"},
		{uint16(65535), "65535"},
		{uint32(1 << 31), "2147483648"},
		{uint64(math.MaxUint64), "18446744073709551615"},
		{uintptr(9), "9"},
		{big.NewInt(0).Lsh(big.NewInt(1), 100), "1267650600228229401496703205376"},
		{float32(1.5), "1.5"},
		{2.25, "2.25"},
		{math.Inf(-1), "-inf"},
		{"héllo", "'héllo'"},
		{1500 * time.Millisecond, "1.5"},
		{[]int{1, 2}, "[1, 2]"},
		{[2]string{"a", "b"}, "['a', 'b']"},
		{[]any{1, "x", nil, []bool{true}}, "[1, 'x', None, [True]]"},
		{[]byte("hi"), "[104, 105]"},
		{nilSlice, "[]"},
		{map[string]int{"b": 2, "a": 1, "c": 3}, "{'a': 1, 'b': 2, 'c': 3}"},
		{map[int]string{3: "c", -1: "a"}, "{-1: 'a', 3: 'c'}"},
		{map[bool]int{true: 1, false: 0}, "{False: 0, True: 1}"},
		{nilMap, "{}"},
		{small{1, 2}, "small(A=1, B=2)"},
		{&small{3, 4}, "small(A=3, B=4)"},
		{nilPtr, "None"},
		{nilIface, "None"},
		{errors.New("boom"), "RuntimeError('boom')"},
		{interp.RaiseAs(runtime.ValueError, errors.New("v")), "ValueError('v')"},
		{runtime.Str("raw"), "'raw'"},
		{runtime.Value{}, "None"},
		{runtime.ValueError, "<class 'ValueError'>"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, reprOf(t, c.in), "%T %v", c.in, c.in)
	}
	cust := Customer{Base: Base{7}, Name: "Ada", Tags: []string{"vip"}, Address: &Address{"Paris", "75001"},
		Scores: map[string]int{"q1": 3}, Secret: "s", Plain: true, Nested: map[int][]float64{1: {0.5}}}
	assert.Equal(t, "Customer(id=7, name='Ada', tags=['vip'], address=Address(city='Paris', zip='75001'), scores={'q1': 3}, Plain=True, extra={}, nested={1: [0.5]})", reprOf(t, cust))

	for _, bad := range []any{make(chan int), complex(1, 2), map[[2]int]int{}, []chan int{nil}, struct{ C chan int }{}} {
		_, err := interp.ToValue(bad)
		assert.Error(t, err, "%T", bad)
	}
	type loop struct{ Next *loop }
	l := &loop{}
	l.Next = l
	_, err := interp.ToValue(l)
	assert.ErrorContains(t, err, "nested too deeply")
}

func TestFromValue(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	cases := []struct {
		expr string
		want any
	}{
		{"None", nil},
		{"True", true},
		{"-3", int64(-3)},
		{"2.5", 2.5},
		{"'x'", "x"},
		{"[1, 'a', None]", []any{int64(1), "a", nil}},
		{"(1, (2,))", []any{int64(1), []any{int64(2)}}},
		{"{3}", []any{int64(3)}},
		{"{'a': [1], 'b': {'c': 2.0}}", map[string]any{"a": []any{int64(1)}, "b": map[string]any{"c": 2.0}}},
		{"{1: 'one', 'two': 2}", map[any]any{int64(1): "one", "two": int64(2)}},
	}
	for _, c := range cases {
		v, err := in.Eval(context.Background(), c.expr)
		require.NoError(t, err, c.expr)
		assert.Equal(t, c.want, v, c.expr)
	}
	v, err := in.Eval(context.Background(), "2**100")
	require.NoError(t, err)
	want, _ := new(big.Int).SetString("1267650600228229401496703205376", 10)
	assert.Equal(t, 0, want.Cmp(v.(*big.Int)))

	v, err = in.Eval(context.Background(), "ValueError('bad', 1)")
	require.NoError(t, err)
	var e *interp.Error
	require.ErrorAs(t, v.(error), &e)
	assert.Equal(t, "ValueError", e.Type)
	assert.Equal(t, "('bad', 1)", e.Message)

	// Values with no Go form come back as runtime.Value, usable with Call.
	v, err = in.Eval(context.Background(), "lambda x: x + 1")
	require.NoError(t, err)
	fn, ok := v.(runtime.Value)
	require.True(t, ok)
	r, err := in.Call(context.Background(), fn, 41)
	require.NoError(t, err)
	assert.Equal(t, int64(42), r)

	_, err = in.Eval(context.Background(), "{(1, 2): 'tuple key'}")
	assert.ErrorContains(t, err, "no comparable Go form")
	_, err = interp.FromValue(mustEval(t, in, "{(1, 2): 'tuple key'}"))
	assert.ErrorContains(t, err, "no comparable Go form")
}

func mustEval(t *testing.T, in *interp.Interp, expr string) runtime.Value {
	t.Helper()
	v, err := in.EvalValue(context.Background(), expr)
	require.NoError(t, err)
	return v
}

func TestDecodeValue(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	var c Customer
	require.NoError(t, interp.DecodeValue(mustEval(t, in,
		`{"id": 9, "name": "Bob", "tags": ["a", "b"], "address": {"city": "Oslo", "zip": "0150"}, "scores": {"x": 1}, "Plain": True, "extra": {"k": [1]}, "nested": {2: [1, 2.5]}}`), &c))
	assert.Equal(t, Customer{Base: Base{9}, Name: "Bob", Tags: []string{"a", "b"}, Address: &Address{"Oslo", "0150"},
		Scores: map[string]int{"x": 1}, Plain: true, Extra: map[string]any{"k": []any{int64(1)}}, Nested: map[int][]float64{2: {1, 2.5}}}, c)

	// Round trip through a record, changed by the script.
	require.NoError(t, in.Set("c", c))
	_, err := in.Eval(context.Background(), "setattr(c, 'name', 'Bobby')")
	require.NoError(t, err)
	got, err := in.Get("c")
	require.NoError(t, err)
	c.Name = "Bobby"
	assert.Equal(t, c, got)
	var c2 Customer
	require.NoError(t, interp.DecodeValue(mustEval(t, in, "c"), &c2))
	assert.Equal(t, c, c2)

	var (
		i8  int8
		u   uint32
		f   float32
		s   string
		b   bool
		d   time.Duration
		bi  *big.Int
		arr [2]int
		p   *int
		a   any
		rv  runtime.Value
		m   map[int]string
	)
	for _, x := range []struct {
		expr string
		dst  any
		want any
	}{
		{"-128", &i8, int8(-128)},
		{"4000000000", &u, uint32(4000000000)},
		{"3", &f, float32(3)},
		{"'s'", &s, "s"},
		{"False", &b, false},
		{"0.25", &d, 250 * time.Millisecond},
		{"2", &d, 2 * time.Second},
		{"2**70", &bi, new(big.Int).Lsh(big.NewInt(1), 70)},
		{"[4, 5]", &arr, [2]int{4, 5}},
		{"7", &p, ptr(7)},
		{"None", &p, (*int)(nil)},
		{"[1, 'x']", &a, []any{int64(1), "x"}},
		{"'raw'", &rv, runtime.Str("raw")},
		{"{1: 'a'}", &m, map[int]string{1: "a"}},
	} {
		require.NoError(t, interp.DecodeValue(mustEval(t, in, x.expr), x.dst), x.expr)
		switch want := x.want.(type) {
		case *big.Int:
			assert.Equal(t, 0, want.Cmp(bi), x.expr)
		case runtime.Value:
			assert.Equal(t, "raw", rv.Object().(*runtime.StrObj).S)
		default:
			assert.Equal(t, x.want, deref(x.dst), x.expr)
		}
	}

	for _, x := range []struct {
		expr string
		dst  any
		msg  string
	}{
		{"128", &i8, "Python int too large to convert to Go int8"},
		{"-1", &u, "can't convert negative int to unsigned"},
		{"'1'", &f, "expected float, got str"},
		{"1", &s, "expected str, got int"},
		{"[1, 2, 3]", &arr, "expected a list of 2 items, got 3"},
		{"[1, 'x']", &arr, "at [1]: expected int, got str"},
		{`{"address": {"town": "x"}}`, &c, `at address: interp_test.Address has no field "town"`},
		{`{"tags": [1]}`, &c, "at tags[0]: expected str, got int"},
		{`{1: 'x'}`, &c, "dict key 1 is not a str"},
		{"{'a': 'x'}", &m, "at [key 'a']: expected int, got str"},
	} {
		err := interp.DecodeValue(mustEval(t, in, x.expr), x.dst)
		assert.ErrorContains(t, err, x.msg, x.expr)
	}
	assert.ErrorContains(t, interp.DecodeValue(runtime.None, c), "non-nil pointer")
}

func ptr[T any](v T) *T { return &v }

func deref(p any) any {
	switch p := p.(type) {
	case *int8:
		return *p
	case *uint32:
		return *p
	case *float32:
		return *p
	case *string:
		return *p
	case *bool:
		return *p
	case *time.Duration:
		return *p
	case *[2]int:
		return *p
	case **int:
		return *p
	case *any:
		return *p
	case *map[int]string:
		return *p
	}
	return p
}

// Conversions as host functions see them: every supported parameter and
// result type, round trip through a script.
func TestConversionsThroughScript(t *testing.T) {
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Set("echo_customer", func(c Customer) Customer { return c }))
	require.NoError(t, in.Set("echo_ptr", func(c *Customer) *Customer { return c }))
	require.NoError(t, in.Set("echo_any", func(x any) any { return x }))
	require.NoError(t, in.Set("echo_err", func(e error) string {
		if e == nil {
			return "nil"
		}
		return e.Error()
	}))
	require.NoError(t, in.Set("make_err", func(msg string) error { return errors.New(msg) }))
	require.NoError(t, in.Set("nums", func(a int8, b uint16, c float32, d uint64, e time.Duration) []any {
		return []any{a, b, c, d, e}
	}))
	got := run(t, in, out, `
c = echo_customer({"id": 1, "name": "Ann", "address": {"city": "Rome", "zip": "00100"}})
print(c.id, c.name, c.address.city, c.tags, c.scores)
print(echo_ptr(None), echo_ptr(c).name)
print(echo_any([1, {"k": (2, None)}]))
print(echo_err(ValueError("v")), echo_err(None))
try:
    make_err("boom")
except RuntimeError as e:
    print("raised", e)
print(nums(-1, 65535, 0.5, 2**64 - 1, 0.001))
`)
	assert.Equal(t, `1 Ann Rome [] {}
None Ann
[1, {'k': [2, None]}]
ValueError: v nil
raised boom
[-1, 65535, 0.5, 18446744073709551615, 0.001]
`, got)
}
