package runtime

// This file defines the socket transport of asyncio's protocol model: a
// connected socket driven for a protocol object (connection_made,
// data_received, eof_received, connection_lost, pause_writing,
// resume_writing). A goroutine reads the socket and posts each chunk to
// the loop, where the protocol sees it. Writes are tried at once without
// blocking (as CPython's selector loop does); what the kernel does not
// take waits in a buffer that a writer goroutine drains. The buffer's
// size drives flow control with the protocol as CPython's high and low
// water marks (64 KiB and 16 KiB by default) do.

import (
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"unsafe"
)

// maxPosted bounds the chunks a reader goroutine has posted to the loop
// and the protocol has not yet received.
const maxPosted = 2

// TransportType is the class of socket transports.
var TransportType = finalType("_SelectorSocketTransport")

// Transport is a socket transport (see the file comment). Its fields are
// the loop's, except those under mu, which the goroutines share.
type Transport struct {
	loop     *Loop
	conn     transportConn
	protocol Value
	network  string
	socket   Value // the socket view get_extra_info('socket') returns

	closing     bool // close() or abort() called, or the peer went away
	lost        bool // connection_lost scheduled
	eofSent     bool
	writePaused bool // the protocol was told pause_writing
	reading     bool
	buffered    int // bytes written by the script and not yet sent
	high, low   int

	mu      sync.Mutex
	cond    *sync.Cond
	pending [][]byte // waiting for the writer goroutine
	paused  bool     // reading paused: the reader goroutine waits
	// posted counts chunks posted to the loop and not yet delivered: the
	// reader waits while maxPosted are, so that a pause_reading takes
	// effect within a chunk or two.
	posted  int
	stopped bool // the goroutines must end
	writer  bool // the writer goroutine runs
}

// Type returns TransportType.
func (t *Transport) Type() *Type { return TransportType }

// Footprint implements MemNode: the transport and the bytes it buffers.
func (t *Transport) Footprint() int64 {
	return int64(unsafe.Sizeof(*t)) + int64(t.buffered) + 512
}

// Referents implements MemNode.
func (t *Transport) Referents(w *MemWalker) {
	w.Value(t.protocol)
	w.Value(t.socket)
}

// startTransport makes the transport of c for protocol on loop: the
// protocol's connection_made runs on the next pass, then reading starts;
// waiter, when not nil, completes after connection_made.
func startTransport(th *Thread, loop *Loop, c transportConn, protocol, socket Value, waiter *Future) *Transport {
	network, _, _ := connAddrs(c)
	t := &Transport{loop: loop, conn: c, protocol: protocol, network: network,
		socket: socket, high: 64 * 1024, low: 16 * 1024, reading: true}
	t.cond = sync.NewCond(&t.mu)
	loop.CallSoon(func() error {
		if _, err := t.callProtocol(th, "connection_made", Obj(t)); err != nil {
			t.fatal(th, err)
			if waiter != nil && !waiter.Done() {
				return waiter.SetException(AsException(err))
			}
			return nil
		}
		if t.closing {
			if waiter != nil && !waiter.Done() {
				waiter.SetResult(None)
			}
			return nil
		}
		loop.BeginHostWork()
		go t.readLoop(th)
		if waiter != nil && !waiter.Done() {
			return waiter.SetResult(None)
		}
		return nil
	})
	return t
}

// callProtocol calls a protocol method on the loop.
func (t *Transport) callProtocol(th *Thread, name string, args ...Value) (Value, error) {
	m, err := GetAttr(th, t.protocol, name)
	if err != nil {
		return Value{}, err
	}
	return th.Call(m, args, nil)
}

// fatal reports an exception a protocol callback raised (as the loop's
// exception handler would) and aborts the connection.
func (t *Transport) fatal(th *Thread, err error) {
	e := AsException(err)
	if e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit) {
		t.abort(th, nil)
		return
	}
	if th.ReportException != nil && !e.Class.IsSubtype(OSError) {
		th.ReportException("Fatal error: protocol.data_received() call failed.", e)
	}
	t.abort(th, e)
}

// readLoop runs on its own goroutine: it reads the socket and posts each
// chunk, the end of the stream or the error to the loop, waiting while
// reading is paused. It is outstanding host work until it ends.
func (t *Transport) readLoop(th *Thread) {
	buf := make([]byte, 256*1024)
	for {
		t.mu.Lock()
		for (t.paused || t.posted >= maxPosted) && !t.stopped {
			t.cond.Wait()
		}
		stopped := t.stopped
		t.mu.Unlock()
		if stopped {
			break
		}
		n, err := t.conn.Read(buf)
		if n > 0 {
			chunk := make([]byte, n)
			copy(chunk, buf[:n])
			t.mu.Lock()
			t.posted++
			t.mu.Unlock()
			t.loop.Post(func() error { return t.received(th, chunk) })
		}
		if err != nil {
			t.loop.Post(func() error { return t.readEnded(th, err) })
			break
		}
	}
	t.loop.Post(func() error { t.loop.EndHostWork(); return nil })
}

// received delivers a chunk to the protocol.
func (t *Transport) received(th *Thread, chunk []byte) error {
	t.mu.Lock()
	t.posted--
	t.cond.Broadcast()
	t.mu.Unlock()
	if t.closing {
		return nil
	}
	if _, err := t.callProtocol(th, "data_received", NewBytes(chunk)); err != nil {
		t.fatal(th, err)
	}
	return nil
}

// readEnded handles the end of the read side: the peer's EOF goes to
// eof_received (which keeps the transport half open by returning true),
// an error loses the connection.
func (t *Transport) readEnded(th *Thread, err error) error {
	if t.closing {
		return nil
	}
	if isEOF(err) {
		keep, err := t.callProtocol(th, "eof_received")
		if err != nil {
			t.fatal(th, err)
			return nil
		}
		if ok, _ := Truth(th, keep); !ok {
			t.close(th)
		}
		return nil
	}
	t.abort(th, socketError(err))
	return nil
}

