package interp

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runNet runs src in an interpreter made with opts and returns its output
// and the error of the run.
func runNet(t *testing.T, opts Options, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout = &out
	in := New(opts)
	err := in.Exec(context.Background(), "net.aio", src)
	return out.String(), err
}

// An interpreter granted nothing can neither connect nor listen, and the
// PermissionError names the operation and the address.
func TestNetworkDeniedWithoutGrant(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	src := fmt.Sprintf(`import asyncio
async def main():
    try:
        await asyncio.open_connection("127.0.0.1", %d)
    except PermissionError as e:
        print("connect:", e)
    try:
        await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    except PermissionError as e:
        print("listen:", e)
asyncio.run(main())
`, port)
	out, err := runNet(t, Options{}, src)
	require.NoError(t, err)
	assert.Contains(t, out, fmt.Sprintf("connect: network access denied: connect to tcp 127.0.0.1:%d", port))
	assert.Contains(t, out, "listen: network access denied: listen to tcp 127.0.0.1:0")
}

// Dial and Listen patterns grant exactly the addresses they match, and
// Check decides the rest.
func TestNetworkGrantPatterns(t *testing.T) {
	src := `import asyncio
async def echo(r, w):
    w.write(await r.readline())
    await w.drain()
    w.close()
async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(b"ping\n")
    print((await r.readline()).decode().strip())
    w.close()
    try:
        await asyncio.open_connection("localhost", port)
    except PermissionError as e:
        print("denied:", e)
    try:
        await asyncio.start_server(echo, "0.0.0.0", 0)
    except PermissionError as e:
        print("denied:", e)
    server.close()
asyncio.run(main())
`
	var checked []string
	grant := &NetworkGrant{
		Dial:   []string{"127.0.0.1:*"},
		Listen: []string{"127.0.0.1:0"},
		Check: func(op, network, address string) error {
			checked = append(checked, op+" "+address)
			return fmt.Errorf("host says no")
		},
	}
	out, err := runNet(t, Options{Grants: Capabilities{Network: grant}}, src)
	require.NoError(t, err)
	assert.Contains(t, out, "ping\n")
	assert.Contains(t, out, "denied: network access denied: connect to tcp localhost:")
	assert.Contains(t, out, "host says no")
	assert.Contains(t, out, "denied: network access denied: listen to tcp 0.0.0.0:0: host says no")
	assert.Len(t, checked, 2, "Check decides only what no pattern allowed")
}

// GrantAll grants the network, as the command line does.
func TestGrantAllGrantsNetwork(t *testing.T) {
	opts := Options{Grants: GrantAll()}
	require.NotNil(t, opts.Grants.Network)
	out, err := runNet(t, opts, `import asyncio
async def main():
    s = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    print(s.is_serving())
    s.close()
asyncio.run(main())
`)
	require.NoError(t, err)
	assert.Equal(t, "True\n", out)
}

// Command patterns match a program's name or base name.
func TestCommandAllowed(t *testing.T) {
	assert.True(t, commandAllowed([]string{"echo"}, "/bin/echo"))
	assert.True(t, commandAllowed([]string{"ec*"}, "echo"))
	assert.True(t, commandAllowed([]string{"/bin/echo"}, "/bin/echo"))
	assert.False(t, commandAllowed([]string{"/bin/echo"}, "/usr/bin/echo"))
	assert.False(t, commandAllowed([]string{"cat"}, "echo"))
	assert.True(t, commandAllowed([]string{"*"}, "anything"))
}

// Without Commands an interpreter cannot start a process, by asyncio or
// by subprocess; with them it starts exactly the programs they name.
func TestCommandsGrant(t *testing.T) {
	src := `import asyncio, subprocess
async def main():
    for argv in (["echo", "hi"], ["cat", "/dev/null"]):
        try:
            p = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
            out, _ = await p.communicate()
            print("ran", out)
        except PermissionError as e:
            print("async:", e)
asyncio.run(main())
try:
    print(subprocess.run(["echo", "sync"], capture_output=True).stdout)
except PermissionError as e:
    print("sync:", e)
`
	out, err := runNet(t, Options{}, src)
	require.NoError(t, err)
	assert.Contains(t, out, "async: process creation denied: echo (not granted)")
	assert.Contains(t, out, "async: process creation denied: cat (not granted)")
	assert.Contains(t, out, "sync: process creation denied: echo (not granted)")
	assert.NotContains(t, out, "ran b")

	out, err = runNet(t, Options{Grants: Capabilities{Commands: []string{"echo"}}}, src)
	require.NoError(t, err)
	assert.Contains(t, out, "ran b'hi\\n'")
	assert.Contains(t, out, "async: process creation denied: cat: not in the allowed commands")
	assert.Contains(t, out, "b'sync\\n'")
}

// Without the grant, loop.add_signal_handler records the callback (so
// raise_signal reaches it) but watches no process signal.
func TestSignalsNotWatchedWithoutGrant(t *testing.T) {
	src := `import asyncio, signal
async def main():
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, print, "callback")
    print(signal._watch(signal.SIGUSR1, print))
    signal.raise_signal(signal.SIGUSR1)
    await asyncio.sleep(0)
    loop.remove_signal_handler(signal.SIGUSR1)
asyncio.run(main())
`
	out, err := runNet(t, Options{}, src)
	require.NoError(t, err)
	assert.Equal(t, "False\ncallback\n", out)
}
