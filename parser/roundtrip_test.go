package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// equalIgnoringPos compares two syntax trees field by field, ignoring
// positions (the embedded ast.Span) and Tuple.Parens, which records
// spelling rather than meaning. It returns a description of the first
// difference, or "".
func equalIgnoringPos(a, b any) string {
	return diffValue(reflect.ValueOf(a), reflect.ValueOf(b), "root")
}

var spanType = reflect.TypeOf(ast.Span{})

func diffValue(a, b reflect.Value, path string) string {
	if a.IsValid() != b.IsValid() {
		return path + ": one side missing"
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %s vs %s", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil vs non-nil"
			}
			return ""
		}
		return diffValue(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == spanType {
			return ""
		}
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			if f.Name == "Parens" {
				continue
			}
			if d := diffValue(a.Field(i), b.Field(i), path+"."+f.Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diffValue(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Float64:
		if a.Float() != b.Float() && !(a.Float() != a.Float() && b.Float() != b.Float()) {
			return fmt.Sprintf("%s: %v vs %v", path, a.Float(), b.Float())
		}
		return ""
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v vs %#v", path, a.Interface(), b.Interface())
		}
		return ""
	}
}

// TestRoundTrip checks Parse(Print(Parse(src))) == Parse(src), positions
// aside, for every valid test program.
func TestRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.aio")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			m1, err := Parse(f, src)
			require.NoError(t, err)
			printed := ast.Print(m1)
			m2, err := Parse("printed.aio", []byte(printed))
			require.NoError(t, err, "printed source:\n%s", printed)
			m1.Filename, m2.Filename = "", ""
			assert.Empty(t, equalIgnoringPos(m1, m2), "printed source:\n%s", printed)
			assert.Equal(t, printed, ast.Print(m2), "printing is not idempotent")
		})
	}
}

func TestEqualIgnoringPos(t *testing.T) {
	a, err := Parse("a", []byte("x = (1, 2)\nf(y)\n"))
	require.NoError(t, err)
	b, err := Parse("b", []byte("x   =   1, 2\n\nf( y )\n"))
	require.NoError(t, err)
	a.Filename, b.Filename = "", ""
	assert.Empty(t, equalIgnoringPos(a, b))
	c, err := Parse("c", []byte("x = 1, 3\nf(y)\n"))
	require.NoError(t, err)
	c.Filename = ""
	assert.NotEmpty(t, equalIgnoringPos(a, c))
}
