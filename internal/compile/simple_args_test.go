package compile

// This file checks Code.SimpleArgs, the eligibility of a function for
// the VM's call fast paths.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codesByName indexes code and the code objects nested in it by name.
func codesByName(code *Code, into map[string]*Code) {
	into[code.Name] = code
	for _, k := range code.Consts {
		if k.Kind == ConstCode {
			codesByName(k.Code, into)
		}
	}
}

func TestSimpleArgs(t *testing.T) {
	code, err := File("t.aio", []byte(`
def none(): pass
def two(a, b): pass
def defaults(a, b=1): pass
def posonly(a, /, b): pass
def star(a, *rest): pass
def kw(a, **opts): pass
def kwonly(a, *, b): pass
def gen(a): yield a
async def coro(a): pass
class C:
    def method(self, x): pass
sq = lambda x: x * x
`))
	require.NoError(t, err)
	codes := map[string]*Code{}
	codesByName(code, codes)
	want := map[string]int{
		"none": 0, "two": 2, "defaults": 2, "posonly": 2, "method": 2, "<lambda>": 1,
		"star": -1, "kw": -1, "kwonly": -1, "gen": -1, "coro": -1,
		"C": -1, "<module>": -1,
	}
	for name, n := range want {
		c, ok := codes[name]
		require.True(t, ok, name)
		assert.Equal(t, n, c.SimpleArgs, name)
	}
}
