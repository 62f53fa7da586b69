package runtime

import (
	"math"
	"math/big"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func strOf(t *testing.T, v Value) *StrObj {
	t.Helper()
	s, ok := v.obj.(*StrObj)
	require.True(t, ok, "not a str: %s", v.Type().Name)
	return s
}

func TestStrHeaderSize(t *testing.T) {
	// Every str pays the header: 24 bytes, so that an ASCII str of up to
	// 8 bytes fits the 32-byte size class with its bytes; one with a rune
	// cache slot stays in the 32-byte class.
	assert.Equal(t, uintptr(24), unsafe.Sizeof(StrObj{}))
	assert.Equal(t, uintptr(32), unsafe.Sizeof(strRunes{}))
}

func TestNewStrBufSizes(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for n := 0; n <= 300; n++ {
			o, b := newStrBuf(n, ascii)
			require.Len(t, b, n)
			for i := range b {
				b[i] = byte('a' + i%26)
			}
			want := strings.Repeat("abcdefghijklmnopqrstuvwxyz", n/26+1)[:n]
			require.Equal(t, want, o.S)
			if n > 0 {
				// Only a str that may not be ASCII has a rune cache slot.
				assert.Equal(t, !ascii, o.meta&strRunesSlot != 0, "n=%d", n)
				assert.Equal(t, ascii, o.knownASCII(), "n=%d", n)
			}
			require.Equal(t, n, o.Len())
			if ascii && n > 0 && n <= maxInlineASCII {
				// The bytes follow the header in the same allocation.
				assert.Equal(t, uintptr(unsafe.Pointer(o))+unsafe.Sizeof(StrObj{}), uintptr(unsafe.Pointer(unsafe.StringData(o.S))), "n=%d", n)
			}
		}
	}
	// One allocation for a short str either way.
	for _, ascii := range []bool{false, true} {
		assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { newStrBuf(20, ascii) }))
	}
}

// ASCII strs live in pointer-free memory: the collector must still keep
// them alive through the header or through any string taken from S, and
// never reuse their memory while either is held.
func TestASCIIStrsSurviveGC(t *testing.T) {
	type kept struct {
		o    *StrObj
		tail string
		want string
	}
	var all []kept
	pad := strOf(t, Str(strings.Repeat("p", 40)))
	pad.isASCII()
	for i := 0; i < 3000; i++ {
		var v Value
		switch i % 3 {
		case 0:
			v = StrFromInt(int64(i) * 1000003)
		case 1:
			v = ConcatStr(strOf(t, StrFromInt(int64(i))), pad)
		default:
			var err error
			v, err = repeatStr(strOf(t, StrFromInt(int64(i))), int64(i%90+2))
			require.NoError(t, err)
		}
		o := strOf(t, v)
		require.True(t, o.knownASCII())
		k := kept{want: strings.Clone(o.S)}
		if i%2 == 0 {
			k.o = o
		} else {
			k.tail = o.S[1:] // only an interior pointer keeps it
		}
		all = append(all, k)
	}
	for round := 0; round < 3; round++ {
		runtime.GC()
		// Garbage of the same size classes, to reuse anything freed.
		for i := 0; i < 20000; i++ {
			v, _ := repeatStr(strOf(t, Str("xy")), int64(i%120+1))
			_ = v
		}
	}
	for i, k := range all {
		if k.o != nil {
			require.Equal(t, k.want, k.o.S, "str %d", i)
			require.True(t, k.o.knownASCII())
		} else {
			require.Equal(t, k.want[1:], k.tail, "str %d", i)
		}
	}
}

func TestStrRunesCache(t *testing.T) {
	for _, v := range []Value{
		Str("héllo wörld"),
		ConcatStr(strOf(t, Str("é")), strOf(t, Str(strings.Repeat("ü", 200)))),
	} {
		s := strOf(t, v)
		require.NotZero(t, s.meta&strRunesSlot)
		r1, r2 := s.Runes(), s.Runes()
		assert.Equal(t, []rune(s.S), r1)
		assert.Same(t, &r1[0], &r2[0], "decoded once")
		s.Hash() // sets bits in meta without losing the flag
		assert.NotZero(t, s.meta&strRunesSlot)
		r3 := s.Runes()
		assert.Same(t, &r1[0], &r3[0])
	}
	// An ASCII str has no cache; its runes are still right.
	for _, v := range []Value{Str("plain"), StrFromInt(-12345), ConcatStr(strOf(t, Str("ab")), strOf(t, Str("cd")))} {
		s := strOf(t, v)
		assert.Equal(t, []rune(s.S), s.Runes())
	}
}

