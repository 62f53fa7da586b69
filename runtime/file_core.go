package runtime

// This file is the buffered layer under the file objects that open()
// returns: one fileCore per open file, shared by its FileIO, its
// Buffered* object and its TextIOWrapper, holding the handle, a read-ahead
// buffer and the pending writes. Keeping both buffers here, rather than
// one per layer, lets tell() and seek() be exact at every layer.

import (
	"errors"
	"io"
	"io/fs"
	"time"
)

// fileBufferSize is the size of a file's read-ahead buffer and the write
// size past which pending writes are flushed (CPython uses 8 KiB; larger
// chunks make line-by-line reading of big files faster).
const fileBufferSize = 64 << 10

// fileCore is an open file's handle and buffers.
type fileCore struct {
	h         FileHandle
	name      Value // the name open() was given (a str, bytes or int)
	readable  bool
	writable  bool
	appending bool
	created   bool // mode 'x'
	raw       bool // buffering=0: no read-ahead, writes go straight out
	closefd   bool
	closed    bool

	// slow marks a handle whose reads may block indefinitely (a FIFO, a
	// terminal, a device): they run on a goroutine so that a cancelled
	// interpreter is not stuck in one (readSlow).
	slow    bool
	pending chan readResult // an abandoned read still in flight

	rbuf       []byte // read-ahead: rbuf[rpos:rend] are not consumed yet
	rpos, rend int
	wbuf       []byte // written but not yet flushed
	eof        bool   // the last fill hit the end of the file
}

// rawMode is the mode FileIO reports: 'rb', 'wb', 'ab', 'xb', with '+'
// when the file is both readable and writable.
func (c *fileCore) rawMode() string {
	var m string
	switch {
	case c.created:
		m = "xb"
	case c.appending:
		m = "ab"
	case c.readable:
		m = "rb"
	default:
		m = "wb"
	}
	if c.readable && c.writable {
		m += "+"
	}
	return m
}

// ioErr converts an error of the handle into an OSError naming no file,
// as CPython reports errors of reads and writes.
func ioErr(err error) error {
	if err == nil {
		return nil
	}
	return OSErrorFrom(err, Value{})
}

// flush writes out pending writes, keeping the buffer for the next ones.
func (c *fileCore) flush() error {
	for done := 0; done < len(c.wbuf); {
		n, err := c.h.Write(c.wbuf[done:])
		done += n
		if err != nil {
			c.wbuf = c.wbuf[:0]
			return ioErr(err)
		}
	}
	c.wbuf = c.wbuf[:0]
	return nil
}

// dropReadAhead forgets the read-ahead, moving the handle back to the
// position of the first unconsumed byte.
func (c *fileCore) dropReadAhead() error {
	if n := c.rend - c.rpos; n > 0 {
		if _, err := c.h.Seek(int64(-n), io.SeekCurrent); err != nil {
			return ioErr(err)
		}
	}
	c.rpos, c.rend, c.eof = 0, 0, false
	return nil
}

// fill reads more of the file into the read-ahead buffer, keeping what is
// unconsumed; it returns false at the end of the file.
func (c *fileCore) fill(th *Thread) (bool, error) {
	if len(c.wbuf) > 0 {
		if err := c.flush(); err != nil {
			return false, err
		}
	}
	if c.rpos > 0 {
		copy(c.rbuf, c.rbuf[c.rpos:c.rend])
		c.rend -= c.rpos
		c.rpos = 0
	}
	if c.rbuf == nil {
		if err := th.Alloc(fileBufferSize); err != nil {
			return false, err
		}
		c.rbuf = make([]byte, fileBufferSize)
	} else if c.rend == len(c.rbuf) {
		// A line longer than the buffer: grow it.
		if err := th.Alloc(int64(len(c.rbuf))); err != nil {
			return false, err
		}
		nb := make([]byte, 2*len(c.rbuf))
		copy(nb, c.rbuf[:c.rend])
		c.rbuf = nb
	}
	if err := th.Work(int64(len(c.rbuf)-c.rend) / 64); err != nil {
		return false, err
	}
	n, err := c.read(th, c.rbuf[c.rend:])
	c.rend += n
	if n > 0 {
		c.eof = false // a file that grew, or a terminal after an end
		return true, nil
	}
	if err == nil || err == io.EOF {
		c.eof = true
		return false, nil
	}
	return false, ioErr(err)
}

