package interp

// This file tests the network grant on socket objects (the socket
// module): a denied connect, bind or sendto raises PermissionError
// naming the operation and address, and a granted one goes through.

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Without a network grant, socket.connect, bind, sendto and
// create_connection are refused before any system call.
func TestSocketDeniedWithoutGrant(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	src := fmt.Sprintf(`import socket
s = socket.socket()
for op, call in [("connect", lambda: s.connect(("127.0.0.1", %d))),
                 ("bind", lambda: s.bind(("127.0.0.1", 0))),
                 ("create_connection", lambda: socket.create_connection(("127.0.0.1", %d)))]:
    try:
        call()
        print(op, "allowed")
    except PermissionError as e:
        print(op + ":", e)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u.sendto(b"x", ("127.0.0.1", 9))
except PermissionError as e:
    print("sendto:", e)
`, port, port)
	out, err := runNet(t, Options{}, src)
	require.NoError(t, err)
	assert.Contains(t, out, fmt.Sprintf("connect: network access denied: connect to tcp 127.0.0.1:%d (not granted)", port))
	assert.Contains(t, out, "bind: network access denied: bind to tcp 127.0.0.1:0 (not granted)")
	assert.Contains(t, out, fmt.Sprintf("create_connection: network access denied: connect to tcp 127.0.0.1:%d (not granted)", port))
	assert.Contains(t, out, "sendto: network access denied: sendto to udp 127.0.0.1:9 (not granted)")
	assert.NotContains(t, out, "allowed")
}

// The loop's sock_connect goes through the grant as well, and a grant
// that allows only dialling leaves binding refused.
func TestSocketGrantRules(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.Write([]byte("hi"))
			c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	src := fmt.Sprintf(`import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    s = socket.socket()
    s.setblocking(False)
    await loop.sock_connect(s, ("127.0.0.1", %d))
    print("got", await loop.sock_recv(s, 10))
    s.close()
    t = socket.socket()
    t.setblocking(False)
    try:
        await loop.sock_connect(t, ("127.0.0.2", %d))
    except PermissionError as e:
        print("connect:", e)
    try:
        t.bind(("127.0.0.1", 0))
    except PermissionError as e:
        print("bind:", e)
    try:
        t.listen()
    except PermissionError as e:
        print("listen:", e)
    t.close()
asyncio.run(main())
`, port, port)
	grant := &NetworkGrant{Dial: []string{fmt.Sprintf("127.0.0.1:%d", port)}}
	out, err := runNet(t, Options{Grants: Capabilities{Network: grant}}, src)
	require.NoError(t, err)
	assert.Contains(t, out, "got b'hi'")
	assert.Contains(t, out, fmt.Sprintf("connect: network access denied: connect to tcp 127.0.0.2:%d: no rule allows it", port))
	assert.Contains(t, out, "bind: network access denied: bind to tcp 127.0.0.1:0: no rule allows it")
	assert.Contains(t, out, "listen: network access denied: listen to tcp 0.0.0.0:0: no rule allows it")
}

// A script blocked in a socket call stops when the host's context ends.
func TestSocketBlockingCallStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	in := New(Options{Stdout: &out})
	err := in.Exec(ctx, "block.aio", `import socket
a, b = socket.socketpair()
print("waiting")
b.recv(1)
print("not reached")
`)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, "waiting\n", out.String())
}
