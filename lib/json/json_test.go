package pyjson_test

// This file tests the json module through the interpreter: the encoder's
// and decoder's edge cases and the budgets charged for big documents.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

// run executes src and returns its standard output.
func run(t *testing.T, src string) string {
	t.Helper()
	return libtest.Run(t, interp.Options{}, src)
}

func TestDumpsEscapesAndFloats(t *testing.T) {
	out := run(t, `import json
print(json.dumps(["a\"b\\c\n\x01\x7f", 1e16, 0.1, -0.0, 2**70, "é😀"]))
print(json.dumps("é\x7f", ensure_ascii=False))
`)
	assert.Equal(t, `["a\"b\\c\n\u0001\u007f", 1e+16, 0.1, -0.0, 1180591620717411303424, "\u00e9\ud83d\ude00"]`+"\n\"é\x7f\"\n", out)
}

func TestLoadsPositionsCountCodePoints(t *testing.T) {
	out := run(t, `import json
try:
    json.loads('["héllo", x]')
except json.JSONDecodeError as e:
    print(e.pos, e.colno, e.msg)
print(json.JSONDecoder().raw_decode('"é" rest'))
`)
	assert.Equal(t, "10 11 Expecting value\n('é', 3)\n", out)
}

func TestSurrogatePairEscapeDecodes(t *testing.T) {
	out := run(t, `import json
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600", json.loads('"\\u00E9"'))
`)
	assert.Equal(t, "True é\n", out)
}

func TestDeepDocumentIsRecursionError(t *testing.T) {
	out := run(t, `import json
try:
    json.loads("[" * 5000 + "]" * 5000)
except RecursionError as e:
    print(e)
`)
	assert.Equal(t, "maximum recursion depth exceeded while decoding a JSON array from a unicode string\n", out)
}

func TestHugeDumpsChargesMemoryBudget(t *testing.T) {
	out := libtest.Run(t, interp.Options{MemoryLimit: 64 << 20}, `import json
row = ["x" * 1000] * 1000
try:
    json.dumps([row] * 200)
except MemoryError:
    print("MemoryError")
`)
	assert.Equal(t, "MemoryError\n", out)
}
