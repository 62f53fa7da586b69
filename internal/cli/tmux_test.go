package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// asAioEnv makes the test binary behave as the aio command, so that the
// tmux test can run it in a real terminal without building cmd/aio.
const asAioEnv = "AIO_CLI_TEST_AS_AIO"

func TestMain(m *testing.M) {
	if os.Getenv(asAioEnv) == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// tmuxPane is a tmux session on a private server running one command.
type tmuxPane struct {
	t      *testing.T
	socket string
}

func (p *tmuxPane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", p.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	require.NoError(p.t, err, "tmux %v: %s", args, out)
	return string(out)
}

// keys types text literally; named keys (Enter, Tab, C-c) go through key.
func (p *tmuxPane) keys(text string) { p.tmux("send-keys", "-t", "aio", "-l", text) }
func (p *tmuxPane) key(name string)  { p.tmux("send-keys", "-t", "aio", name) }

func (p *tmuxPane) screen() string { return p.tmux("capture-pane", "-p", "-t", "aio") }

// waitFor waits until the pane's contents satisfy ok.
func (p *tmuxPane) waitFor(what string, ok func(screen string) bool) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := p.screen()
		if ok(s) {
			return
		}
		if time.Now().After(deadline) {
			require.Failf(p.t, "timeout", "the terminal never showed %s; it shows:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *tmuxPane) waitForText(want string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("%q", want), func(s string) bool { return strings.Contains(s, want) })
}

// lastLine returns the last non-blank line of the pane.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	return strings.TrimRight(lines[len(lines)-1], " ")
}

// TestREPLInTmux runs aio in a real terminal (tmux) and types into it as a
// user would: background output above the half-typed line, Ctrl-C
// cancelling a running await, completion, Ctrl-D.
func TestREPLInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a terminal")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	self, err := os.Executable()
	require.NoError(t, err)
	p := &tmuxPane{t: t, socket: filepath.Join(t.TempDir(), "tmux")}
	cmd := fmt.Sprintf("env %s=1 %s= %q; echo \"exit status $?\"; sleep 60", asAioEnv, historyEnv, self)
	p.tmux("new-session", "-d", "-s", "aio", "-x", "100", "-y", "40", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-S", p.socket, "kill-server").Run() })

	p.waitFor("the prompt", func(s string) bool { return lastLine(s) == ">>>" })
	p.keys("async def tick():")
	p.key("Enter")
	p.key("Tab")
	p.keys("while True:")
	p.key("Enter")
	p.key("Tab")
	p.key("Tab")
	p.keys("await sleep(0.05)")
	p.key("Enter")
	p.key("Tab")
	p.key("Tab")
	p.keys("print('tick')")
	p.key("Enter")
	p.key("Enter")
	p.keys("t = create_task(tick())")
	p.key("Enter")
	p.keys("x = 1")
	p.waitFor("ticks above the half-typed line", func(s string) bool {
		return strings.Count(s, "tick\n") >= 3 && lastLine(s) == ">>> x = 1"
	})
	p.key("Enter")

	p.keys("await sleep(100)")
	p.key("Enter")
	time.Sleep(200 * time.Millisecond)
	p.key("C-c")
	p.waitForText("KeyboardInterrupt\n")
	p.keys("t.done(), x")
	p.key("Enter")
	p.waitForText("(False, 1)")

	p.keys("t.cancel(); asyncio.sl")
	p.key("Tab")
	p.waitFor("the completed name", func(s string) bool { return lastLine(s) == ">>> t.cancel(); asyncio.sleep(" })
	p.key("C-u")
	p.key("C-d")
	p.waitForText("exit status 0")
}
