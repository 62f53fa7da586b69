package cli

// This file defines the interactive REPL that `aio` opens when standard
// input is a terminal: line editing, history and completion come from
// github.com/chzyer/readline; the inputs run in an interp.Session, whose
// event loop keeps running between inputs.
//
// Ctrl-C reaches the REPL in two ways. While readline reads a line the
// terminal is in raw mode, so Ctrl-C is a key: readline returns
// ErrInterrupt and the REPL drops the lines typed so far. While an input
// runs the terminal is in its normal mode, so Ctrl-C is SIGINT: the REPL
// catches it with signal.Notify and interrupts the session's input, which
// cancels that input's task only.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"strings"

	"github.com/chzyer/readline"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/parser"
)

const (
	ps1 = ">>> "
	ps2 = "... "
	// historyEnv names the environment variable that overrides the history
	// file; set to the empty string, it turns history off.
	historyEnv     = "AIO_HISTORY"
	historyDefault = ".aio_history"
	indentWidth    = 4
)

// terminal is what the REPL reads from and writes to. The function fields
// default to readline's, which use the process's terminal; tests replace
// them (see repl_test.go).
type terminal struct {
	stdin          io.ReadCloser
	stdout, stderr io.Writer
	// display is where readline draws: standard output, or standard
	// error when only that is the terminal. outOnDisplay and
	// errOnDisplay tell which streams go to the terminal.
	display                    io.Writer
	outOnDisplay, errOnDisplay bool
	isTerminal                 func() bool
	makeRaw                    func() error
	exitRaw                    func() error
	width                      func() int
	onWidthChanged             func(func())
	// interrupts delivers Ctrl-C pressed while an input runs (SIGINT).
	interrupts <-chan os.Signal
	// echoesInterrupt is set when the terminal echoes Ctrl-C as "^C"
	// without a newline.
	echoesInterrupt bool
	// history is the history file, "" for none.
	history string
}

// runTerminalREPL runs the REPL on the process's terminal.
func runTerminalREPL(stdin *os.File, stdout, stderr io.Writer, opts interp.Options) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	outTTY, errTTY := isTerminalWriter(stdout), isTerminalWriter(stderr)
	display := stdout
	if !outTTY && errTTY {
		display = stderr // as CPython prompts on stderr when stdout is redirected
	}
	return runREPL(terminal{
		stdin:           readline.NewCancelableStdin(stdin),
		stdout:          stdout,
		stderr:          stderr,
		display:         display,
		outOnDisplay:    outTTY,
		errOnDisplay:    errTTY,
		interrupts:      sigs,
		echoesInterrupt: true,
		history:         usableHistoryFile(historyFile()),
	}, opts)
}

func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// historyFile returns the history file named by AIO_HISTORY, or
// ~/.aio_history.
func historyFile() string {
	if p, ok := os.LookupEnv(historyEnv); ok {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, historyDefault)
}

// usableHistoryFile returns p if it can be written, "" otherwise.
func usableHistoryFile(p string) string {
	if p == "" {
		return ""
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return ""
	}
	f.Close()
	return p
}

// banner is printed when the REPL starts.
func banner(virtual bool) string {
	s := fmt.Sprintf("aio %s (a subset of Python 3.11 with asyncio) [%s] on %s\n"+
		"Use \"await\" directly instead of \"asyncio.run()\"; tasks keep running between inputs.\n"+
		"Tab completes names, Ctrl-C interrupts, Ctrl-D or exit() leaves.\n",
		Version, goruntime.Version(), goruntime.GOOS)
	if virtual {
		s += "Virtual clock: time passes only while an input runs.\n"
	}
	return s
}

// runREPL runs the read-eval-print loop until end of input or SystemExit
// and returns the exit status.
func runREPL(term terminal, opts interp.Options) int {
	con := newConsole(term.display, term.stdout, term.stderr, term.outOnDisplay, term.errOnDisplay)
	opts.Stdout = con.writer(streamOut)
	opts.Stderr = con.writer(streamErr)
	if opts.Stdin != nil {
		opts.Stdin = con.reader(opts.Stdin)
	}
	in := interp.New(opts)
	allowRaisingRecursionLimit(in)
	sess := in.NewSession()
	defer sess.Close()

	rl, err := readline.NewEx(&readline.Config{
		Prompt:       ps1,
		HistoryLimit: historyLimit,
		// history.go keeps the file, an entry per input.
		DisableAutoSaveHistory: true,
		AutoComplete:           completer{sess},
		InterruptPrompt:        "^C",
		EOFPrompt:              "\n", // readline's way to print just a newline
		Stdin:                  term.stdin,
		Stdout:                 term.display,
		Stderr:                 term.stderr,
		FuncIsTerminal:         term.isTerminal,
		FuncMakeRaw:            term.makeRaw,
		FuncExitRaw:            term.exitRaw,
		FuncGetWidth:           term.width,
		FuncOnWidthChanged:     term.onWidthChanged,
	})
	if err != nil {
		fmt.Fprintf(term.stderr, "aio: cannot start the REPL: %v\n", err)
		return 1
	}
	con.mu.Lock()
	con.rl = rl
	con.mu.Unlock()
	for _, e := range loadHistory(term.history) {
		rl.SaveHistory(e)
	}
	defer func() {
		term.stdin.Close() // so that readline's reader ends (chzyer/readline#217)
		rl.Close()
	}()

	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-term.interrupts:
				if sess.Interrupt() && term.echoesInterrupt {
					con.endLine()
				}
			case <-sess.Done():
				// A background task ended the session: end Readline too.
				term.stdin.Close()
				return
			case <-stop:
				return
			}
		}
	}()

	io.WriteString(con.writer(streamErr), banner(opts.VirtualTime))
	var lines []string
	for {
		if len(lines) == 0 {
			rl.SetPrompt(ps1)
		} else {
			rl.SetPrompt(ps2)
		}
		con.beginPrompt()
		line, err := rl.Readline()
		con.endPrompt()
		if code, ok := sess.ExitCode(); ok {
			return code
		}
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			lines = nil
			io.WriteString(con.writer(streamErr), "KeyboardInterrupt\n")
			continue
		case err == io.EOF:
			return 0
		case err != nil:
			fmt.Fprintf(con.writer(streamErr), "aio: %v\n", err)
			return 1
		}
		lines = append(lines, line)
		src := strings.Join(lines, "\n") + "\n"
		if _, status, _ := parser.ParseInput(interp.SessionFilename, []byte(src)); status == parser.Incomplete {
			continue
		}
		lines = nil
		if strings.TrimSpace(src) == "" {
			continue
		}
		if e := historyEntry(src); e != "" {
			rl.SaveHistory(e)
			appendHistory(term.history, e)
		}
		err = sess.Exec(context.Background(), src)
		var exit *interp.SessionExit
		switch {
		case errors.As(err, &exit):
			return exit.Code
		case errors.Is(err, interp.ErrSessionClosed):
			return 1
		}
	}
}

// completer adapts Session.Complete to readline. Tab with only blanks
// before the cursor indents to the next multiple of four columns.
type completer struct {
	sess *interp.Session
}

func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	if strings.TrimSpace(text) == "" {
		n := indentWidth - len(line[:pos])%indentWidth
		return [][]rune{[]rune(strings.Repeat(" ", n))}, 0
	}
	cands, n := c.sess.Complete(text)
	out := make([][]rune, len(cands))
	for i, cand := range cands {
		out[i] = []rune(cand[n:])
	}
	return out, len([]rune(text[len(text)-n:]))
}
