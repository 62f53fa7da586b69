package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormat checks format(), ascii(), str.format, str.format_map and
// the built-in __format__ methods against CPython (testdata/strnum_gen.py).
func TestFormat(t *testing.T) { snRun(t, "format") }

// TestFormatSuper checks that a user __format__ can defer to
// object.__format__ through the installed method.
func TestFormatSuper(t *testing.T) {
	th := NewThread()
	cls := NewType("W", ObjectType)
	cls.Module, cls.User = "__main__", true
	cls.SetAttr("__str__", Obj(&MethodDescriptor{Name: "__str__", Owner: cls,
		Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Str("w!"), nil }}))
	cls.SetAttr("__format__", Obj(&MethodDescriptor{Name: "__format__", Owner: cls,
		Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m, _ := ObjectType.Lookup("__format__")
			return th.Call(m, []Value{self, args[0]}, nil)
		}}))
	v := Obj(&Instance{Class: cls})
	s, err := Format(th, v, "")
	require.NoError(t, err)
	assert.Equal(t, "w!", s)
	_, err = Format(th, v, "x")
	assert.EqualError(t, err, "TypeError: unsupported format string passed to W.__format__")
}

func TestStrFormatNoFields(t *testing.T) {
	s, err := StrFormat(NewThread(), "plain text", []Value{Int(1)}, nil)
	require.NoError(t, err)
	assert.Equal(t, "plain text", s)
}

func BenchmarkFormatFloat(b *testing.B) {
	th := NewThread()
	v := Float(3.14159)
	for i := 0; i < b.N; i++ {
		if _, err := Format(th, v, ".2f"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStrFormat(b *testing.B) {
	th := NewThread()
	args := []Value{Str("world"), Int(42)}
	for i := 0; i < b.N; i++ {
		if _, err := StrFormat(th, "hello {} {:>5}", args, nil); err != nil {
			b.Fatal(err)
		}
	}
}
