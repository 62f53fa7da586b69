package socket

// This file defines the socket object under socket.socket: a file
// descriptor kept in non-blocking mode and registered with Go's
// netpoller, so that a "blocking" call waits in the netpoller (with a
// deadline for a timeout) and the loop's sock_* methods wait on a
// goroutine. The Python class (socket.aio) wraps it.

import (
	"errors"
	"os"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/aio-lang/aio/runtime"
)

// sockType is the class of the raw socket objects socket.socket wraps.
var sockType = runtime.NewType("_sock", runtime.ObjectType)

func init() {
	sockType.Module = "socket"
	sockType.Final = true
}

// Sock is an open (or closed) operating-system socket.
type Sock struct {
	file   *os.File // nil once closed
	raw    syscall.RawConn
	fd     int // -1 once closed
	family int
	kind   int
	proto  int
	// timeout is the Python timeout: negative for None (blocking), 0 for
	// non-blocking, otherwise seconds.
	timeout float64
}

// Type returns the raw socket class.
func (s *Sock) Type() *runtime.Type { return sockType }

// Footprint implements runtime.MemNode.
func (s *Sock) Footprint() int64 { return int64(unsafe.Sizeof(*s)) + 256 }

// Referents implements runtime.MemNode: a socket refers to no values.
func (s *Sock) Referents(*runtime.MemWalker) {}

// newSock wraps fd, which must already be non-blocking and close-on-exec.
func newSock(fd, family, kind, proto int) (*Sock, error) {
	f := os.NewFile(uintptr(fd), "socket")
	raw, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, runtime.Errorf(runtime.OSError, "%s", err.Error())
	}
	return &Sock{file: f, raw: raw, fd: fd, family: family, kind: kind, proto: proto, timeout: -1}, nil
}

// openSock makes a new socket as socket.socket(family, type, proto) does.
func openSock(family, kind, proto int) (*Sock, error) {
	fd, err := syscall.Socket(family, kind|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, proto)
	if err != nil {
		return nil, errnoError(err)
	}
	return newSock(fd, family, kind, proto)
}

// pairSocks makes two connected sockets (socket.socketpair).
func pairSocks(family, kind, proto int) (*Sock, *Sock, error) {
	fds, err := syscall.Socketpair(family, kind|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, proto)
	if err != nil {
		return nil, nil, errnoError(err)
	}
	a, err := newSock(fds[0], family, kind, proto)
	if err != nil {
		syscall.Close(fds[1])
		return nil, nil, err
	}
	b, err := newSock(fds[1], family, kind, proto)
	if err != nil {
		a.close()
		return nil, nil, err
	}
	return a, b, nil
}

// close releases the descriptor; operations waiting in the netpoller end
// with EBADF. Closing twice does nothing.
func (s *Sock) close() {
	if s.file == nil {
		return
	}
	s.file.Close()
	s.file, s.raw, s.fd = nil, nil, -1
}

// errnoError converts a system call's error into the OSError subclass
// CPython raises for its errno.
func errnoError(err error) *runtime.Exception {
	if e, ok := err.(*runtime.Exception); ok {
		return e
	}
	var no syscall.Errno
	if errors.As(err, &no) {
		return runtime.NewOSError(int(no), "")
	}
	if errors.Is(err, os.ErrClosed) {
		return runtime.NewOSError(int(syscall.EBADF), "")
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return timedOut()
	}
	return runtime.Errorf(runtime.OSError, "%s", err.Error())
}

// timedOut is the exception of an operation whose timeout expired.
func timedOut() *runtime.Exception { return runtime.Errorf(runtime.TimeoutError, "timed out") }

// open returns the raw connection of an open socket, or EBADF.
func (s *Sock) open() (syscall.RawConn, error) {
	if s.file == nil {
		return nil, runtime.NewOSError(int(syscall.EBADF), "")
	}
	return s.raw, nil
}

