package compile

// This file tests Encode and Decode: every standard module's source and
// every benchmark program round-trips to an equal Code, damaged bytes
// are refused, and a new field of Code cannot be forgotten by the codec.

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodecRoundTripsRealPrograms(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../lib/*/*.aio", "../../bench/*.aio", "../../tests/core/*.aio"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.Greater(t, len(files), 100, "the programs are found")
	compiled := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		c, err := File(f, src)
		if err != nil {
			continue // a syntax error is what some core programs test
		}
		compiled++
		back, err := Decode(Encode(c))
		require.NoError(t, err, f)
		if !reflect.DeepEqual(c, back) {
			t.Errorf("%s: the decoded Code differs from the compiled one", f)
		}
	}
	assert.Greater(t, compiled, 100)
}

func TestCodecRefusesDamagedBytes(t *testing.T) {
	c, err := File("m.aio", []byte("def f(x, *a, k=2**80, **kw):\n    return (x, 1.5, 'é', b'b', 3j, f)\n"))
	require.NoError(t, err)
	b := Encode(c)
	for n := 0; n < len(b); n++ {
		_, err := Decode(b[:n])
		require.Error(t, err, "a prefix of %d bytes", n)
	}
	_, err = Decode(append(append([]byte{}, b...), 0))
	assert.Error(t, err, "trailing bytes")
	_, err = Decode([]byte("not code"))
	assert.Error(t, err)
}

// codedFields are the fields of Code and Const that the codec writes; a
// field added to either must be added to the codec and here.
var codedFields = map[string][]string{
	"Code": {"Name", "QualName", "Filename", "Flags", "Instrs", "Run", "TempOps", "Consts", "Names", "KwNames",
		"Locals", "ArgCount", "PosOnlyCount", "KwOnlyCount", "CellNames", "FreeNames", "Cell2Arg", "MaxStack",
		"FrameSize", "NumCells", "SimpleArgs", "FirstLine", "Doc", "HasDoc", "lines"},
	"Const":     {"Kind", "Int", "Big", "Float", "Str", "Code", "Tuple"},
	"lineEntry": {"pc", "line", "col", "endLine", "endCol"},
}

func TestCodecCoversEveryField(t *testing.T) {
	for _, v := range []any{Code{}, Const{}, lineEntry{}} {
		typ := reflect.TypeOf(v)
		var names []string
		for i := 0; i < typ.NumField(); i++ {
			names = append(names, typ.Field(i).Name)
		}
		assert.Equal(t, codedFields[typ.Name()], names, "fields of %s", typ.Name())
	}
}
