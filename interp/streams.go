package interp

// This file keeps a host's blocking streams from holding a stopped
// script. A read from Options.Stdin or a write to Options.Stdout or
// Stderr that may block (a pipe, a terminal, a network connection, any
// io.Reader or io.Writer the host wrote) runs on a goroutine while the
// interpreter waits for it or for the entry's context: when the context
// is done first, the call returns at once with the interrupt, and the
// operation is left to finish in the background (the next operation on
// the stream waits for it, so output stays in order). While such an entry
// runs, output to these streams is buffered (writeBuffer bytes, flushed
// when full, on flush=True, sys.stdout.flush() or input(), before the
// other output stream is written, and when the entry returns), so that a
// print costs a copy rather than a goroutine. Streams that cannot block
// (bytes.Buffer, strings.Builder, strings.Reader, bytes.Reader,
// io.Discard, regular files) are used directly, and so is every stream
// while no cancellable context is in force.

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// streamOp is one read or write on a host stream's goroutine.
type streamOp struct {
	done chan struct{} // closed when the operation has returned
	buf  []byte
	n    int
	err  error
}

// hostStream is the state shared by hostReader and hostWriter: the
// operation in flight, if any.
type hostStream struct {
	in      *Interp
	pending *streamOp
}

// entryDone returns the done channel of the running entry's context, or
// nil when none is in force.
func (s *hostStream) entryDone() <-chan struct{} {
	h := &s.in.host
	if h.depth == 0 || h.ctx == nil {
		return nil
	}
	return h.ctx.Done()
}

// start runs f on a new goroutine as the stream's operation in flight.
func (s *hostStream) start(buf []byte, f func(buf []byte) (int, error)) *streamOp {
	op := &streamOp{done: make(chan struct{}), buf: buf}
	go func() {
		defer close(op.done)
		op.n, op.err = f(buf)
	}()
	s.pending = op
	return op
}

// wait waits for the operation in flight (there is one), giving up with
// the interrupt when the entry's context is done first.
func (s *hostStream) wait(done <-chan struct{}) (*streamOp, error) {
	op := s.pending
	if done == nil {
		<-op.done
	} else {
		select {
		case <-op.done:
		case <-done:
			return nil, s.in.ctxStop()
		}
	}
	s.pending = nil
	return op, nil
}

// writeBuffer is how much output a hostWriter gathers before writing it.
const writeBuffer = 8 << 10

// hostWriter is a host's output stream that may block.
type hostWriter struct {
	hostStream
	w   io.Writer
	buf []byte // output not yet handed to w
}

// Write writes p: directly while no cancellable context is in force,
// otherwise into the buffer, which is written on the stream's goroutine
// when full (abandoned when the entry's context is done first: the bytes
// are still written when the stream accepts them).
func (s *hostWriter) Write(p []byte) (int, error) {
	done := s.entryDone()
	if err := s.in.flushOtherWriters(s, done); err != nil {
		return 0, err
	}
	if done == nil {
		if err := s.flushBuf(nil); err != nil {
			return 0, err
		}
		return s.w.Write(p)
	}
	s.buf = append(s.buf, p...)
	if len(s.buf) >= writeBuffer {
		if err := s.flushBuf(done); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// flushBuf hands the buffered output to the stream, waiting for it (or
// for done).
func (s *hostWriter) flushBuf(done <-chan struct{}) error {
	if s.pending != nil {
		if _, err := s.wait(done); err != nil {
			return err
		}
	}
	if len(s.buf) == 0 {
		return nil
	}
	buf := s.buf
	s.buf = nil
	s.start(buf, s.w.Write)
	op, err := s.wait(done)
	if err != nil {
		return err
	}
	return op.err
}

// Flush writes the buffered output and flushes the underlying stream when
// it buffers too.
func (s *hostWriter) Flush() error {
	done := s.entryDone()
	if err := s.flushBuf(done); err != nil {
		return err
	}
	f, ok := s.w.(interface{ Flush() error })
	if !ok {
		return nil
	}
	if done == nil {
		return f.Flush()
	}
	s.start(nil, func([]byte) (int, error) { return 0, f.Flush() })
	op, err := s.wait(done)
	if err != nil {
		return err
	}
	return op.err
}

// flushOtherWriters writes the output buffered for the interpreter's
// other output streams before w is written, keeping stdout and stderr in
// order when a host sends both to one place.
func (in *Interp) flushOtherWriters(w *hostWriter, done <-chan struct{}) error {
	for _, o := range in.host.writers {
		if o != w && len(o.buf) > 0 {
			if err := o.flushBuf(done); err != nil {
				return err
			}
		}
	}
	return nil
}

// flushWriters writes the buffered output of every host stream, as an
// entry returns (abandoning it if the entry's context is done). A stream
// still stuck in a write an earlier entry abandoned keeps its output
// for later: an entry that printed nothing must not wait for it.
func (in *Interp) flushWriters() {
	for _, w := range in.host.writers {
		if len(w.buf) == 0 {
			continue
		}
		if w.pending != nil {
			select {
			case <-w.pending.done:
			default:
				continue
			}
		}
		w.flushBuf(w.entryDone())
	}
}

// hostReader is a host's input stream that may block.
type hostReader struct {
	hostStream
	r io.Reader
	// rest is what a finished read delivered beyond what was asked since,
	// and restErr the error that came with it.
	rest    []byte
	restErr error
}

// Read reads into p, abandoning the wait when the entry's context is
// done first; the read goes on, and its bytes are delivered by the next
// Read.
func (s *hostReader) Read(p []byte) (int, error) {
	if len(s.rest) == 0 && s.restErr == nil {
		done := s.entryDone()
		if s.pending == nil {
			if done == nil {
				return s.r.Read(p)
			}
			s.start(make([]byte, len(p)), s.r.Read)
		}
		op, err := s.wait(done)
		if err != nil {
			return 0, err
		}
		s.rest, s.restErr = op.buf[:op.n], op.err
	}
	n := copy(p, s.rest)
	s.rest = s.rest[n:]
	if len(s.rest) > 0 {
		return n, nil
	}
	err := s.restErr
	s.rest, s.restErr = nil, nil
	return n, err
}

// mayBlock reports whether a host stream may block: anything but the
// in-memory streams of the standard library and regular files.
func mayBlock(x any) bool {
	switch s := x.(type) {
	case *bytes.Buffer, *strings.Builder, *strings.Reader, *bytes.Reader:
		return false
	case *os.File:
		fi, err := s.Stat()
		return err != nil || !fi.Mode().IsRegular()
	}
	return x != io.Discard
}

// wrapWriter returns w, made abandonable when it may block.
func (in *Interp) wrapWriter(w io.Writer) io.Writer {
	if !mayBlock(w) {
		return w
	}
	hw := &hostWriter{hostStream: hostStream{in: in}, w: w}
	in.host.writers = append(in.host.writers, hw)
	return hw
}

// wrapReader returns r, made abandonable when it may block.
func (in *Interp) wrapReader(r io.Reader) io.Reader {
	if !mayBlock(r) {
		return r
	}
	return &hostReader{hostStream: hostStream{in: in}, r: r}
}
