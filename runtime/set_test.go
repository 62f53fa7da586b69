package runtime

import (
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Helpers shared by the container tests (prefixed ct to stay clear of
// other test files in the package).

// ctVal parses a Python literal as repr writes it: ints of any size,
// floats, True/False/None, 'str', and nested tuples, lists, dicts and
// sets. A set display of three or more elements is built as CPython
// builds a constant display (NewSetFromConsts); smaller ones element by
// element.
func ctVal(t testing.TB, s string) Value {
	t.Helper()
	p := &ctParser{t: t, s: s}
	v := p.value()
	p.space()
	require.Equal(t, len(s), p.i, "trailing input in %q", s)
	return v
}

type ctParser struct {
	t testing.TB
	s string
	i int
}

func (p *ctParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *ctParser) value() Value {
	p.space()
	s := p.s[p.i:]
	switch {
	case strings.HasPrefix(s, "True"):
		p.i += 4
		return True
	case strings.HasPrefix(s, "False"):
		p.i += 5
		return False
	case strings.HasPrefix(s, "None"):
		p.i += 4
		return None
	case s[0] == '\'':
		end := strings.IndexByte(s[1:], '\'')
		p.i += end + 2
		return Str(s[1 : end+1])
	case s[0] == '(' || s[0] == '[' || s[0] == '{':
		return p.container()
	}
	end := strings.IndexAny(s, ",)]}: ")
	if end < 0 {
		end = len(s)
	}
	tok := s[:end]
	p.i += end
	if strings.ContainsAny(tok, ".en") {
		f, err := strconv.ParseFloat(tok, 64)
		require.NoError(p.t, err, tok)
		return Float(f)
	}
	x, ok := new(big.Int).SetString(tok, 10)
	require.True(p.t, ok, tok)
	return BigInt(x)
}

func (p *ctParser) container() Value {
	open := p.s[p.i]
	close := map[byte]byte{'(': ')', '[': ']', '{': '}'}[open]
	p.i++
	var items, vals []Value
	trailingComma := false
	for {
		p.space()
		if p.s[p.i] == close {
			p.i++
			break
		}
		items = append(items, p.value())
		p.space()
		if p.s[p.i] == ':' {
			p.i++
			vals = append(vals, p.value())
			p.space()
		}
		trailingComma = false
		if p.s[p.i] == ',' {
			p.i++
			trailingComma = true
		}
	}
	switch open {
	case '(':
		if len(items) == 1 && !trailingComma {
			return items[0]
		}
		return Obj(NewTuple(items))
	case '[':
		return NewList(items)
	}
	if vals != nil || len(items) == 0 {
		d := NewDict()
		for i := range items {
			require.NoError(p.t, d.SetItem(nil, items[i], vals[i]))
		}
		return Obj(d)
	}
	if len(items) >= 3 {
		s, err := NewSetFromConsts(nil, items)
		require.NoError(p.t, err)
		return Obj(s)
	}
	s := NewSet()
	for _, v := range items {
		require.NoError(p.t, s.Add(nil, v))
	}
	return Obj(s)
}

// ctVals parses several literals.
func ctVals(t testing.TB, lits ...string) []Value {
	out := make([]Value, len(lits))
	for i, l := range lits {
		out[i] = ctVal(t, l)
	}
	return out
}

// ctInts makes int values.
func ctInts(xs ...int64) []Value {
	out := make([]Value, len(xs))
	for i, x := range xs {
		out[i] = Int(x)
	}
	return out
}

// ctCall calls recv.name(*args, **kw).
func ctCall(th *Thread, recv Value, name string, args []Value, kw ...Kwarg) (Value, error) {
	m, err := GetAttr(th, recv, name)
	if err != nil {
		return Value{}, err
	}
	return th.Call(m, args, kw)
}

// ctOut renders a result the way the CPython scripts that produced the
// expectations print it: repr of the value, or "Type: message".
func ctOut(th *Thread, v Value, err error) string {
	if err != nil {
		return err.Error()
	}
	s, err := Repr(th, v)
	if err != nil {
		return "repr failed: " + err.Error()
	}
	return s
}

// ctRepr is repr(v) for a value that must not fail.
func ctRepr(t testing.TB, th *Thread, v Value) string {
	t.Helper()
	s, err := Repr(th, v)
	require.NoError(t, err)
	return s
}

// ctSet builds a set like a display {a, b, c}: elements added in order.
func ctSet(t testing.TB, th *Thread, items ...Value) *Set {
	t.Helper()
	s := NewSet()
	for _, v := range items {
		require.NoError(t, s.Add(th, v))
	}
	return s
}

var ctOps = map[string]Op{"|": OpOr, "&": OpAnd, "-": OpSub, "^": OpXor}

// runSetCase replays one program of testdata/set_cases.txt.
func runSetCase(t *testing.T, th *Thread, ops []string) []string {
	env := map[string]Value{}
	var out []string
	emit := func(v Value, err error) {
		out = append(out, ctOut(th, v, err))
	}
	for _, line := range ops {
		f := strings.Fields(line)
		switch f[0] {
		case "new":
			v, err := SetType.Call(th, []Value{NewList(ctVals(t, f[2:]...))}, nil)
			require.NoError(t, err)
			env[f[1]] = v
		case "add", "disc", "rem":
			name := map[string]string{"add": "add", "disc": "discard", "rem": "remove"}[f[0]]
			if _, err := ctCall(th, env[f[1]], name, ctVals(t, f[2])); err != nil {
				emit(Value{}, err)
			}
		case "many":
			for _, v := range ctVals(t, f[2:]...) {
				if _, err := ctCall(th, env[f[1]], "add", []Value{v}); err != nil {
					emit(Value{}, err)
					break
				}
			}
		case "pop":
			emit(ctCall(th, env[f[1]], "pop", nil))
		case "bin":
			v, err := Binary(th, ctOps[f[1]], env[f[3]], env[f[4]])
			if err != nil {
				emit(v, err)
				continue
			}
			env[f[2]] = v
		case "inp":
			v, err := InPlace(th, ctOps[f[1]], env[f[2]], env[f[3]])
			if err != nil {
				emit(v, err)
				continue
			}
			env[f[2]] = v
		case "meth", "methl":
			var arg Value
			if f[0] == "methl" {
				arg = NewList(ctVals(t, f[4:]...))
			} else {
				arg = env[f[4]]
			}
			v, err := ctCall(th, env[f[3]], f[1], []Value{arg})
			if err != nil {
				emit(v, err)
				continue
			}
			env[f[2]] = v
		case "upd", "updl":
			var arg Value
			if f[0] == "updl" {
				arg = NewList(ctVals(t, f[3:]...))
			} else {
				arg = env[f[3]]
			}
			if _, err := ctCall(th, env[f[2]], f[1], []Value{arg}); err != nil {
				emit(Value{}, err)
			}
		case "updd":
			d, err := ctCall(th, Obj(DictType), "fromkeys", []Value{NewList(ctVals(t, f[2:]...))})
			require.NoError(t, err)
			if _, err := ctCall(th, env[f[1]], "update", []Value{d}); err != nil {
				emit(Value{}, err)
			}
		case "copy":
			v, err := ctCall(th, env[f[2]], "copy", nil)
			require.NoError(t, err)
			env[f[1]] = v
		case "frz":
			v, err := FrozenSetType.Call(th, []Value{env[f[2]]}, nil)
			require.NoError(t, err)
			env[f[1]] = v
		case "clear":
			if _, err := ctCall(th, env[f[1]], "clear", nil); err != nil {
				emit(Value{}, err)
			}
		case "print":
			emit(env[f[1]], nil)
		case "cmp":
			a, b := env[f[1]], env[f[2]]
			var res []Value
			for _, op := range []CmpOp{CmpLE, CmpEQ, CmpLT} {
				r, err := Compare(th, op, a, b)
				require.NoError(t, err)
				res = append(res, r)
			}
			for _, m := range []string{"isdisjoint", "issubset", "issuperset"} {
				r, err := ctCall(th, a, m, []Value{b})
				require.NoError(t, err)
				res = append(res, r)
			}
			emit(TupleOf(res...), nil)
		case "fhash":
			fs, err := FrozenSetType.Call(th, []Value{env[f[1]]}, nil)
			require.NoError(t, err)
			h, err := Hash(th, fs)
			emit(Int(h), err)
		default:
			t.Fatalf("unknown op %q", f[0])
		}
	}
	return out
}

// TestSetCasesMatchCPython replays random programs (adds, removals, pops,
// operators, in-place operators, methods with set, list and dict
// arguments, copies) whose output CPython 3.11 produced; see
// testdata/set_cases_gen.py.
func TestSetCasesMatchCPython(t *testing.T) {
	data, err := os.ReadFile("testdata/set_cases.txt")
	require.NoError(t, err)
	cases := strings.Split(strings.TrimSuffix(string(data), "==\n"), "==\n")
	require.Greater(t, len(cases), 100)
	for i, c := range cases {
		parts := strings.SplitN(c, "--\n", 2)
		require.Len(t, parts, 2)
		ops := strings.Split(strings.TrimSuffix(parts[0], "\n"), "\n")
		var want []string
		if w := strings.TrimSuffix(parts[1], "\n"); w != "" {
			want = strings.Split(w, "\n")
		}
		got := runSetCase(t, NewThread(), ops)
		if !assert.Equal(t, want, got, "case %d:\n%s", i, parts[0]) {
			return
		}
	}
}

func TestSetDisplayOrder(t *testing.T) {
	th := NewThread()
	// Expected values printed by CPython 3.11.
	tests := []struct {
		items []string
		want  string
	}{
		{[]string{"3", "1", "2"}, "{1, 2, 3}"},
		{[]string{"10", "5", "100", "7"}, "{10, 100, 5, 7}"},
		{[]string{"-1", "-2", "0"}, "{0, -1, -2}"},
		{[]string{"1.5", "2.5", "0.5"}, "{0.5, 1.5, 2.5}"},
		{[]string{"(1,2)", "(2,1)", "(0,)"}, "{(0,), (1, 2), (2, 1)}"},
		{[]string{"True", "1", "1.0", "False", "0"}, "{False, True}"},
		{[]string{"64", "32", "16", "8", "0"}, "{64, 32, 0, 8, 16}"},
		{[]string{"1000000", "1", "999", "42", "7", "13"}, "{1000000, 1, 7, 999, 42, 13}"},
		{[]string{"5", "13", "21"}, "{13, 21, 5}"},
		{[]string{"100000000000000000000", "5"}, "{100000000000000000000, 5}"},
	}
	for _, tt := range tests {
		s := ctSet(t, th, ctVals(t, tt.items...)...)
		assert.Equal(t, tt.want, ctRepr(t, th, Obj(s)), "%v", tt.items)
	}
}

func TestSetFromListOrder(t *testing.T) {
	th := NewThread()
	v, err := SetType.Call(th, []Value{NewList(ctInts(10, 5, 100, 7))}, nil)
	require.NoError(t, err)
	assert.Equal(t, "{10, 100, 5, 7}", ctRepr(t, th, v))

	x := ctSet(t, th, ctInts(1, 2, 3)...)
	y := ctSet(t, th, ctInts(4, 100)...)
	u, err := Binary(th, OpOr, Obj(x), Obj(y))
	require.NoError(t, err)
	assert.Equal(t, "{1, 2, 3, 100, 4}", ctRepr(t, th, u))

	big := ctSet(t, th)
	for i := int64(0); i < 20; i++ {
		require.NoError(t, big.Add(th, Int(i*7)))
	}
	assert.Equal(t, "{0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126}", ctRepr(t, th, Obj(big)))
}

func TestSetHashesMatchCPython(t *testing.T) {
	th := NewThread()
	// hash() values printed by CPython 3.11 on a 64-bit build.
	tests := map[string]int64{
		"(1,2)":      -3550055125485641917,
		"()":         5740354900026072187,
		"1.5":        1152921504606846977,
		"-2.25":      -576460752303423490,
		"-1":         -2,
		"1e+100":     1822893315824342674,
		"(1.5,True)": 1767087712303363268,
	}
	for lit, want := range tests {
		h, err := Hash(th, ctVal(t, lit))
		require.NoError(t, err)
		assert.Equal(t, want, h, lit)
	}
	fs := &Set{Frozen: true}
	for _, v := range ctInts(1, 2, 3) {
		require.NoError(t, fs.Add(th, v))
	}
	h, err := Hash(th, Obj(fs))
	require.NoError(t, err)
	assert.Equal(t, int64(-272375401224217160), h)
	h, err = Hash(th, Obj(&Set{Frozen: true}))
	require.NoError(t, err)
	assert.Equal(t, int64(133146708735736), h)
}

func TestSetPopAndRemoveErrors(t *testing.T) {
	th := NewThread()
	s := ctSet(t, th, ctInts(5, 13, 21)...)
	var popped []string
	for s.Len() > 0 {
		v, err := ctCall(th, Obj(s), "pop", nil)
		require.NoError(t, err)
		popped = append(popped, ctRepr(t, th, v))
	}
	assert.Equal(t, []string{"13", "21", "5"}, popped)
	_, err := ctCall(th, Obj(s), "pop", nil)
	assert.EqualError(t, err, "KeyError: 'pop from an empty set'")
	_, err = ctCall(th, Obj(s), "remove", ctVals(t, "(1,2)"))
	assert.EqualError(t, err, "KeyError: (1, 2)")
	_, err = ctCall(th, Obj(s), "add", []Value{NewList(nil)})
	assert.EqualError(t, err, "TypeError: unhashable type: 'list'")
	_, err = ctCall(th, Obj(s), "add", nil)
	assert.EqualError(t, err, "TypeError: set.add() takes exactly one argument (0 given)")
	_, err = ctCall(th, Obj(s), "union", nil, Kwarg{"x", Int(1)})
	assert.EqualError(t, err, "TypeError: set.union() takes no keyword arguments")
	_, err = ctCall(th, Obj(s), "pop", ctInts(1))
	assert.EqualError(t, err, "TypeError: set.pop() takes no arguments (1 given)")
	_, err = SetType.Call(th, ctInts(1, 2), nil)
	assert.EqualError(t, err, "TypeError: set expected at most 1 argument, got 2")
	_, err = SetType.Call(th, nil, []Kwarg{{"x", Int(1)}})
	assert.EqualError(t, err, "TypeError: set() takes no keyword arguments")
	_, err = FrozenSetType.Call(th, ctInts(1), nil)
	assert.EqualError(t, err, "TypeError: 'int' object is not iterable")
	_, err = Binary(th, OpOr, Obj(s), NewList(nil))
	assert.EqualError(t, err, "TypeError: unsupported operand type(s) for |: 'set' and 'list'")
}

func TestSetContainsSetKey(t *testing.T) {
	th := NewThread()
	inner := ctSet(t, th, ctInts(1, 2)...)
	fz, err := FrozenSetType.Call(th, []Value{Obj(inner)}, nil)
	require.NoError(t, err)
	outer := ctSet(t, th, fz)
	// A set is looked up as the frozenset of its elements.
	in, err := Contains(th, Obj(outer), Obj(inner))
	require.NoError(t, err)
	assert.True(t, in)
	found, err := outer.Discard(th, Obj(inner))
	require.NoError(t, err)
	assert.True(t, found)
	assert.Equal(t, 0, outer.Len())
	// frozenset(f) and f.copy() are f itself.
	same, err := FrozenSetType.Call(th, []Value{fz}, nil)
	require.NoError(t, err)
	assert.True(t, same.Is(fz))
	cp, err := ctCall(th, fz, "copy", nil)
	require.NoError(t, err)
	assert.True(t, cp.Is(fz))
	assert.Equal(t, "frozenset({1, 2})", ctRepr(t, th, fz))
}

func TestSetIterationDetectsResize(t *testing.T) {
	th := NewThread()
	s := ctSet(t, th, ctInts(1, 2, 3)...)
	it, err := Iter(th, Obj(s))
	require.NoError(t, err)
	v, ok, err := it.Next(th)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "1", ctRepr(t, th, v))
	require.NoError(t, s.Add(th, Int(4)))
	_, _, err = it.Next(th)
	assert.EqualError(t, err, "RuntimeError: Set changed size during iteration")
}

func TestFrozenSetOperatorsKeepLeftKind(t *testing.T) {
	th := NewThread()
	fz := &Set{Frozen: true}
	require.NoError(t, fz.Add(th, Int(1)))
	s := ctSet(t, th, ctInts(2)...)
	r, err := Binary(th, OpOr, Obj(fz), Obj(s))
	require.NoError(t, err)
	assert.Equal(t, "frozenset({1, 2})", ctRepr(t, th, r))
	r, err = Binary(th, OpOr, Obj(s), Obj(fz))
	require.NoError(t, err)
	assert.Equal(t, "{1, 2}", ctRepr(t, th, r))
	// fz |= s rebinds to a new frozenset and leaves fz alone.
	r, err = InPlace(th, OpOr, Obj(fz), Obj(s))
	require.NoError(t, err)
	assert.False(t, r.Is(Obj(fz)))
	assert.Equal(t, "frozenset({1})", ctRepr(t, th, Obj(fz)))
}

func TestConstantSetDisplays(t *testing.T) {
	th := NewThread()
	// CPython 3.11: print({...}) and `for x in {...}` for constant
	// displays, which the compiler folds into a rebuilt frozenset.
	tests := []struct {
		items              []string
		display, iterOrder string
	}{
		{[]string{"5", "13", "21"}, "{21, 5, 13}", "21 5 13"},
		{[]string{"40", "8", "16", "24", "32", "0", "72", "5", "13", "21"}, "{32, 0, 5, 40, 8, 72, 13, 16, 21, 24}", "32 0 5 40 8 72 13 16 21 24"},
		{[]string{"13", "5"}, "", "13 5"},
		{[]string{"1", "9", "17", "25", "33"}, "{1, 33, 17, 9, 25}", "1 33 9 17 25"},
		{[]string{"(1,2)", "(1,2,3)", "-1", "-2", "0.5", "18446744073709551616", "True"},
			"{0.5, True, (1, 2), -1, 18446744073709551616, (1, 2, 3), -2}",
			"0.5 True (1, 2) 18446744073709551616 (1, 2, 3) -2 -1"},
	}
	for _, tt := range tests {
		f, err := ConstFrozenSet(th, ctVals(t, tt.items...))
		require.NoError(t, err)
		var order []string
		for _, v := range f.Items() {
			order = append(order, ctRepr(t, th, v))
		}
		assert.Equal(t, tt.iterOrder, strings.Join(order, " "), "%v", tt.items)
		if tt.display != "" {
			s, err := NewSetFromConsts(th, ctVals(t, tt.items...))
			require.NoError(t, err)
			assert.Equal(t, tt.display, ctRepr(t, th, Obj(s)), "%v", tt.items)
		}
	}
}

// BenchmarkSetAddContains adds 100,000 ints with a spread of hashes,
// looks each up, then removes half and re-adds them (reusing tombstones).
func BenchmarkSetAddContains(b *testing.B) {
	th := NewThread()
	keys := make([]Value, 100000)
	for i := range keys {
		keys[i] = Int(int64(i) * 7919)
	}
	for i := 0; i < b.N; i++ {
		s := NewSet()
		for _, k := range keys {
			if err := s.Add(th, k); err != nil {
				b.Fatal(err)
			}
		}
		for _, k := range keys {
			if ok, err := s.Contains(th, k); err != nil || !ok {
				b.Fatal("missing", err)
			}
		}
		for _, k := range keys[:len(keys)/2] {
			if _, err := s.Discard(th, k); err != nil {
				b.Fatal(err)
			}
		}
		for _, k := range keys[:len(keys)/2] {
			if err := s.Add(th, k); err != nil {
				b.Fatal(err)
			}
		}
	}
}
