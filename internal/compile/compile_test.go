package compile

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// disasm compiles src and returns the listing of its first nested code
// (the function under test) without the header line.
func disasm(t *testing.T, src string) string {
	t.Helper()
	code, err := File("t.aio", []byte(src))
	require.NoError(t, err)
	for _, k := range code.Consts {
		if k.Kind == ConstCode {
			code = k.Code
			break
		}
	}
	var lines []string
	for pc, in := range code.Instrs {
		s := in.Op().String()
		if hasArg(in.Op()) {
			s += " " + strconv.Itoa(in.Arg())
			if m := code.argMeaning(in); m != "" {
				s += " (" + m + ")"
			}
		}
		_ = pc
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func TestCompileArithmetic(t *testing.T) {
	assert.Equal(t, `LOAD_FAST 0 (a)
LOAD_FAST 1 (b)
LOAD_CONST 0 (2)
BINARY_OP 2 (*)
BINARY_OP 0 (+)
RETURN_VALUE
LOAD_CONST 1 (None)
RETURN_VALUE`, disasm(t, "def f(a, b):\n    return a + b * 2\n"))
}

func TestCompileIfElse(t *testing.T) {
	assert.Equal(t, `LOAD_FAST 0 (x)
POP_JUMP_IF_FALSE 5 (to 5)
LOAD_CONST 0 (1)
RETURN_VALUE
JUMP 7 (to 7)
LOAD_CONST 1 (2)
RETURN_VALUE
LOAD_CONST 2 (None)
RETURN_VALUE`, disasm(t, "def f(x):\n    if x:\n        return 1\n    else:\n        return 2\n"))
}

func TestCompileClosureAndMethodCall(t *testing.T) {
	src := "def outer(xs):\n    def f():\n        xs.append(1)\n    return f\n"
	code, err := File("t.aio", []byte(src))
	require.NoError(t, err)
	outer := code.Consts[0].Code
	var inner *Code
	for _, k := range outer.Consts {
		if k.Kind == ConstCode {
			inner = k.Code
		}
	}
	require.NotNil(t, inner)
	assert.Equal(t, "outer.<locals>.f", inner.QualName)
	assert.Equal(t, []string{"xs"}, outer.CellNames)
	assert.Equal(t, []string{"xs"}, inner.FreeNames)
	var ops []string
	for _, in := range inner.Instrs {
		ops = append(ops, in.Op().String())
	}
	assert.Equal(t, "LOAD_DEREF LOAD_METHOD LOAD_CONST CALL_METHOD POP_TOP LOAD_CONST RETURN_VALUE", strings.Join(ops, " "))
}

func TestCompileMaxStack(t *testing.T) {
	code, err := File("t.aio", []byte("x = [1, 2, (3, y), {4: z}]\n"))
	require.NoError(t, err)
	assert.Equal(t, 6, code.MaxStack)
}

func TestDisassembleListsNestedCode(t *testing.T) {
	code, err := File("t.aio", []byte("def f():\n    return 1\n"))
	require.NoError(t, err)
	out := code.Disassemble()
	assert.Contains(t, out, "code <module>")
	assert.Contains(t, out, "code f (locals [], stack 2)")
	assert.Contains(t, out, "MAKE_FUNCTION")
}
