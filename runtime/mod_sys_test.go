package runtime

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSysModule(t *testing.T) {
	th := NewThread()
	th.Argv = []string{"script.aio", "-v", "x"}
	var out, errOut bytes.Buffer
	th.Stdout, th.Stderr = &out, &errOut
	m, err := btModule(th, "sys")
	require.NoError(t, err)
	get := func(name string) string {
		v, err := GetAttr(th, Obj(m), name)
		return btOut(th, v, err)
	}
	assert.Equal(t, "['script.aio', '-v', 'x']", get("argv"))
	assert.Equal(t, "9223372036854775807", get("maxsize"))
	assert.Equal(t, "(3, 11, 7, 'final', 0)", get("version_info"))
	assert.Regexp(t, `^'3\.11\.7 `, get("version"))
	assert.Equal(t, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>", get("stdout"))
	assert.Equal(t, "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>", get("stderr"))

	runBtCases(t, []btCase{
		{py: `sys.exit()`, fn: "sys.exit", want: `SystemExit`},
		{py: `sys.exit(None)`, fn: "sys.exit", args: []Value{None}, want: `SystemExit`},
		{py: `sys.exit(2)`, fn: "sys.exit", args: []Value{Int(2)}, want: `SystemExit: 2`},
		{py: `sys.exit('msg')`, fn: "sys.exit", args: []Value{Str("msg")}, want: `SystemExit: msg`},
		{py: `sys.exit(1, 2)`, fn: "sys.exit", args: []Value{Int(1), Int(2)}, want: `TypeError: exit expected at most 1 argument, got 2`},
		{py: `sys.exit(x=1)`, fn: "sys.exit", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: sys.exit() takes no keyword arguments`},
		{py: `sys.getrecursionlimit()`, fn: "sys.getrecursionlimit", want: `1000`},
		{py: `sys.getrecursionlimit(1)`, fn: "sys.getrecursionlimit", args: []Value{Int(1)}, want: `TypeError: sys.getrecursionlimit() takes no arguments (1 given)`},
		{py: `sys.setrecursionlimit(0)`, fn: "sys.setrecursionlimit", args: []Value{Int(0)}, want: `ValueError: recursion limit must be greater or equal than 1`},
		{py: `sys.setrecursionlimit('a')`, fn: "sys.setrecursionlimit", args: []Value{Str("a")}, want: `TypeError: 'str' object cannot be interpreted as an integer`},
		{py: `sys.setrecursionlimit()`, fn: "sys.setrecursionlimit", want: `TypeError: sys.setrecursionlimit() takes exactly one argument (0 given)`},
	})

	// sys.exit's exception carries its status as code.
	_, err = btCall(th, "sys.exit", []Value{Int(3)})
	code, _ := AsException(err).Attr("code")
	assert.Equal(t, "3", btOut(th, code, nil))
	_, err = btCall(th, "sys.exit", nil)
	code, _ = AsException(err).Attr("code")
	assert.Equal(t, "None", btOut(th, code, nil))

	v, err := btCall(th, "sys.setrecursionlimit", []Value{Int(50)})
	assert.Equal(t, "None", btOut(th, v, err))
	assert.Equal(t, 50, th.MaxDepth)

	// The streams write to the thread's Stdout and Stderr.
	stdout, err := GetAttr(th, Obj(m), "stdout")
	require.NoError(t, err)
	write := func(stream Value, args ...Value) string {
		f, err := GetAttr(th, stream, "write")
		require.NoError(t, err)
		v, err := th.Call(f, args, nil)
		return btOut(th, v, err)
	}
	assert.Equal(t, "6", write(stdout, Str("héllo\n")))
	assert.Equal(t, "héllo\n", out.String())
	assert.Equal(t, "TypeError: write() argument must be str, not int", write(stdout, Int(1)))
	assert.Equal(t, "TypeError: TextIOWrapper.write() takes exactly one argument (0 given)", write(stdout))
	stderr, err := GetAttr(th, Obj(m), "stderr")
	require.NoError(t, err)
	assert.Equal(t, "3", write(stderr, Str("err")))
	assert.Equal(t, "err", errOut.String())
	flush, err := GetAttr(th, stdout, "flush")
	require.NoError(t, err)
	v, err = th.Call(flush, nil, nil)
	assert.Equal(t, "None", btOut(th, v, err))
	v, err = th.Call(flush, []Value{Int(1)}, nil)
	assert.Equal(t, "TypeError: TextIOWrapper.flush() takes no arguments (1 given)", btOut(th, v, err))
	v, err = GetAttr(th, stdout, "name")
	assert.Equal(t, "'<stdout>'", btOut(th, v, err))
}

func TestSysStdin(t *testing.T) {
	th := NewThread()
	th.Stdin = strings.NewReader("line1\nabcdéf\nx\ny\n")
	var out bytes.Buffer
	th.Stdout = &out
	m, err := btModule(th, "sys")
	require.NoError(t, err)
	stdin, err := GetAttr(th, Obj(m), "stdin")
	require.NoError(t, err)
	call := func(name string, args ...Value) string {
		f, err := GetAttr(th, stdin, name)
		require.NoError(t, err)
		v, err := th.Call(f, args, nil)
		return btOut(th, v, err)
	}
	// As CPython gives them for the same input.
	assert.Equal(t, "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>", btOut(th, stdin, nil))
	assert.Equal(t, "'line1\\n'", call("readline"))
	assert.Equal(t, "'abc'", call("read", Int(3)))
	assert.Equal(t, "'d'", call("readline", Int(1)))
	v, err := btCall(th, "input", nil)
	assert.Equal(t, "'éf'", btOut(th, v, err), "input() shares the buffer")
	assert.Equal(t, "['x\\n', 'y\\n']", call("readlines"))
	assert.Equal(t, "''", call("readline"))
	assert.Equal(t, "''", call("read"))
	assert.Equal(t, "TypeError: readline expected at most 1 argument, got 2", call("readline", Int(1), Int(2)))
	assert.Equal(t, "TypeError: argument should be integer or None, not 'str'", call("read", Str("a")))
	assert.Equal(t, "io.UnsupportedOperation: not writable", call("write", Str("x")))
	stdout, err := GetAttr(th, Obj(m), "stdout")
	require.NoError(t, err)
	f, err := GetAttr(th, stdout, "read")
	require.NoError(t, err)
	v, err = th.Call(f, nil, nil)
	assert.Equal(t, "io.UnsupportedOperation: not readable", btOut(th, v, err))
	f, err = GetAttr(th, stdout, "writelines")
	require.NoError(t, err)
	v, err = th.Call(f, []Value{btStrs("a", "b\n")}, nil)
	assert.Equal(t, "None", btOut(th, v, err))
	assert.Equal(t, "ab\n", out.String())

	// for line in sys.stdin
	th.Stdin = strings.NewReader("a\nb")
	items, err := Collect(th, stdin)
	require.NoError(t, err)
	assert.Equal(t, "['a\\n', 'b']", btOut(th, NewList(items), nil))

	fi, err := GetAttr(th, Obj(m), "float_info")
	require.NoError(t, err)
	for name, want := range map[string]string{"epsilon": "2.220446049250313e-16", "max": "1.7976931348623157e+308", "dig": "15"} {
		v, err := GetAttr(th, fi, name)
		assert.Equal(t, want, btOut(th, v, err), name)
	}
}

// scopeHost stands in for the interpreter, which names the caller's scope
// for dir() without an argument.
type scopeHost struct{}

func (scopeHost) ScopeNames() []string { return []string{"zed", "alpha"} }

func TestDirWithoutArgument(t *testing.T) {
	th := NewThread()
	v, err := btCall(th, "dir", nil)
	assert.Equal(t, "[]", btOut(th, v, err))
	th.Host = scopeHost{}
	v, err = btCall(th, "dir", nil)
	assert.Equal(t, "['alpha', 'zed']", btOut(th, v, err))
}
