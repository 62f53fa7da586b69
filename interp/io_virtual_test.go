package interp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Under the virtual clock, a timeout on a read that never comes still
// fires (the clock follows real time while the socket is in flight), and
// a reply that comes before the timeout wins.
func TestVirtualClockWithIOInFlight(t *testing.T) {
	src := `import asyncio
async def slow(reader, writer):
    await reader.readline()
    await asyncio.sleep(0.05)
    writer.write(b"late\n")
    await writer.drain()
async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(slow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    t0 = loop.time()
    try:
        await asyncio.wait_for(reader.readline(), 0.2)
    except asyncio.TimeoutError:
        print("timeout", round(loop.time() - t0, 1))
    writer.write(b"go\n")
    print((await asyncio.wait_for(reader.readline(), 5)).decode().strip())
    writer.close()
    server.close()
asyncio.run(main())
`
	start := time.Now()
	out, err := runNet(t, Options{VirtualTime: true, Grants: GrantAll()}, src)
	require.NoError(t, err)
	assert.Equal(t, "timeout 0.2\nlate\n", out)
	assert.Less(t, time.Since(start), 4*time.Second, "the 5 s timeout did not wait for real")
}

// Under the virtual clock there is one clock per interpreter: time.sleep
// advances it with or without a loop running, every clock reads it, and
// a second asyncio.run continues where the first left off.
func TestVirtualClockIsOneClock(t *testing.T) {
	src := `import asyncio, time
t0 = time.monotonic()
w0 = time.time()
time.sleep(5)
print(time.monotonic() - t0, time.time() - w0)
async def main():
    loop = asyncio.get_running_loop()
    a, m = loop.time(), time.perf_counter()
    await asyncio.sleep(2)
    time.sleep(1)
    print(loop.time() - a, time.perf_counter() - m)
    return loop.time()
first = asyncio.run(main())
second = asyncio.run(main())
print(second - first, time.monotonic() - t0)
`
	start := time.Now()
	out, err := runNet(t, Options{VirtualTime: true}, src)
	require.NoError(t, err)
	assert.Equal(t, "5.0 5.0\n3.0 3.0\n3.0 3.0\n3.0 11.0\n", out)
	assert.Less(t, time.Since(start), 3*time.Second, "the sleeps did not wait for real")
}
