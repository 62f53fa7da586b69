package runtime

// Unit tests of the bytes types, the codecs and complex numbers. The
// expected strings were printed by CPython 3.11.

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBytesReprQuotes(t *testing.T) {
	cases := map[string]string{
		"":             `b''`,
		"'":            `b"'"`,
		`"`:            `b'"'`,
		`'"`:           `b'\'"'`,
		"\x00\x1f\x7f": `b'\x00\x1f\x7f'`,
		"\t\n\r\\":     `b'\t\n\r\\'`,
	}
	for in, want := range cases {
		assert.Equal(t, want, BytesRepr([]byte(in)), "%q", in)
	}
	th := NewThread()
	s, err := Repr(th, NewByteArray([]byte("it's")))
	require.NoError(t, err)
	assert.Equal(t, `bytearray(b"it\'s")`, s)
}

func TestBytesHashMatchesStr(t *testing.T) {
	th := NewThread()
	hb, err := Hash(th, NewBytes([]byte("abc")))
	require.NoError(t, err)
	hs, err := Hash(th, Str("abc"))
	require.NoError(t, err)
	assert.Equal(t, hs, hb)
	_, err = Hash(th, NewByteArray([]byte("abc")))
	assert.EqualError(t, err, "TypeError: unhashable type: 'bytearray'")
}

func TestDecodeUTF8Errors(t *testing.T) {
	th := NewThread()
	cases := map[string]string{
		"\xff":             `'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`,
		"ab\x80":           `'utf-8' codec can't decode byte 0x80 in position 2: invalid start byte`,
		"\xe2\x82":         `'utf-8' codec can't decode bytes in position 0-1: unexpected end of data`,
		"\xe2\x28\xa1":     `'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte`,
		"\xe2\x82\x28":     `'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte`,
		"\xed\xa0\x80":     `'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte`,
		"\xc0\x80":         `'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte`,
		"\xf4\x90\x80\x80": `'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte`,
	}
	for in, want := range cases {
		_, err := decodeBytes(th, []byte(in), "utf-8", "strict")
		require.Error(t, err, "%q", in)
		assert.Equal(t, "UnicodeDecodeError: "+want, err.Error(), "%q", in)
	}
	s, err := decodeBytes(th, []byte("a\xe2\x82b\xff"), "UTF8", "replace")
	require.NoError(t, err)
	assert.Equal(t, "a\ufffdb\ufffd", s)
	s, err = decodeBytes(th, []byte("a\xffb"), "utf-8", "backslashreplace")
	require.NoError(t, err)
	assert.Equal(t, `a\xffb`, s)
}

func TestEncodeErrors(t *testing.T) {
	th := NewThread()
	_, err := encodeStr(th, "aé€b", "ascii", "strict")
	assert.EqualError(t, err, "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)")
	_, err = encodeStr(th, "a€", "latin-1", "strict")
	assert.EqualError(t, err, `UnicodeEncodeError: 'latin-1' codec can't encode character '\u20ac' in position 1: ordinal not in range(256)`)
	b, err := encodeStr(th, "é😀", "us-ascii", "backslashreplace")
	require.NoError(t, err)
	assert.Equal(t, `\xe9\U0001f600`, string(b))
	_, err = encodeStr(th, "x", "klingon", "strict")
	assert.EqualError(t, err, "LookupError: unknown encoding: klingon")
}

func TestComplexRepr(t *testing.T) {
	th := NewThread()
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		re, im float64
		want   string
	}{
		{1, 2, "(1+2j)"}, {0, 2, "2j"}, {math.Copysign(0, -1), -1, "(-0-1j)"},
		{0, math.Copysign(0, -1), "-0j"}, {inf, nan, "(inf+nanj)"}, {0, 1e20, "1e+20j"},
		{1.5, 1e-7, "(1.5+1e-07j)"},
	}
	for _, c := range cases {
		s, err := Repr(th, NewComplex(c.re, c.im))
		require.NoError(t, err)
		assert.Equal(t, c.want, s)
	}
}

func TestParseComplex(t *testing.T) {
	good := map[string][2]float64{
		"1+2j": {1, 2}, " 3j ": {0, 3}, "(1-2j)": {1, -2}, "-1.5e3": {-1500, 0},
		"j": {0, 1}, "-j": {0, -1}, "1e-3+1e3j": {0.001, 1000},
	}
	for in, want := range good {
		re, im, ok := parseComplex(in)
		require.True(t, ok, in)
		assert.Equal(t, want, [2]float64{re, im}, in)
	}
	for _, in := range []string{"x", "1+", "1 + 2j", "", "()", "1j2"} {
		_, _, ok := parseComplex(in)
		assert.False(t, ok, in)
	}
}

func TestComplexHashAgreesWithReals(t *testing.T) {
	th := NewThread()
	for _, v := range []Value{Int(1), Int(-1), Float(2.5), Int(0)} {
		f, err := toFloat(v)
		require.NoError(t, err)
		hc, err := Hash(th, NewComplex(f, 0))
		require.NoError(t, err)
		hr, err := Hash(th, v)
		require.NoError(t, err)
		assert.Equal(t, hr, hc)
	}
	h, err := Hash(th, NewComplex(1, 1))
	require.NoError(t, err)
	assert.Equal(t, int64(1000004), h)
}

func TestByteArrayExportsBlockResize(t *testing.T) {
	th := NewThread()
	ba := NewByteArray([]byte("ab"))
	view, err := th.Call(Obj(MemoryViewType), []Value{ba}, nil)
	require.NoError(t, err)
	_, err = ctCall(th, ba, "append", []Value{Int(1)})
	assert.EqualError(t, err, "BufferError: Existing exports of data: object cannot be re-sized")
	_, err = ctCall(th, view, "release", nil)
	require.NoError(t, err)
	_, err = ctCall(th, ba, "append", []Value{Int(99)})
	require.NoError(t, err)
	assert.Equal(t, "bytearray(b'abc')", ctOut(th, ba, nil))
}
