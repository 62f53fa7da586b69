package interp

// This file checks the wording of argument errors against CPython: every
// case of testdata/argerrors/cases.txt (recorded by gen.py under CPython
// 3.11) calls a built-in wrongly, one case per calling convention that
// runtime/args.go implements.

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArgumentErrorsMatchCPython(t *testing.T) {
	data, err := os.ReadFile("testdata/argerrors/cases.txt")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.Greater(t, len(lines), 100)
	for _, line := range lines {
		parts := strings.SplitN(line, " ||| ", 3)
		require.Len(t, parts, 3, "malformed case %q", line)
		setup := strings.ReplaceAll(parts[0], `\n`, "\n")
		src := setup + "\ntry:\n    " + parts[1] + "\nexcept TypeError as e:\n    print(e)\n"
		out, errLine := runSource(t, src)
		assert.Empty(t, errLine, "%s", parts[1])
		assert.Equal(t, parts[2]+"\n", out, "%s", parts[1])
	}
}
