package interp

import (
	"context"
	"fmt"
	"github.com/aio-lang/aio/internal/compile"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// items returns n comma-separated items made by formatting each index
// with format (which may use it several times as %[1]d).
func items(n int, format string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(format, i)
	}
	return strings.Join(parts, ", ")
}

// forgetInternedNames empties the process-wide table of interned names
// after a test that compiles tens of thousands of distinct names, which
// would otherwise fill it for the tests that follow.
func forgetInternedNames(t *testing.T) {
	t.Cleanup(compile.ForgetInternedNames)
}

// TestHugeLiteralsAndCalls: 70,000 items put the operand stack past
// 65,536 entries, where the stack-depth pass used to stop counting (and
// the frame then overflowed with an internal error).
func TestHugeLiteralsAndCalls(t *testing.T) {
	forgetInternedNames(t)
	const n = 70000
	expectRun(t, "print(len(["+items(n, "%d")+"]))", "70000\n")
	expectRun(t, "print(len({"+items(n, "%d")+"}))", "70000\n")
	expectRun(t, "print(len({"+items(n, "%[1]d: %[1]d")+"}))", "70000\n")
	expectRun(t, "print(len(("+items(n, "%d")+")))", "70000\n")
	expectRun(t, "print(max("+items(n, "%d")+"))", "69999\n")
	expectRun(t, "class C:\n    def m(self, *a): return a[-1]\nprint(C().m("+items(n, "%d")+"))", "69999\n")
	expectRun(t, "def f(*a, **k): return len(a), len(k)\nprint(f("+items(5000, "%d")+", "+items(5000, "k%[1]d=%[1]d")+"))", "(5000, 5000)\n")
	expectRun(t, items(n, "a%d")+" = range(70000)\nprint(a69999)", "69999\n")
}

// TestManyConstantsBeforeADef: MAKE_FUNCTION's argument held the code
// constant's index in 16 bits.
func TestManyConstantsBeforeADef(t *testing.T) {
	expectRun(t, "s = ["+items(70000, "'s%d'")+"]\ndef f(): return 7\nprint(f(), len(s))", "7 70000\n")
}

// TestManyKeywordCalls: CALL_KW's argument held the index of its keyword
// names in 12 bits, so the 4097th keyword call of a module used the wrong
// names.
func TestManyKeywordCalls(t *testing.T) {
	forgetInternedNames(t)
	var b strings.Builder
	b.WriteString("def f(**k): return list(k)\nr = []\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "r.append(f(k%d=1))\n", i)
	}
	b.WriteString("print(r[4999], r[4096], len(r))")
	expectRun(t, b.String(), "['k4999'] ['k4096'] 5000\n")
}

func TestStarUnpackingLimitIsCPythons(t *testing.T) {
	forgetInternedNames(t)
	expectError(t, items(256, "a%d")+", *b = range(300)", "SyntaxError: too many expressions in star-unpacking assignment")
	expectRun(t, items(255, "a%d")+", *b = range(300)\nprint(a254, len(b))", "254 45\n")
}

func TestNulByteInProgramIsCPythonsError(t *testing.T) {
	_, err := CompileProgram("nul.aio", []byte("x = 1\ny = 2\x00\n"))
	assert.EqualError(t, err, "  File \"nul.aio\", line 2\n    y = 2\nSyntaxError: source code cannot contain null bytes")
	err = New(Options{}).Exec(context.Background(), "nul.aio", "\x00")
	assert.EqualError(t, err, "  File \"nul.aio\", line 1\n    \nSyntaxError: source code cannot contain null bytes")
}

// TestStarUnpackingWithManyTargetsAfterTheStar: UNPACK_EX's argument has
// 16 bits for the targets after the star; an EXTENDED before it holds the
// rest.
func TestStarUnpackingWithManyTargetsAfterTheStar(t *testing.T) {
	forgetInternedNames(t)
	targets := "a, *b, " + items(70000, "c%d")
	expectRun(t, targets+" = range(70005)\nprint(a, len(b), c0, c69999)", "0 4 5 70004\n")
	expectError(t, targets+" = range(7)", "ValueError: not enough values to unpack (expected at least 70001, got 7)")
}