// retryEINTR runs a system call again while a signal interrupts it.
func retryEINTR(op func(fd int) error, fd int) error {
	for {
		err := op(fd)
		if err != syscall.EINTR {
			return err
		}
	}
}

// pollSlice is how long a blocking call waits in the netpoller before
// it runs the interpreter's Poll hook (runtime.Limits.Poll) again.
const pollSlice = 50 * time.Millisecond

// do runs op (a non-blocking system call) as the socket's timeout says:
// once for a non-blocking socket (BlockingIOError when it would block),
// otherwise again each time the netpoller finds the socket ready, until
// the timeout's deadline. write selects the direction op waits for.
func (s *Sock) do(th *runtime.Thread, write bool, op func(fd int) error) error {
	raw, err := s.open()
	if err != nil {
		return err
	}
	var opErr error
	attempt := func(fd uintptr) bool {
		opErr = retryEINTR(op, int(fd))
		return opErr != syscall.EAGAIN
	}
	if s.timeout == 0 {
		err = raw.Control(func(fd uintptr) { attempt(fd) })
	} else {
		err = s.blockingWait(th, write, func() error {
			if write {
				return raw.Write(attempt)
			}
			return raw.Read(attempt)
		})
	}
	if err != nil {
		return errnoError(err)
	}
	if opErr != nil {
		return errnoError(opErr)
	}
	return nil
}

// blockingWait runs wait, a wait in the netpoller in direction write,
// under the socket's timeout (TimeoutError once it expires). While the
// interpreter has a Poll hook the wait is cut into slices, between which
// the hook runs, so that a host's stop, an interrupt or a signal's
// handler reaches a script blocked on a socket, as a signal interrupts
// CPython's blocking call.
func (s *Sock) blockingWait(th *runtime.Thread, write bool, wait func() error) error {
	var end time.Time
	if s.timeout > 0 {
		end = time.Now().Add(time.Duration(s.timeout * float64(time.Second)))
	}
	for {
		poll := th != nil && th.Limits.Poll != nil
		deadline := end
		if poll {
			if slice := time.Now().Add(pollSlice); deadline.IsZero() || slice.Before(deadline) {
				deadline = slice
			}
		}
		if err := s.setDeadline(write, deadline); err != nil {
			return err
		}
		err := wait()
		if err == nil || !errors.Is(err, os.ErrDeadlineExceeded) {
			return err
		}
		if !end.IsZero() && !time.Now().Before(end) {
			return timedOut()
		}
		if poll {
			if err := th.Limits.Poll(); err != nil {
				return err
			}
		}
	}
}

// setDeadline arms (or, with the zero time, clears) the deadline of one
// direction.
func (s *Sock) setDeadline(write bool, t time.Time) error {
	var err error
	if write {
		err = s.file.SetWriteDeadline(t)
	} else {
		err = s.file.SetReadDeadline(t)
	}
	if err != nil {
		return errnoError(err)
	}
	return nil
}

// ready reports whether fd is readable (or writable), without waiting.
func ready(fd int, write bool) bool {
	events := int16(unix.POLLIN)
	if write {
		events = unix.POLLOUT
	}
	fds := []unix.PollFd{{Fd: int32(fd), Events: events}}
	for {
		n, err := unix.Poll(fds, 0)
		if err == syscall.EINTR {
			continue
		}
		return err == nil && n > 0
	}
}

// waitReady blocks until the socket is readable (or writable), an error
// or hang-up counting as ready, or until the deadline of that direction;
// its error is the netpoller's.
func (s *Sock) waitReady(write bool) error {
	raw, err := s.open()
	if err != nil {
		return err
	}
	return waitRawReady(raw, write)
}

// waitRawReady is waitReady on a raw connection taken beforehand: a
// goroutine that waits for the loop is given the connection rather than
// the socket, whose fields the loop may change meanwhile (close).
func waitRawReady(raw syscall.RawConn, write bool) error {
	check := func(fd uintptr) bool { return ready(int(fd), write) }
	if write {
		return raw.Write(check)
	}
	return raw.Read(check)
}

