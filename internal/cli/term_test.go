package cli

// This file defines the fake terminal the REPL tests drive: a keyboard
// (readline's stdin) and a screen that interprets the few control
// sequences readline writes, so that tests can assert on what a user
// would see.

import (
	"io"
	"strconv"
	"strings"
	"sync"
)

// keyboard is an io.ReadCloser fed by the test. Writes never block.
type keyboard struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    []byte
	closed bool
}

func newKeyboard() *keyboard {
	k := &keyboard{}
	k.cond = sync.NewCond(&k.mu)
	return k
}

// send types keys: "\r" is Enter, "\t" Tab, "\x03" Ctrl-C, "\x04" Ctrl-D,
// "\x1b[A" the up arrow.
func (k *keyboard) send(keys string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.buf = append(k.buf, keys...)
	k.cond.Broadcast()
}

func (k *keyboard) Read(p []byte) (int, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for len(k.buf) == 0 && !k.closed {
		k.cond.Wait()
	}
	if len(k.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, k.buf)
	k.buf = k.buf[n:]

	return n, nil
}

func (k *keyboard) Close() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.closed = true
	k.cond.Broadcast()
	return nil
}

// screen is a minimal terminal: printable text overwrites cells, and it
// understands CR, LF (as CR LF, the terminal's output processing), BS, and
// the CSI sequences readline uses (cursor up/down/right/left, erase line,
// erase below).
type screen struct {
	mu       sync.Mutex
	lines    [][]rune
	row, col int
	esc      []byte // an escape sequence being read
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range string(p) {
		s.put(r)
	}
	return len(p), nil
}

func (s *screen) line() []rune {
	for len(s.lines) <= s.row {
		s.lines = append(s.lines, nil)
	}
	return s.lines[s.row]
}

func (s *screen) put(r rune) {
	if s.esc != nil {
		s.esc = append(s.esc, string(r)...)
		if len(s.esc) == 1 {
			if r != '[' {
				s.esc = nil // a two-byte escape: ignore it
			}
			return
		}
		if r >= '@' && r <= '~' {
			s.csi(string(s.esc[1:len(s.esc)-1]), r)
			s.esc = nil
		}
		return
	}
	switch r {
	case '\x1b':
		s.esc = []byte{}
	case '\r':
		s.col = 0
	case '\n':
		s.row++
		s.col = 0
		s.line()
	case '\b':
		if s.col > 0 {
			s.col--
		}
	case '\a':
	default:
		l := s.line()
		for len(l) < s.col {
			l = append(l, ' ')
		}
		if s.col < len(l) {
			l[s.col] = r
		} else {
			l = append(l, r)
		}
		s.lines[s.row] = l
		s.col++
	}
}

func (s *screen) csi(param string, final rune) {
	n, err := strconv.Atoi(param)
	if err != nil {
		n = 0
	}
	count := max(n, 1)
	switch final {
	case 'A':
		s.row = max(s.row-count, 0)
	case 'B':
		s.row += count
	case 'C':
		s.col += count
	case 'D':
		s.col = max(s.col-count, 0)
	case 'K':
		l := s.line()
		switch n {
		case 2:
			s.lines[s.row] = nil
		case 0:
			if s.col < len(l) {
				s.lines[s.row] = l[:s.col]
			}
		}
	case 'J':
		l := s.line()
		if s.col < len(l) {
			s.lines[s.row] = l[:s.col]
		}
		s.lines = s.lines[:s.row+1]
	}
}

// text returns the screen's lines up to the cursor's or the last one
// written, trailing blanks trimmed.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	last := s.row
	for i := len(s.lines) - 1; i > last; i-- {
		if len(s.lines[i]) > 0 {
			last = i
			break
		}
	}
	var b strings.Builder
	for i := 0; i <= last; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(s.lines) {
			b.WriteString(strings.TrimRight(string(s.lines[i]), " "))
		}
	}
	return b.String()
}
