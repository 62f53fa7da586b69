package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cpythonError is an expectation written by testdata/regen.py.
type cpythonError struct {
	kind, msg                        string
	line, offset, endLine, endOffset int
	stage                            string
}

func readExpectation(t *testing.T, path string) cpythonError {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var e cpythonError
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		k, v, ok := strings.Cut(l, ": ")
		require.True(t, ok, "bad line %q in %s", l, path)
		n, _ := strconv.Atoi(v)
		switch k {
		case "kind":
			e.kind = v
		case "msg":
			e.msg = v
		case "line":
			e.line = n
		case "offset":
			e.offset = n
		case "end_line":
			e.endLine = n
		case "end_offset":
			e.endOffset = n
		case "stage":
			e.stage = v
		}
	}
	return e
}

// renderingMismatches lists the cases whose CPython rendering (the .out
// file, from running the file) disagrees with compile()'s attributes,
// which aio follows.
var renderingMismatches = map[string]string{
	"block_eof":         "at the end of a file CPython's file tokenizer reports offset 0 (no caret); compile() reports the end of the line",
	"block_eof_comment": "same as block_eof",
	"else_eof":          "same as block_eof",
	"try_eof":           "same as block_eof",
	"class_eof":         "same as block_eof",
	"bom_error":         "CPython counts the UTF-8 byte-order mark in the column",
}

// columnMismatches lists the cases whose column aio does not reproduce,
// with the reason. Kind, message and line still have to match.
var columnMismatches = map[string]string{
	"bom_error": "CPython measures the column in bytes without the byte-order mark but converts it to characters with it (1 less than the character column); aio counts characters after the mark",
}

// TestErrorsAgainstCPython checks every testdata/errors program against
// the error CPython 3.11 raises for it.
func TestErrorsAgainstCPython(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.aio")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 50)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".aio")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			want := readExpectation(t, strings.TrimSuffix(f, ".aio")+".err")
			_, err = Parse(name+".aio", src)
			require.Error(t, err)
			var se *SyntaxError
			require.True(t, errors.As(err, &se), "error is %T", err)
			assert.Equal(t, want.kind+": "+want.msg, se.Kind+": "+se.Msg)
			assert.Equal(t, want.line, se.Line, "line")
			if out, err := os.ReadFile(strings.TrimSuffix(f, ".aio") + ".out"); err == nil && renderingMismatches[name] == "" {
				assert.Equal(t, string(out), se.Error()+"\n", "rendering")
			}
			if _, skip := columnMismatches[name]; !skip {
				assert.Equal(t, want.offset, se.Col, "offset")
				if want.kind == "SyntaxError" {
					assert.Equal(t, [2]int{want.endLine, want.endOffset}, [2]int{se.EndLine, se.EndCol}, "end")
				}
			}
		})
	}
}
