package cli

// This file defines console, through which everything the REPL and the
// program print reaches the terminal. While the prompt is shown, output
// from background tasks goes through readline, which erases the prompt
// line, writes the output and draws the prompt and the half-typed line
// again below it. Only whole lines are written that way: a line still
// being printed (print(..., end="")) waits for its newline, or for the
// prompt to end.

import (
	"bytes"
	"io"
	"sync"

	"github.com/chzyer/readline"
)

type console struct {
	mu        sync.Mutex
	term      [2]io.Writer // the terminal's standard output and error
	rl        *readline.Instance
	prompting bool
	// atLineStart is false when the last byte written was not a newline.
	atLineStart bool
	partial     [2][]byte // unterminated output held while prompting
}

const (
	streamOut = 0
	streamErr = 1
)

func newConsole(stdout, stderr io.Writer) *console {
	return &console{term: [2]io.Writer{stdout, stderr}, atLineStart: true}
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
	if !c.prompting {
		return c.direct(w.stream, p)
	}
	buf := append(c.partial[w.stream], p...)
	i := bytes.LastIndexByte(buf, '\n')
	if i < 0 {
		c.partial[w.stream] = buf
		return len(p), nil
	}
	target := c.rl.Stdout()
	if w.stream == streamErr {
		target = c.rl.Stderr()
	}
	_, err := target.Write(buf[:i+1])
	c.partial[w.stream] = append([]byte(nil), buf[i+1:]...)
	return len(p), err
}

// direct writes to the terminal, tracking whether a line is unfinished.
func (c *console) direct(stream int, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := c.term[stream].Write(p)
	c.atLineStart = p[len(p)-1] == '\n'
	return n, err
}

// beginPrompt is called before readline shows the prompt. An unfinished
// output line is ended first, since readline would draw over it.
func (c *console) beginPrompt() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.atLineStart {
		c.direct(streamOut, []byte("\n"))
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

// endLine ends the terminal's current line (after the "^C" the terminal
// echoes for Ctrl-C while an input runs).
func (c *console) endLine() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.direct(streamOut, []byte("\n"))
}