// isEOF reports whether a read error is the peer's orderly end.
func isEOF(err error) bool {
	return errors.Is(err, io.EOF)
}

// write queues data, sending at once what the socket takes without
// blocking.
func (t *Transport) write(th *Thread, data []byte) error {
	if t.eofSent {
		return Errorf(RuntimeError, "Cannot call write() after write_eof()")
	}
	if len(data) == 0 || t.closing {
		return nil
	}
	if t.buffered == 0 {
		n := t.tryWrite(data)
		if n < 0 {
			return nil // the error has aborted the connection
		}
		data = data[n:]
		if len(data) == 0 {
			return nil
		}
	}
	buf := make([]byte, len(data))
	copy(buf, data)
	t.buffered += len(buf)
	t.mu.Lock()
	t.pending = append(t.pending, buf)
	if !t.writer {
		t.writer = true
		t.loop.BeginHostWork()
		go t.writeLoop(th)
	}
	t.cond.Broadcast()
	t.mu.Unlock()
	t.maybePauseProtocol(th)
	return nil
}

// tryWrite writes what the socket accepts now without waiting; it
// returns how much was written, or -1 after a fatal error.
func (t *Transport) tryWrite(data []byte) int {
	sc, ok := t.conn.(syscall.Conn)
	if !ok {
		return 0
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	var werr error
	rc.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), data)
		return true
	})
	if werr != nil {
		if werr == syscall.EAGAIN || werr == syscall.EINTR {
			return 0
		}
		t.abort(t.loop.th, socketError(werr))
		return -1
	}
	if n < 0 {
		n = 0
	}
	return n
}

// writeLoop runs on its own goroutine while data is pending: it sends
// the buffer and posts the progress to the loop.
func (t *Transport) writeLoop(th *Thread) {
	for {
		t.mu.Lock()
		for len(t.pending) == 0 && !t.stopped {
			t.writer = false
			t.mu.Unlock()
			t.loop.Post(func() error { t.loop.EndHostWork(); return t.flushed(th) })
			return
		}
		if t.stopped {
			t.writer = false
			t.mu.Unlock()
			t.loop.Post(func() error { t.loop.EndHostWork(); return nil })
			return
		}
		bufs := net.Buffers(t.pending)
		total := 0
		for _, b := range t.pending {
			total += len(b)
		}
		t.pending = nil
		t.mu.Unlock()
		_, err := bufs.WriteTo(t.conn)
		t.loop.Post(func() error {
			t.buffered -= total
			if err != nil {
				t.abort(th, socketError(err))
				return nil
			}
			t.maybeResumeProtocol(th)
			return nil
		})
		if err != nil {
			t.mu.Lock()
			t.writer = false
			t.mu.Unlock()
			t.loop.Post(func() error { t.loop.EndHostWork(); return nil })
			return
		}
	}
}

// flushed runs when the writer goroutine found nothing more to send: a
// closing transport finishes closing, a write_eof takes effect.
func (t *Transport) flushed(th *Thread) error {
	if t.buffered > 0 {
		return nil
	}
	t.maybeResumeProtocol(th)
	if t.eofSent && !t.lost {
		t.shutdownWrite()
	}
	if t.closing && !t.lost {
		t.finish(th, nil)
	}
	return nil
}

func (t *Transport) maybePauseProtocol(th *Thread) {
	if t.writePaused || t.buffered <= t.high {
		return
	}
	t.writePaused = true
	if _, err := t.callProtocol(th, "pause_writing"); err != nil {
		t.fatal(th, err)
	}
}

func (t *Transport) maybeResumeProtocol(th *Thread) {
	if !t.writePaused || t.buffered > t.low {
		return
	}
	t.writePaused = false
	if _, err := t.callProtocol(th, "resume_writing"); err != nil {
		t.fatal(th, err)
	}
}

// shutdownWrite half-closes the socket (write_eof).
func (t *Transport) shutdownWrite() {
	type closeWriter interface{ CloseWrite() error }
	if cw, ok := t.conn.(closeWriter); ok {
		cw.CloseWrite()
	}
}

// close starts an orderly close: the buffer is sent, then the socket is
// closed and connection_lost(None) is called.
func (t *Transport) close(th *Thread) {
	if t.closing {
		return
	}
	t.closing = true
	t.setPaused(true)
	if t.buffered == 0 {
		t.finish(th, nil)
	}
}

// abort closes at once, dropping buffered data; exc (nil: none) is what
// connection_lost receives.
func (t *Transport) abort(th *Thread, exc *Exception) {
	t.closing = true
	if !t.lost {
		t.finish(th, exc)
	}
}

// finish closes the socket, stops the goroutines and schedules
// connection_lost.
func (t *Transport) finish(th *Thread, exc *Exception) {
	t.lost = true
	t.mu.Lock()
	t.stopped = true
	t.pending = nil
	t.cond.Broadcast()
	t.mu.Unlock()
	t.conn.Close()
	arg := None
	if exc != nil {
		arg = Obj(exc)
	}
	t.loop.CallSoon(func() error {
		if _, err := t.callProtocol(th, "connection_lost", arg); err != nil {
			e := AsException(err)
			if e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit) {
				return e
			}
			if th.ReportException != nil {
				th.ReportException("Exception in callback connection_lost", e)
			}
		}
		t.protocol = None
		return nil
	})
}

// setPaused pauses or resumes the reader goroutine.
func (t *Transport) setPaused(p bool) {
	t.mu.Lock()
	t.paused = p
	t.cond.Broadcast()
	t.mu.Unlock()
}