// buffered returns the unconsumed read-ahead.
func (c *fileCore) buffered() []byte { return c.rbuf[c.rpos:c.rend] }

// readAll reads to the end of the file.
func (c *fileCore) readAll(th *Thread) ([]byte, error) {
	out := append([]byte(nil), c.buffered()...)
	c.rpos, c.rend = 0, 0
	if err := c.flush(); err != nil {
		return nil, err
	}
	// Size the result from the file's size when it is known.
	if st, err := c.h.Stat(); err == nil && st.Mode().IsRegular() {
		if pos, err := c.h.Seek(0, io.SeekCurrent); err == nil && st.Size() > pos {
			if err := th.Alloc(st.Size() - pos); err != nil {
				return nil, err
			}
			grown := make([]byte, len(out), len(out)+int(st.Size()-pos)+1)
			copy(grown, out)
			out = grown
		}
	}
	for {
		if len(out) == cap(out) {
			if err := th.Alloc(int64(cap(out)) + 512); err != nil {
				return nil, err
			}
			out = append(out, 0)[:len(out)]
		}
		n, err := c.read(th, out[len(out):cap(out)])
		out = out[:len(out)+n]
		if err := th.Work(int64(n) / 64); err != nil {
			return nil, err
		}
		if err == io.EOF || (n == 0 && err == nil) {
			return out, nil
		}
		if err != nil {
			return nil, ioErr(err)
		}
	}
}

// readN reads up to n bytes: from the read-ahead, then (for a raw file,
// one read call) from the file.
func (c *fileCore) readN(th *Thread, n int) ([]byte, error) {
	if c.raw {
		if err := c.flush(); err != nil {
			return nil, err
		}
		if err := th.Alloc(int64(n)); err != nil {
			return nil, err
		}
		b := make([]byte, n)
		k, err := c.read(th, b)
		if err != nil && err != io.EOF {
			return nil, ioErr(err)
		}
		return b[:k], nil
	}
	for c.rend-c.rpos < n {
		more, err := c.fill(th)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	k := min(n, c.rend-c.rpos)
	out := append([]byte(nil), c.rbuf[c.rpos:c.rpos+k]...)
	c.rpos += k
	return out, nil
}

// readLineView reads the next line as the newline mode (see lineEnd)
// defines lines, at most limit bytes when limit >= 0, or what is left at
// the end of the file. The result is a view of the read-ahead buffer,
// valid until the next read: callers copy or decode it.
func (c *fileCore) readLineView(th *Thread, mode, limit int) ([]byte, error) {
	from := 0
	for {
		buf := c.buffered()
		limited := limit >= 0 && len(buf) >= limit
		if limited {
			buf = buf[:limit]
		}
		if end, ok := lineEnd(buf, from, mode, c.eof || limited); ok {
			c.rpos += end
			return buf[:end], nil
		}
		if limited || c.eof && len(buf) > 0 {
			c.rpos += len(buf)
			return buf, nil
		}
		from = max(0, len(buf)-1)
		more, err := c.fill(th)
		if err != nil {
			return nil, err
		}
		if !more {
			if end, ok := lineEnd(c.buffered(), from, mode, true); ok {
				buf = c.buffered()[:end]
			} else {
				buf = c.buffered()
			}
			c.rpos += len(buf)
			return buf, nil
		}
	}
}

// write buffers p (or writes it at once for a raw file).
func (c *fileCore) write(th *Thread, p []byte) error {
	if c.rend > c.rpos || c.rend > 0 {
		if err := c.dropReadAhead(); err != nil {
			return err
		}
	}
	if c.raw {
		_, err := c.h.Write(p)
		return ioErr(err)
	}
	if len(c.wbuf)+len(p) > fileBufferSize {
		if err := c.flush(); err != nil {
			return err
		}
		if len(p) >= fileBufferSize {
			_, err := c.h.Write(p)
			return ioErr(err)
		}
	}
	if c.wbuf == nil {
		if err := th.Alloc(fileBufferSize); err != nil {
			return err
		}
		c.wbuf = make([]byte, 0, fileBufferSize)
	}
	if len(c.wbuf) == 0 && th.OS != nil {
		th.OS.markPending(c)
	}
	c.wbuf = append(c.wbuf, p...)
	return nil
}

// tell is the position of the next byte the script reads or writes.
func (c *fileCore) tell() (int64, error) {
	pos, err := c.h.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, ioErr(err)
	}
	return pos - int64(c.rend-c.rpos) + int64(len(c.wbuf)), nil
}

