package runtime

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStdStreamsWrite(t *testing.T) {
	th := NewThread()
	var out, errOut bytes.Buffer
	th.Stdout, th.Stderr = &out, &errOut
	stdout, stderr := NewStdStream(StreamStdout), NewStdStream(StreamStderr)
	assert.Equal(t, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>", btOut(th, stdout, nil))
	assert.Equal(t, "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>", btOut(th, stderr, nil))
	// The streams write to the thread's Stdout and Stderr.
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
	assert.Equal(t, "3", write(stderr, Str("err")))
	assert.Equal(t, "err", errOut.String())
	flush, err := GetAttr(th, stdout, "flush")
	require.NoError(t, err)
	v, err := th.Call(flush, nil, nil)
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
	stdin := NewStdStream(StreamStdin)
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
	stdout := NewStdStream(StreamStdout)
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
