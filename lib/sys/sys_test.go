package sys_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
)

func TestSysModule(t *testing.T) {
	src := `
import sys
print(sys.argv, sys.maxsize, sys.version_info, sys.version[:6])
print(repr(sys.stdout), repr(sys.stderr), sys.stdout is sys.__stdout__)
def attempt(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__ + ':', e, getattr(e, 'code', '-'))
attempt(lambda: sys.exit())
attempt(lambda: sys.exit(None))
attempt(lambda: sys.exit(2))
attempt(lambda: sys.exit('msg'))
attempt(lambda: sys.exit(1, 2))
attempt(lambda: sys.exit(x=1))
attempt(lambda: sys.getrecursionlimit())
attempt(lambda: sys.getrecursionlimit(1))
attempt(lambda: sys.setrecursionlimit(0))
attempt(lambda: sys.setrecursionlimit('a'))
attempt(lambda: sys.setrecursionlimit())
attempt(lambda: sys.setrecursionlimit(50))
attempt(lambda: sys.getrecursionlimit())
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.int_info.default_max_str_digits)
`
	out := libtest.Run(t, interp.Options{Argv: []string{"script.aio", "-v", "x"}}, src)
	assert.Equal(t, `['script.aio', '-v', 'x'] 9223372036854775807 (3, 11, 7, 'final', 0) 3.11.7
<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'> <_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'> True
SystemExit:  None
SystemExit:  None
SystemExit: 2 2
SystemExit: msg msg
TypeError: exit expected at most 1 argument, got 2 -
TypeError: sys.exit() takes no keyword arguments -
1000
TypeError: sys.getrecursionlimit() takes no arguments (1 given) -
ValueError: recursion limit must be greater or equal than 1 -
TypeError: 'str' object cannot be interpreted as an integer -
TypeError: sys.setrecursionlimit() takes exactly one argument (0 given) -
None
50
2.220446049250313e-16 1.7976931348623157e+308 15 4300
`, out)
}

func TestSysFlagsAndImplementation(t *testing.T) {
	src := `
import sys
print(sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version[:3])
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.int_max_str_digits, sys.flags.no_site)
print(sys.intern('ab') == 'ab', sys.executable)
`
	out := libtest.Run(t, interp.Options{Executable: "/usr/local/bin/aio"}, src)
	assert.Equal(t, "aio None (3, 11, 7)\n0 False -1 0\nTrue /usr/local/bin/aio\n", out)
}
