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
