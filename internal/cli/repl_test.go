package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

// fakeREPL is a REPL running on a fake terminal.
type fakeREPL struct {
	keys   *keyboard
	screen *screen
	sigs   chan os.Signal
	done   chan int
}

// startREPL runs the REPL on a fake terminal, 80 columns wide, in
// interactive mode (readline draws the prompt and echoes keys).
func startREPL(t *testing.T, virtual bool, history string) *fakeREPL {
	t.Helper()
	return startREPLWith(t, virtual, history, nil)
}

// startREPLWith is startREPL with globals the test provides to the session.
func startREPLWith(t *testing.T, virtual bool, history string, globals map[string]any) *fakeREPL {
	t.Helper()
	r := &fakeREPL{keys: newKeyboard(), screen: &screen{}, sigs: make(chan os.Signal, 1), done: make(chan int, 1)}
	noop := func() error { return nil }
	term := terminal{
		stdin:          r.keys,
		stdout:         r.screen,
		stderr:         r.screen,
		display:        r.screen,
		outOnDisplay:   true,
		errOnDisplay:   true,
		isTerminal:     func() bool { return true },
		makeRaw:        noop,
		exitRaw:        noop,
		width:          func() int { return 80 },
		onWidthChanged: func(func()) {},
		interrupts:     r.sigs,
		history:        history,
	}
	go func() {
		r.done <- runREPL(term, interp.Options{Argv: []string{""}, VirtualTime: virtual, Globals: globals})
	}()
	t.Cleanup(func() {
		// End of input ends the REPL; Ctrl-C ends an input still running.
		r.keys.Close()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case <-r.done:
				return
			case r.sigs <- syscall.SIGINT:
			case <-deadline:
				t.Error("the REPL did not end")
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
	r.waitFor(t, ">>>")
	return r
}

// waitFor waits until the screen shows want.
func (r *fakeREPL) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(r.screen.text(), want) {
		if time.Now().After(deadline) {
			require.Failf(t, "timeout", "the screen never showed %q; it shows:\n%s", want, r.screen.text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// exitCode waits for the REPL to end.
func (r *fakeREPL) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case code := <-r.done:
		r.done <- code // for Cleanup
		return code
	case <-time.After(10 * time.Second):
		t.Fatal("the REPL did not end; the screen shows:\n" + r.screen.text())
		return -1
	}
}

// session returns the screen without the banner.
func (r *fakeREPL) session() string {
	text := r.screen.text()
	if i := strings.Index(text, ">>>"); i >= 0 {
		return text[i:]
	}
	return text
}

func TestREPLBanner(t *testing.T) {
	r := startREPL(t, true, "")
	text := r.screen.text()
	assert.True(t, strings.HasPrefix(text, "aio "+Version+" (a subset of Python 3.11 with asyncio)"), text)
	assert.Contains(t, text, `Use "await" directly`)
	assert.Contains(t, text, "Virtual clock")
}

func TestREPLBlocksAndEcho(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("1+1\r")
	r.keys.send("def f(x):\r\treturn x * 2\r\r")
	r.keys.send("f(21)\r_ + 1\r")
	r.keys.send("xs = [1,\r2]\rxs\r")
	r.keys.send("s = '''a\rb'''\rs\r")
	r.waitFor(t, "'a\\nb'\n>>>")
	assert.Equal(t, `>>> 1+1
2
>>> def f(x):
...     return x * 2
...
>>> f(21)
42
>>> _ + 1
43
>>> xs = [1,
... 2]
>>> xs
[1, 2]
>>> s = '''a
... b'''
>>> s
'a\nb'
>>>`, r.session())
}

func TestREPLTopLevelAwait(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("loop = asyncio.get_running_loop(); t0 = loop.time()\r")
	r.keys.send("await sleep(60)\r")
	r.keys.send("async def double(x):\r\tawait sleep(1)\r\treturn 2 * x\r\r")
	r.keys.send("await gather(double(1), double(2))\r")
	r.keys.send("loop.time() - t0\r")
	r.waitFor(t, "61.0\n>>>")
	assert.Contains(t, r.session(), ">>> await gather(double(1), double(2))\n[2, 4]\n")
}

// A background task prints while the user is typing: its lines appear
// above the prompt, which is drawn again with the half-typed line.
func TestREPLBackgroundOutput(t *testing.T) {
	// The ticker starts ticking once the test says go, when the half-typed
	// line is on the screen: the ticks cannot come before it, however slow
	// the machine.
	var started atomic.Bool
	r := startREPLWith(t, false, "", map[string]any{"ready": func() bool { return started.Load() }})
	r.keys.send("async def ticker():\r\twhile not ready():\r\t\tawait sleep(0.01)\r\tfor i in range(3):\r\t\tawait sleep(0.01)\r\t\tprint('tick', i)\r\r")
	r.keys.send("t = create_task(ticker())\r")
	r.keys.send("x = 4")
	r.waitFor(t, ">>> t = create_task(ticker())\n>>> x = 4")
	started.Store(true)
	r.waitFor(t, "tick 2\n")
	r.waitFor(t, "tick 2\n>>> x = 4")
	r.keys.send("2\rx\r")
	r.waitFor(t, ">>> x\n42\n>>>")
	text := r.session()
	assert.Contains(t, text, ">>> t = create_task(ticker())\ntick 0\ntick 1\ntick 2\n>>> x = 42\n>>> x\n42\n>>>")
}

// Output that does not end its line is ended before the next prompt.
func TestREPLUnfinishedLine(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("print('no newline', end='')\r1\r")
	r.waitFor(t, ">>> 1\n1\n>>>")
	assert.Contains(t, r.session(), ">>> print('no newline', end='')\nno newline\n>>> 1\n")
}

func TestREPLErrorRecovery(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("1/0\r")
	r.keys.send("x = ]\r")
	r.keys.send("if True:\r  y = 1\r    z = 2\r")
	r.keys.send("'still here'\r")
	r.waitFor(t, "'still here'\n>>>")
	assert.Equal(t, `>>> 1/0
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
ZeroDivisionError: division by zero
>>> x = ]
  File "<stdin>", line 1
    x = ]
        ^
SyntaxError: unmatched ']'
>>> if True:
...   y = 1
...     z = 2
  File "<stdin>", line 3
    z = 2
IndentationError: unexpected indent
>>> 'still here'
'still here'
>>>`, r.session())
}

func TestREPLCompletion(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("pri\t'hi')\r")
	r.waitFor(t, ">>> print('hi')\nhi\n")
	r.keys.send("await asyncio.sl\t0, 'slept')\r")
	r.waitFor(t, ">>> await asyncio.sleep(0, 'slept')\n'slept'\n")
	r.keys.send("class Box:\r\tdef __init__(self):\r\t\tself.content = 7\r\r")
	r.keys.send("box = Box()\r")
	r.keys.send("box.con\t\r")
	r.waitFor(t, ">>> box.content\n7\n")
	// Several candidates: Tab inserts their common prefix.
	r.keys.send("asyncio.Queue\t")
	r.waitFor(t, ">>> asyncio.Queue\nQueue(")
	r.waitFor(t, "QueueEmpty(  QueueFull(")
}

func TestREPLCtrlCWhileTyping(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("abc\x03")
	r.keys.send("if True:\r\tx = 1\r\x03")
	r.keys.send("'fresh'\r")
	r.waitFor(t, "'fresh'\n>>>")
	assert.Equal(t, `>>> abc^C
KeyboardInterrupt
>>> if True:
...     x = 1
... ^C
KeyboardInterrupt
>>> 'fresh'
'fresh'
>>>`, r.session())
}

// Ctrl-C while an input runs (SIGINT, since the terminal is not in raw
// mode then) cancels that input only: the background task and the
// session go on.
func TestREPLCtrlCCancelsRunningInput(t *testing.T) {
	r := startREPL(t, false, "")
	r.keys.send("async def ticker():\r\twhile True:\r\t\tawait sleep(0.02)\r\t\tprint('tick')\r\r")
	r.keys.send("t = create_task(ticker())\r")
	r.keys.send("print('started'); await sleep(100); print('not reached')\r")
	r.waitFor(t, "started\n")
	r.sigs <- syscall.SIGINT
	r.waitFor(t, "KeyboardInterrupt\n>>>")
	r.keys.send("t.done()\r")
	r.waitFor(t, ">>> t.done()\nFalse\n")
	before := strings.Count(r.screen.text(), "tick")
	require.Eventually(t, func() bool { return strings.Count(r.screen.text(), "tick") > before+2 }, 5*time.Second, 5*time.Millisecond)
	r.keys.send("t.cancel()\r")
	r.waitFor(t, ">>> t.cancel()\nTrue\n")
	assert.NotContains(t, r.screen.text(), "\nnot reached")

	// An input that never yields gets KeyboardInterrupt.
	r.keys.send("if True:\r\tprint('spinning')\r\twhile True:\r\t\tpass\r\r")
	r.waitFor(t, "spinning\n")
	r.sigs <- syscall.SIGINT
	r.waitFor(t, "KeyboardInterrupt\n>>>")
	r.keys.send("'alive'\r")
	r.waitFor(t, "'alive'\n>>>")
}

func TestREPLCtrlDExits(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("x = 1\r\x04")
	assert.Equal(t, 0, r.exitCode(t))
	assert.Equal(t, ">>> x = 1\n>>>\n", r.session())
}

func TestREPLExit(t *testing.T) {
	r := startREPL(t, true, "")
	r.keys.send("exit(3)\r")
	assert.Equal(t, 3, r.exitCode(t))

	r = startREPL(t, true, "")
	r.keys.send("quit()\r")
	assert.Equal(t, 0, r.exitCode(t))
}

// exit() in a background task ends the session while the prompt waits.
func TestREPLBackgroundExit(t *testing.T) {
	r := startREPL(t, false, "")
	r.keys.send("async def later():\r\tawait sleep(0.05)\r\texit(5)\r\r")
	r.keys.send("t = create_task(later())\r")
	assert.Equal(t, 5, r.exitCode(t))
}

func TestREPLHistory(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	r := startREPL(t, true, hist)
	r.keys.send("print('from history')\r\x04")
	require.Equal(t, 0, r.exitCode(t))
	b, err := os.ReadFile(hist)
	require.NoError(t, err)
	assert.Equal(t, "print('from history')\n", string(b))

	r = startREPL(t, true, hist)
	r.keys.send("\x1b[A\r")
	r.waitFor(t, ">>> print('from history')\nfrom history\n>>>")
}

func TestHistoryFile(t *testing.T) {
	t.Setenv(historyEnv, "/some/where")
	assert.Equal(t, "/some/where", historyFile())
	t.Setenv(historyEnv, "")
	assert.Equal(t, "", historyFile())
	os.Unsetenv(historyEnv)
	t.Setenv("HOME", "/home/someone")
	assert.Equal(t, filepath.Join("/home/someone", ".aio_history"), historyFile())

	dir := t.TempDir()
	assert.Equal(t, filepath.Join(dir, "h"), usableHistoryFile(filepath.Join(dir, "h")))
	assert.Equal(t, "", usableHistoryFile(filepath.Join(dir, "missing", "h")))
	assert.Equal(t, "", usableHistoryFile(""))
}

func TestCompleterIndents(t *testing.T) {
	c := completer{}
	got, n := c.Do([]rune(""), 0)
	assert.Equal(t, [][]rune{[]rune("    ")}, got)
	assert.Equal(t, 0, n)
	got, _ = c.Do([]rune("  x"), 2)
	assert.Equal(t, [][]rune{[]rune("  ")}, got)
}

// Without a terminal, aio reads its standard input as a script.
func TestMainReadsPipedStdin(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main(nil, strings.NewReader("import sys\nprint(sys.argv, 6 * 7)\n"), &out, &errOut)
	assert.Equal(t, 0, code)
	assert.Equal(t, "[''] 42\n", out.String())
	assert.Empty(t, errOut.String())
}

func TestREPLHistoryKeepsMultiLineInputs(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	r := startREPL(t, true, hist)
	r.keys.send("def f(x):\r    if x:\r        return 'yes'\r    return 'no'\r\r")
	r.keys.send("print('a\\\\n')\r\x04")
	require.Equal(t, 0, r.exitCode(t))
	b, err := os.ReadFile(hist)
	require.NoError(t, err)
	assert.Equal(t, "def f(x):\\n    if x:\\n        return 'yes'\\n    return 'no'\nprint('a\\\\\\\\n')\n", string(b))
	assert.Equal(t, []string{"def f(x):\n    if x:\n        return 'yes'\n    return 'no'", "print('a\\\\n')"}, loadHistory(hist))

	// A later session recalls the definition as one entry, indentation
	// included: it runs again without an IndentationError.
	r = startREPL(t, true, hist)
	r.keys.send("\x1b[A\x1b[A\r\r")
	r.keys.send("print(f(1), f(0))\r")
	r.waitFor(t, "yes no\n>>>")
	assert.NotContains(t, r.screen.text(), "IndentationError")
}