func TestStrNewInt(t *testing.T) {
	th := NewThread()
	big1 := new(big.Int).Lsh(big.NewInt(1), 100)
	for _, c := range []struct {
		arg  Value
		want string
	}{
		{Int(0), "0"},
		{Int(7), "7"},
		{Int(-7), "-7"},
		{Int(10), "10"},
		{Int(-1234567), "-1234567"},
		{Int(math.MaxInt64), "9223372036854775807"},
		{Int(math.MinInt64), "-9223372036854775808"},
		{BigInt(big1), "1267650600228229401496703205376"},
		{BigInt(new(big.Int).Neg(big1)), "-1267650600228229401496703205376"},
		{True, "True"},
		{Float(2.5), "2.5"},
		{Str("é"), "é"},
	} {
		v, err := strNew(th, StrType, []Value{c.arg}, nil)
		require.NoError(t, err)
		s := strOf(t, v)
		assert.Equal(t, c.want, s.S)
		assert.Equal(t, len([]rune(c.want)), s.Len())
		assert.Equal(t, strOf(t, Str(c.want)).Hash(), s.Hash(), c.want)
	}
	// str(s) of a str is s itself, as in CPython.
	s := Str("abc")
	v, err := strNew(th, StrType, []Value{s}, nil)
	require.NoError(t, err)
	assert.True(t, v.Is(s))
	// Keyword and extra arguments still take the checked path.
	_, err = strNew(th, StrType, []Value{Int(1), Int(2)}, nil)
	require.Error(t, err)
	v, err = strNew(th, StrType, nil, []Kwarg{{Name: "object", Value: Int(42)}})
	require.NoError(t, err)
	assert.Equal(t, "42", strOf(t, v).S)
}

// StrFromInt writes the digits itself: check it against strconv at every
// digit-count boundary, both signs, and the extremes.
func TestStrFromIntDigits(t *testing.T) {
	check := func(x int64) {
		t.Helper()
		s := strOf(t, StrFromInt(x))
		require.Equal(t, strconv.FormatInt(x, 10), s.S)
		require.True(t, s.knownASCII())
	}
	for x := int64(-1000); x <= 1000; x++ {
		check(x)
	}
	for p := int64(10); p > 0 && p <= math.MaxInt64/10; p *= 10 {
		for _, x := range []int64{p - 1, p, p + 1, 7*p + 3} {
			check(x)
			check(-x)
		}
	}
	check(math.MaxInt64)
	check(math.MinInt64)
	check(math.MinInt64 + 1)
}

func TestConcatStr(t *testing.T) {
	ascii := strOf(t, Str("abc"))
	require.True(t, ascii.isASCII())
	non := strOf(t, Str("héllo"))
	for _, c := range []struct {
		a, b *StrObj
		want string
	}{
		{ascii, ascii, "abcabc"},
		{ascii, non, "abchéllo"},
		{non, ascii, "hélloabc"},
		{non, non, "héllohéllo"},
		{ascii, strOf(t, Str(strings.Repeat("x", 300))), "abc" + strings.Repeat("x", 300)},
	} {
		s := strOf(t, ConcatStr(c.a, c.b))
		assert.Equal(t, c.want, s.S)
		rs := []rune(c.want)
		require.Equal(t, len(rs), s.Len())
		for i, r := range rs {
			assert.Equal(t, string(r), s.At(i))
		}
		assert.Equal(t, string(rs[2:5]), s.Substr(2, 5))
		assert.Equal(t, strOf(t, Str(c.want)).Hash(), s.Hash())
	}
	// A known-ASCII result needs no scan; a mixed one must not claim ASCII.
	assert.True(t, strOf(t, ConcatStr(ascii, ascii)).knownASCII())
	mixed := strOf(t, ConcatStr(ascii, non))
	assert.False(t, mixed.knownASCII())
	assert.False(t, mixed.isASCII())
	// Operands not yet scanned are scanned (once), so an ASCII result is
	// known ASCII and a mixed one known not to be.
	ab, cd := strOf(t, Str("ab")), strOf(t, Str("cd"))
	require.False(t, ab.knownASCII())
	abcd := strOf(t, ConcatStr(ab, cd))
	assert.True(t, abcd.knownASCII())
	assert.True(t, ab.knownASCII() && cd.knownASCII())
	assert.Zero(t, abcd.meta&strRunesSlot)
	mixed = strOf(t, ConcatStr(strOf(t, Str("x")), strOf(t, Str("ÿ"))))
	assert.NotZero(t, mixed.meta&strASCIIKnown)
	assert.False(t, mixed.knownASCII())
	// An empty operand gives the other one back.
	empty := strOf(t, Str(""))
	assert.True(t, ConcatStr(empty, non).Is(Obj(non)))
	assert.True(t, ConcatStr(non, empty).Is(Obj(non)))
}

