package hostile

// This file holds the attacks aio already withstood before the suite
// existed: they keep the harness honest.

import (
	"testing"
	"time"
)

var basicCases = register(
	hostileCase{Name: "list_repeat_huge", Source: "x = [0] * 10**9", WantType: "MemoryError"},
	hostileCase{Name: "str_repeat_huge", Source: "x = 'ab' * 10**9", WantType: "MemoryError"},
	hostileCase{Name: "while_true_cancel", Source: "while True:\n    pass", MaxSteps: -1, CancelAfter: 50 * time.Millisecond, WantType: "canceled"},
	hostileCase{Name: "while_true_steps", Source: "while True:\n    pass", WantType: "RuntimeError", WantMessage: "maximum execution steps exceeded"},
	hostileCase{Name: "recursion_python", Source: "def f(n):\n    return f(n + 1)\nf(0)", WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded"},
)

func TestBasic(t *testing.T) { runCases(t, basicCases) }