// connectStart begins a connect: nil when it completed at once,
// EINPROGRESS when it goes on in the kernel, or the error.
func (s *Sock) connectStart(sa syscall.Sockaddr) error {
	raw, err := s.open()
	if err != nil {
		return err
	}
	var opErr error
	if err := raw.Control(func(fd uintptr) {
		opErr = retryEINTR(func(fd int) error { return syscall.Connect(fd, sa) }, int(fd))
	}); err != nil {
		return errnoError(err)
	}
	if opErr == syscall.EAGAIN {
		// A Unix socket whose listener's backlog is full.
		opErr = syscall.EINPROGRESS
	}
	return opErr
}

// connectResult is the outcome of a connect that went on in the kernel,
// once the socket is writable: its SO_ERROR.
func (s *Sock) connectResult() error {
	raw, err := s.open()
	if err != nil {
		return err
	}
	var soErr int
	var opErr error
	if err := raw.Control(func(fd uintptr) {
		soErr, opErr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_ERROR)
	}); err != nil {
		return errnoError(err)
	}
	if opErr != nil {
		return opErr
	}
	if soErr != 0 {
		return syscall.Errno(soErr)
	}
	return nil
}

// connect is connect(): the Python error, or nil.
func (s *Sock) connect(th *runtime.Thread, sa syscall.Sockaddr) error {
	err := s.connectStart(sa)
	if err == nil {
		return nil
	}
	if err != syscall.EINPROGRESS {
		return errnoError(err)
	}
	if s.timeout == 0 {
		return errnoError(err)
	}
	if err := s.blockingWait(th, true, func() error { return s.waitReady(true) }); err != nil {
		return errnoError(err)
	}
	if err := s.connectResult(); err != nil {
		return errnoError(err)
	}
	return nil
}

// accept is accept(): the new socket (non-blocking at the system level,
// with the default timeout) and the peer's address.
func (s *Sock) accept(th *runtime.Thread) (*Sock, syscall.Sockaddr, error) {
	var nfd int
	var sa syscall.Sockaddr
	err := s.do(th, false, func(fd int) error {
		var err error
		nfd, sa, err = syscall.Accept4(fd, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	c, err := newSock(nfd, s.family, s.kind, s.proto)
	if err != nil {
		return nil, nil, err
	}
	return c, sa, nil
}

// recvfrom reads up to len(buf) bytes.
func (s *Sock) recvfrom(th *runtime.Thread, buf []byte, flags int) (int, syscall.Sockaddr, error) {
	var n int
	var from syscall.Sockaddr
	err := s.do(th, false, func(fd int) error {
		var err error
		n, from, err = syscall.Recvfrom(fd, buf, flags)
		n = max(n, 0)
		return err
	})
	return n, from, err
}

// sendto writes what the kernel takes of data (to sa when not nil).
func (s *Sock) sendto(th *runtime.Thread, data []byte, flags int, sa syscall.Sockaddr) (int, error) {
	var n int
	err := s.do(th, true, func(fd int) error {
		var err error
		if sa == nil {
			n, err = syscall.SendmsgN(fd, data, nil, nil, flags|syscall.MSG_NOSIGNAL)
		} else {
			n, err = syscall.SendmsgN(fd, data, nil, sa, flags|syscall.MSG_NOSIGNAL)
		}
		return err
	})
	return n, err
}

// control runs a system call that never blocks on the descriptor.
func (s *Sock) control(op func(fd int) error) error {
	raw, err := s.open()
	if err != nil {
		return err
	}
	var opErr error
	if err := raw.Control(func(fd uintptr) { opErr = op(int(fd)) }); err != nil {
		return errnoError(err)
	}
	if opErr != nil {
		return errnoError(opErr)
	}
	return nil
}