func TestConcatStrs(t *testing.T) {
	parts := []Value{Str("item-"), Str("é"), Str(":"), Str("   7")}
	s := strOf(t, ConcatStrs(parts))
	assert.Equal(t, "item-é:   7", s.S)
	assert.Equal(t, 11, s.Len())
	assert.Equal(t, "é", s.At(5))
	assert.False(t, s.isASCII())
	// Parts known to be ASCII (as str(int) results are) make the result
	// known ASCII; unscanned parts leave it to be scanned when needed.
	ab, cd := Str("ab"), Str("cd")
	assert.False(t, strOf(t, ConcatStrs([]Value{ab, cd})).knownASCII())
	strOf(t, ab).isASCII()
	strOf(t, cd).isASCII()
	assert.True(t, strOf(t, ConcatStrs([]Value{ab, cd})).knownASCII())
	assert.True(t, strOf(t, ConcatStrs([]Value{StrFromInt(-12), StrFromInt(345)})).knownASCII())
	assert.Equal(t, "", strOf(t, ConcatStrs(nil)).S)
	one := Str("solo")
	assert.True(t, ConcatStrs([]Value{one}).Is(one))
}

func TestStrHashEqualAcrossConstructions(t *testing.T) {
	th := NewThread()
	want := strOf(t, Str("k123")).Hash()
	fromInt, err := strNew(th, StrType, []Value{Int(123)}, nil)
	require.NoError(t, err)
	concat := ConcatStr(strOf(t, Str("k")), strOf(t, fromInt))
	joined, err := strJoin(th, Str(""), []Value{Obj(&List{Items: []Value{Str("k1"), Str("23")}})}, nil)
	require.NoError(t, err)
	for _, v := range []Value{concat, joined, ConcatStrs([]Value{Str("k"), Str("12"), Str("3")})} {
		s := strOf(t, v)
		require.Equal(t, "k123", s.S)
		assert.Equal(t, want, s.Hash())
		h, err := Hash(th, v)
		require.NoError(t, err)
		assert.Equal(t, want, h)
	}
	// The ASCII flag shares the hash's word: setting one keeps the other.
	s := strOf(t, Str("ünï"))
	h := s.Hash()
	assert.False(t, s.isASCII())
	assert.Equal(t, h, s.Hash())
	assert.Equal(t, strOf(t, Str("ünï")).Hash(), h)
	assert.GreaterOrEqual(t, h, int64(0))
}

func TestStrSingletons(t *testing.T) {
	for c := 0; c < 128; c++ {
		s := string(rune(c))
		v := Str(s)
		assert.True(t, v.Is(Str(s)))
		o := strOf(t, v)
		assert.Equal(t, s, o.S)
		assert.Equal(t, 1, o.Len())
		assert.Equal(t, strOf(t, ConcatStr(strOf(t, Str("x"+s)), strOf(t, Str("")))).S[1:], o.S)
	}
	assert.Equal(t, "", strOf(t, Str("")).S)
	assert.Equal(t, 0, strOf(t, Str("")).Len())
	// Non-ASCII single characters are ordinary strs.
	assert.Equal(t, "é", strOf(t, Str("é")).At(0))
}

func TestStrNonASCIIIndexing(t *testing.T) {
	s := strOf(t, Str("aé😀z"))
	assert.Equal(t, 4, s.Len())
	assert.Equal(t, []string{"a", "é", "😀", "z"}, []string{s.At(0), s.At(1), s.At(2), s.At(3)})
	assert.Equal(t, "é😀", s.Substr(1, 3))
	assert.Equal(t, []rune("aé😀z"), s.Runes())
}

func TestRepeatStr(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int64
		want string
	}{
		{"ab", 3, "ababab"},
		{"é", 4, "éééé"},
		{"xyz", 0, ""},
		{"xyz", -2, ""},
		{"q", 500, strings.Repeat("q", 500)},
	} {
		v, err := repeatStr(strOf(t, Str(c.s)), c.n)
		require.NoError(t, err)
		s := strOf(t, v)
		assert.Equal(t, c.want, s.S)
		assert.Equal(t, len([]rune(c.want)), s.Len())
	}
	one := Str("once")
	v, err := repeatStr(strOf(t, one), 1)
	require.NoError(t, err)
	assert.True(t, v.Is(one))
}

func TestJoinStrs(t *testing.T) {
	th := NewThread()
	long := strings.Repeat("é", 200)
	for _, c := range []struct {
		sep   string
		items []string
	}{
		{",", []string{"a", "b", "c"}},
		{"·", []string{"a", "b"}},
		{",", []string{"a", long, "b"}},
		{"", []string{"x", "y"}},
	} {
		items := make([]Value, len(c.items))
		for i, s := range c.items {
			items[i] = Str(s)
		}
		v, err := strJoin(th, Str(c.sep), []Value{Obj(&List{Items: items})}, nil)
		require.NoError(t, err)
		s := strOf(t, v)
		want := strings.Join(c.items, c.sep)
		assert.Equal(t, want, s.S)
		assert.Equal(t, len([]rune(want)), s.Len())
	}
}
