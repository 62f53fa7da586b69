package hostile

// This file holds the attacks on the memory budget (Options.MemoryLimit,
// 64 MiB here): each must end with MemoryError, before the process's peak
// memory passes the budget plus the harness's baseline, and leave an
// interpreter that runs code again; and scripts that make much more
// garbage than the budget must run to the end.

import (
	"fmt"
	"strings"
	"testing"
)

var memoryCases = register(
	// Total growth of containers.
	hostileCase{Name: "mem_append_copies", Source: "x = []\nwhile True:\n    x.append(x[:])", WantType: "MemoryError"},
	hostileCase{Name: "mem_list_of_big_lists", Source: "x = [[0] * 2**21 for i in range(1000)]", WantType: "MemoryError"},
	hostileCase{Name: "mem_list_range", Source: "x = list(range(10**9))", WantType: "MemoryError"},
	hostileCase{Name: "mem_tuple_range", Source: "x = tuple(range(10**9))", WantType: "MemoryError"},
	hostileCase{Name: "mem_comprehension", Source: "x = [i for i in range(10**9)]", WantType: "MemoryError"},
	hostileCase{Name: "mem_list_extend", Source: "x = [0] * 1000\nwhile True:\n    x.extend(x)", WantType: "MemoryError"},
	hostileCase{Name: "mem_list_concat", Source: "x = [0] * 1000\nl = []\nwhile True:\n    l.append(x + x)", WantType: "MemoryError"},
	hostileCase{Name: "mem_sorted_map_str", Source: "x = sorted(map(str, range(10**8)))", WantType: "MemoryError"},
	hostileCase{Name: "mem_join_map_str", Source: "x = ''.join(map(str, range(10**8)))", WantType: "MemoryError"},
	hostileCase{Name: "mem_set_range", Source: "x = set(range(10**8))", WantType: "MemoryError"},
	hostileCase{Name: "mem_set_comprehension", Source: "x = {i for i in range(10**8)}", WantType: "MemoryError"},
	hostileCase{Name: "mem_dict_zip", Source: "x = dict(zip(range(10**8), range(10**8)))", WantType: "MemoryError"},
	hostileCase{Name: "mem_dict_fromkeys", Source: "x = dict.fromkeys(range(10**7))", WantType: "MemoryError"},
	hostileCase{Name: "mem_dict_comprehension", Source: "x = {i: i for i in range(10**8)}", WantType: "MemoryError"},
	hostileCase{Name: "mem_dict_copies", Source: "d = {i: i for i in range(10**5)}\nl = []\nwhile True:\n    l.append(d.copy())\n    l.append(d | d)", WantType: "MemoryError"},
	hostileCase{Name: "mem_set_copies", Source: "s = set(range(10**5))\nl = []\nwhile True:\n    l.append(s.copy())\n    l.append(s | s)\n    l.append(frozenset(s))", WantType: "MemoryError"},
	hostileCase{Name: "mem_list_copies", Source: "x = list(range(10**5))\nl = []\nwhile True:\n    l.append(x.copy())\n    l.append(list(x))\n    l.append(tuple(x))\n    l.append(sorted(x))\n    l.append(x[::-1])", WantType: "MemoryError"},
	// Many small objects, each made by one instruction (the safety net).
	hostileCase{Name: "mem_chain_list", Source: "x = None\nwhile True:\n    x = [x]", WantType: "MemoryError"},
	hostileCase{Name: "mem_chain_tuple", Source: "x = None\nwhile True:\n    x = (x,)", WantType: "MemoryError"},
	hostileCase{Name: "mem_chain_dict", Source: "x = None\nwhile True:\n    x = {1: x}", WantType: "MemoryError"},
	hostileCase{Name: "mem_objects", Source: "l = []\nwhile True:\n    l.append(object())", WantType: "MemoryError"},
	// An instance with two attributes counts about 130 bytes with its
	// list slot: the budget runs out after some 500,000 of them, more than
	// the default step limit lets the loop make.
	hostileCase{Name: "mem_instances", Source: "class A:\n    def __init__(self, i):\n        self.i = i\n        self.s = 'x'\nl = []\ni = 0\nwhile True:\n    l.append(A(i))\n    i += 1", MaxSteps: -1, WantType: "MemoryError"},
	hostileCase{Name: "mem_instance_attrs", Source: "class A:\n    pass\na = A()\ni = 0\nwhile True:\n    setattr(a, 'a' + str(i), i)\n    i += 1", WantType: "MemoryError"},
	hostileCase{Name: "mem_closures", Source: "l = []\nwhile True:\n    l.append(lambda: l)", WantType: "MemoryError"},
	hostileCase{Name: "mem_big_frames", Program: bigFrames, WantType: "MemoryError"},
	hostileCase{Name: "mem_generator_chain", Source: "l = []\ng = iter([])\nwhile True:\n    g = (x for x in g)\n    l.append(g)", WantType: "MemoryError"},
	hostileCase{Name: "mem_strs_kept", Source: "l = []\nwhile True:\n    l.append('x' * 1000 + str(len(l)))", WantType: "MemoryError"},
	hostileCase{Name: "mem_bigints_kept", Source: "l = []\nwhile True:\n    l.append(10**100000 + len(l))", MaxSteps: -1, WantType: "MemoryError"},
	hostileCase{Name: "mem_exceptions_kept", Source: "l = []\nfor i in range(1000):\n    try:\n        raise ValueError('x' * 60_000_000)\n    except ValueError as e:\n        l.append(e)", WantType: "MemoryError"},
	hostileCase{Name: "mem_tracebacks_kept", Source: "def f(n):\n    if n == 0:\n        raise ValueError(n)\n    f(n - 1)\nl = []\nwhile True:\n    try:\n        f(50)\n    except ValueError as e:\n        l.append(e)", WantType: "MemoryError"},
	hostileCase{Name: "mem_tasks", Source: "import asyncio\nasync def f():\n    await asyncio.sleep(1000)\nasync def main():\n    ts = []\n    while True:\n        ts.append(asyncio.ensure_future(f()))\nasyncio.run(main())", WantType: "MemoryError"},
	// Garbage: ten times the budget and more, never stopped.
	hostileCase{Name: "mem_garbage_lists", Source: "for i in range(40):\n    x = [0] * 2**20", WantType: ""},
	hostileCase{Name: "mem_garbage_strs", Source: "for i in range(100):\n    s = 'x' * 10**7", MaxSteps: -1, WantType: ""},
	hostileCase{Name: "mem_garbage_small", Source: "for i in range(3 * 10**5):\n    x = [i, str(i), {i: i}, [0] * 100]", WantType: ""},
	hostileCase{Name: "mem_garbage_near_limit", Source: "keep = [0] * (2**21)\nfor i in range(100):\n    x = list(range(10**5))", MaxSteps: -1, WantType: ""},
	// After a MemoryError the script drops its data and allocates again.
	hostileCase{Name: "mem_recovers", Source: "try:\n    x = list(range(10**9))\nexcept MemoryError:\n    pass\nl = [0] * 2**20\nm = [str(i) for i in range(10**5)]\nassert len(l) == 2**20", WantType: ""},
)

func TestMemory(t *testing.T) { runCases(t, memoryCases) }

// bigFrames is a generator function with 20,000 locals (a 480 KB frame)
// whose generators are kept: one instruction makes each frame.
func bigFrames() string {
	var b strings.Builder
	b.WriteString("def g():\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "    v%d = %d\n", i, i)
	}
	b.WriteString("    yield 1\nl = []\nwhile True:\n    l.append(g())\n")
	return b.String()
}