// seek moves to off relative to whence (0 start, 1 current, 2 end).
func (c *fileCore) seek(off int64, whence int) (int64, error) {
	if err := c.flush(); err != nil {
		return 0, err
	}
	if whence == io.SeekCurrent {
		off -= int64(c.rend - c.rpos)
	}
	pos, err := c.h.Seek(off, whence)
	if err != nil {
		return 0, ioErr(err) // a pipe keeps its read-ahead
	}
	c.rpos, c.rend, c.eof = 0, 0, false
	return pos, nil
}

// truncate cuts the file at size (the current position when size < 0),
// leaving the position where it was.
func (c *fileCore) truncate(size int64) (int64, error) {
	if err := c.flush(); err != nil {
		return 0, err
	}
	if size < 0 {
		pos, err := c.tell()
		if err != nil {
			return 0, err
		}
		size = pos
	}
	if err := c.dropReadAhead(); err != nil {
		return 0, err
	}
	if err := c.h.Truncate(size); err != nil {
		return 0, ioErr(err)
	}
	return size, nil
}

// close flushes and closes the handle; closing twice does nothing.
func (c *fileCore) close() error {
	if c.closed {
		return nil
	}
	err := c.flush()
	c.closed = true
	c.rbuf, c.wbuf = nil, nil
	if c.closefd {
		if cerr := c.h.Close(); err == nil && cerr != nil && !errors.Is(cerr, fs.ErrClosed) {
			err = ioErr(cerr)
		}
	}
	return err
}

// seekable reports whether the handle can seek.
func (c *fileCore) seekable() bool {
	_, err := c.h.Seek(0, io.SeekCurrent)
	return err == nil
}

// isatty reports whether the handle is a terminal.
func (c *fileCore) isatty() bool {
	st, err := c.h.Stat()
	return err == nil && st.Mode()&fs.ModeCharDevice != 0 && st.Mode()&fs.ModeDevice != 0
}

// readResult is the outcome of a read run on a goroutine.
type readResult struct {
	data []byte
	err  error
}

// read reads into p, through readSlow for a handle that may block.
func (c *fileCore) read(th *Thread, p []byte) (int, error) {
	if !c.slow {
		return c.h.Read(p)
	}
	return c.readSlow(th, p)
}

// readSlow runs a read on a goroutine and waits for it, looking at the
// interpreter's stop flag (Limits.Poll) every few milliseconds: when the
// host cancels the script, the read is abandoned with the stop's
// exception, and the next read of the file takes its data first.
func (c *fileCore) readSlow(th *Thread, p []byte) (int, error) {
	if c.pending == nil {
		ch := make(chan readResult, 1)
		buf := make([]byte, len(p))
		h := c.h
		go func() {
			n, err := h.Read(buf)
			ch <- readResult{data: buf[:n], err: err}
		}()
		c.pending = ch
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-c.pending:
			c.pending = nil
			n := copy(p, r.data)
			return n, r.err
		case <-tick.C:
			if th.Limits.Poll != nil {
				if err := th.Limits.Poll(); err != nil {
					return 0, err
				}
			}
		}
	}
}
