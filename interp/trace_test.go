package interp

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// traceEvent is the part of a Trace Event the test reads.
type traceEvent struct {
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`
	Dur  float64        `json:"dur"`
	Tid  int64          `json:"tid"`
	Name string         `json:"name"`
	ID   int64          `json:"id"`
	Args map[string]any `json:"args"`
}

const hundredTasks = `
import asyncio

async def worker(i):
    for k in range(3):
        await asyncio.sleep(0.001 * ((i * 7 + k) % 5))
    return i

async def spawner():
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(99)]
    return sum(await asyncio.gather(*tasks))

print(asyncio.run(spawner()))
`

func runTraced(t *testing.T, src string) []traceEvent {
	var trace, out bytes.Buffer
	in := New(Options{Trace: &trace, Stdout: &out, VirtualTime: true})
	require.NoError(t, in.Exec(context.Background(), "tasks.aio", src))
	require.NoError(t, in.FinishTrace())
	var events []traceEvent
	require.NoError(t, json.Unmarshal(trace.Bytes(), &events), "the trace is a JSON array")
	return events
}

func TestTraceOfHundredTasks(t *testing.T) {
	events := runTraced(t, hundredTasks)

	// One named track per task.
	names := map[int64]string{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" {
			names[e.Tid] = e.Args["name"].(string)
		}
	}
	// The spawner, 99 workers, and the two tasks asyncio.run's shutdown
	// runs (as CPython's run_until_complete wraps them in tasks).
	require.Len(t, names, 102)
	byName := map[string]int64{}
	for tid, n := range names {
		byName[n] = tid
	}
	require.Contains(t, byName, "Task-1")
	for i := 0; i < 99; i++ {
		require.Contains(t, byName, "w"+strconv.Itoa(i))
	}

	// Steps: each task's slices are labelled with its coroutine and do not
	// overlap on its track; a worker runs 4 steps (3 sleeps).
	slices := map[int64][]traceEvent{}
	for _, e := range events {
		if e.Ph == "X" {
			slices[e.Tid] = append(slices[e.Tid], e)
		}
	}
	for tid, ss := range slices {
		sort.SliceStable(ss, func(i, j int) bool { return ss[i].Ts < ss[j].Ts })
		for i := 1; i < len(ss); i++ {
			assert.LessOrEqual(t, ss[i-1].Ts+ss[i-1].Dur, ss[i].Ts, "slices overlap on %s", names[tid])
		}
		switch names[tid] {
		case "Task-1":
			assert.Equal(t, "spawner", ss[0].Name)
		case "Task-101", "Task-102":
			assert.Contains(t, ss[0].Name, "shutdown_")
		default:
			assert.Equal(t, "worker", ss[0].Name)
			assert.Len(t, ss, 4, "steps of %s", names[tid])
		}
	}

	// Flows: each worker's arrow starts on the spawner's track and ends on
	// the worker's, at its first step.
	starts, ends := map[int64]traceEvent{}, map[int64]traceEvent{}
	for _, e := range events {
		switch e.Ph {
		case "s":
			starts[e.ID] = e
		case "f":
			ends[e.ID] = e
		}
	}
	require.Len(t, starts, 99)
	for id, s := range starts {
		assert.Equal(t, byName["Task-1"], s.Tid, "flow %d starts at the creator", id)
		f, ok := ends[id]
		require.True(t, ok, "flow %d ends", id)
		assert.Equal(t, id, f.Tid, "flow %d ends on the created task's track", id)
		assert.Equal(t, slices[f.Tid][0].Ts, f.Ts, "flow %d ends at the first step", id)
	}

	// The ready queue is counted; virtual time makes the trace reproducible.
	counters := 0
	for _, e := range events {
		if e.Ph == "C" {
			counters++
		}
	}
	assert.Positive(t, counters)
	assert.Equal(t, events, runTraced(t, hundredTasks))
}

func TestTraceMarksCancellationsAndTimeouts(t *testing.T) {
	events := runTraced(t, `
import asyncio
async def slow():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    try:
        async with asyncio.timeout(1):
            await slow()
    except TimeoutError:
        pass
    try:
        await asyncio.wait_for(slow(), 1)
    except TimeoutError:
        pass
asyncio.run(main())
`)
	var marks []string
	for _, e := range events {
		if e.Ph == "i" {
			marks = append(marks, e.Name)
		}
	}
	// cancel(); the timeout, which cancels main; wait_for's timeout, and
	// its cancellation of the task it made.
	assert.Equal(t, []string{"cancel", "timeout", "cancel", "timeout", "cancel"}, marks)
}
