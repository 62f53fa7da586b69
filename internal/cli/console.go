package cli

// This file defines console, through which everything the REPL and the
// program print reaches the terminal. While the prompt is shown, output
// from background tasks erases the prompt line (readline's Clean), is
// written, and the prompt and the half-typed line are drawn again below
// it (Refresh). Only whole lines are written that way: a line still being
// printed (print(..., end="")) waits for its newline, or for the prompt
// to end. A stream redirected away from the terminal (aio > file) is
// written directly.
//
// readline's own redrawing writer (Instance.Stdout) is not used: it reads
// the completion and search state that readline's goroutine changes
// without a lock, a data race (chzyer/readline#220). Clean and Refresh
// only take the line buffer's lock. A completion list or search line on
// the screen is erased by background output and comes back with the next
// key.

import (
	"bytes"
	"io"
	"sync"

	"github.com/chzyer/readline"
)

const (
	streamOut = 0
	streamErr = 1
)

type console struct {
	mu sync.Mutex
	// streams are standard output and error; onDisplay tells which of
	// them is the terminal readline draws on (display).
	streams   [2]io.Writer
	onDisplay [2]bool
	display   io.Writer
	rl        *readline.Instance
	prompting bool
	// atLineStart is false when the last byte written to the display was
	// not a newline.
	atLineStart bool
	partial     [2][]byte // unterminated output held while prompting
}

// newConsole makes a console for a terminal display and the two output
// streams (each either the display or a redirection).
func newConsole(display, stdout, stderr io.Writer, outOnDisplay, errOnDisplay bool) *console {
	return &console{
		streams:     [2]io.Writer{stdout, stderr},
		onDisplay:   [2]bool{outOnDisplay, errOnDisplay},
		display:     display,
		atLineStart: true,
	}
}

// writer returns the writer for a stream (streamOut or streamErr).
func (c *console) writer(stream int) io.Writer { return consoleWriter{c, stream} }

type consoleWriter struct {
	c      *console
	stream int
}

func (w consoleWriter) Write(p []byte) (int, error) {
	c := w.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.prompting || !c.onDisplay[w.stream] {
		return c.direct(w.stream, p)
	}
	buf := append(c.partial[w.stream], p...)
	i := bytes.LastIndexByte(buf, '\n')
	if i < 0 {
		c.partial[w.stream] = buf
		return len(p), nil
	}
	var err error
	if c.rl.Terminal.IsReading() {
		c.rl.Clean()
		_, err = c.streams[w.stream].Write(buf[:i+1])
		c.rl.Refresh()
	} else {
		_, err = c.streams[w.stream].Write(buf[:i+1])
	}
	c.partial[w.stream] = append([]byte(nil), buf[i+1:]...)
	return len(p), err
}

// direct writes to a stream, tracking whether a display line is
// unfinished.
func (c *console) direct(stream int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := c.streams[stream].Write(p)
	if c.onDisplay[stream] {
		c.atLineStart = p[len(p)-1] == '\n'
	}
	return n, err
}

// beginPrompt is called before readline shows the prompt. An unfinished
// output line is ended first, since readline would draw over it.
func (c *console) beginPrompt() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.atLineStart {
		c.display.Write([]byte("\n"))
		c.atLineStart = true
	}
	c.prompting = c.rl != nil
}

// endPrompt is called when readline returns: readline has ended its line,
// and output held back is written.
func (c *console) endPrompt() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prompting = false
	c.atLineStart = true
	for stream, p := range c.partial {
		c.direct(stream, p)
		c.partial[stream] = nil
	}
}

// endLine ends the display's current line (after the "^C" the terminal
// echoes for Ctrl-C while an input runs).
func (c *console) endLine() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.display.Write([]byte("\n"))
	c.atLineStart = true
}

// reader wraps the program's standard input. A line the user typed for
// input() was echoed by the terminal with its newline, so the display's
// line is ended when the program reads one.
func (c *console) reader(r io.Reader) io.Reader { return consoleReader{c, r} }

type consoleReader struct {
	c *console
	r io.Reader
}

func (cr consoleReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	if n > 0 && p[n-1] == '\n' {
		cr.c.mu.Lock()
		cr.c.atLineStart = true
		cr.c.mu.Unlock()
	}
	return n, err
}
