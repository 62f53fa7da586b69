package hostile

// This file holds the attacks on work that grows with its input inside
// one built-in call: formatting with huge widths, str methods on long
// strs, repr of huge containers, sorting, big ints and blocking host
// streams. Each must end with MemoryError (before the memory is taken),
// with the step-limit error (the work is charged to MaxSteps), or, when
// the context is cancelled or its deadline passes, promptly.

import (
	"testing"
	"time"
)

const (
	// cancelAt is when the cancellation cases cancel their context.
	cancelAt = 100 * time.Millisecond
	// garbageRSS bounds the cases that make much garbage on the way to
	// their MemoryError (the repr of each row, a str per item): the
	// garbage collector lets the heap reach twice the live data, and the
	// per-object cap cannot see the total. The interpreter-wide budget
	// should bring these down to the default bound.
	garbageRSS = 512 * mib
)

// workMemoryCases end in MemoryError under the default 64 MiB budget.
var workMemoryCases = []hostileCase{
	{Name: "work_format_width", Source: `s = "{:>1000000000}".format(1)`},
	{Name: "work_format_width_fill", Source: `s = "{:é^1000000000}".format("x")`},
	{Name: "work_format_precision", Source: `s = "{:.1000000000f}".format(1.5)`},
	{Name: "work_percent_width", Source: `s = "%1000000000d" % 1`},
	{Name: "work_percent_star_width", Source: `s = "%*s" % (10**9, "x")`},
	{Name: "work_percent_precision", Source: `s = "%.1000000000f" % 1.5`},
	{Name: "work_fstring_width", Source: `s = f"{1:>{10**9}}"`},
	{Name: "work_format_builtin", Source: `s = format(1, "01000000000")`},
	{Name: "work_ljust", Source: `s = "a".ljust(10**9)`},
	{Name: "work_rjust", Source: `s = "a".rjust(10**9, "*")`},
	{Name: "work_center", Source: `s = "a".center(10**9)`},
	{Name: "work_zfill", Source: `s = "-1".zfill(10**9)`},
	{Name: "work_expandtabs", Source: `s = ("\t" * 10**6).expandtabs(1000)`},
	{Name: "work_replace", Source: `s = ("a" * 60_000_000).replace("a", "aaaaaaaaaa")`},
	{Name: "work_split_whitespace", Source: `parts = ("a " * 30_000_000).split()`},
	{Name: "work_split_sep", Source: `parts = ("a," * 30_000_000).split(",")`},
	{Name: "work_rsplit", Source: `parts = ("a " * 30_000_000).rsplit(" ")`},
	{Name: "work_splitlines", Source: `parts = ("a\n" * 30_000_000).splitlines()`},
	{Name: "work_join_map", Source: `s = "-".join(map(str, range(10**7)))`, MaxSteps: -1, MaxRSS: garbageRSS},
	{Name: "work_join_big_items", Source: `s = "".join(["a" * 10**7] * 100)`},
	{Name: "work_repr_shared_rows", Source: "inner = [0] * 2**21\nouter = [inner] * 2**21\nrepr(outer)", MaxSteps: -1, MaxRSS: garbageRSS},
	{Name: "work_print_shared_rows", Source: "inner = [0] * 2**21\nouter = [inner] * 2**21\nprint(outer)", MaxSteps: -1, MaxRSS: garbageRSS},
	{Name: "work_fstring_shared_rows", Source: "inner = [0] * 2**21\nouter = [inner] * 2**21\ns = f\"{outer}\"", MaxSteps: -1, MaxRSS: garbageRSS},
	{Name: "work_str_dict_rows", Source: "inner = {i: i for i in range(2**16)}\nouter = [inner] * 2**16\ns = str(outer)", MaxSteps: -1, MaxRSS: garbageRSS},
	{Name: "work_bigint_mul_result", Source: "x = 1 << (2**28 + 64)\ny = x * x"},
	{Name: "work_bigint_pow_result", Source: "x = 3 ** (10**9)"},
	{Name: "work_bigint_lshift", Source: "x = 1 << (8 * 10**8)"},
}

// workStepCases end with the step-limit error: the work inside built-ins
// counts.
var workStepCases = []hostileCase{
	{Name: "work_steps_sort", Source: "x = list(range(10**6))\nwhile True:\n    x.sort()"},
	{Name: "work_steps_sorted_key", Source: "x = [i * 7919 % 1000003 for i in range(10**5)]\nwhile True:\n    y = sorted(x, key=None, reverse=True)"},
	{Name: "work_steps_join", Source: "x = ['a'] * 10**6\nwhile True:\n    s = ''.join(x)"},
	{Name: "work_steps_sum_range", Source: "s = sum(range(10**12))"},
	{Name: "work_steps_max_range", Source: "s = max(range(10**12))"},
	{Name: "work_steps_any", Source: "s = any(x < 0 for x in [1]) or all(range(1, 10**12))"},
	{Name: "work_steps_bigint_square", Source: "x = 10**100000\nwhile True:\n    x = x * x"},
	{Name: "work_steps_pow", Source: "x = 10**10**7"},
	{Name: "work_steps_find", Source: "s = 'a' * 50_000_000\nwhile True:\n    s.find('b')"},
	{Name: "work_steps_count", Source: "s = 'ab' * 20_000_000\nwhile True:\n    s.count('c')"},
	{Name: "work_steps_in", Source: "s = 'ab' * 20_000_000\nwhile True:\n    s.replace('c', 'd')"},
	{Name: "work_steps_repr", Source: "x = [0] * 10**6\nwhile True:\n    s = repr(x)"},
	{Name: "work_steps_set_range", Source: "while True:\n    x = set(range(10**5))"},
	{Name: "work_steps_dict_fromkeys", Source: "while True:\n    x = dict.fromkeys(range(10**5))"},
	{Name: "work_steps_tuple_map", Source: "while True:\n    x = tuple(map(abs, range(10**5)))"},
}

// workCancelCases are stopped by a cancel (or a deadline) while a single
// built-in call runs; the memory budget is off so that only the stop
// ends them.
var workCancelCases = []hostileCase{
	{Name: "work_cancel_format_loop", Source: "for i in range(20):\n    s = '{:>300000000}'.format(i)", MaxRSS: 2 * gib},
	{Name: "work_cancel_format", Source: "while True:\n    s = '{:>3000000}'.format(1)"},
	{Name: "work_cancel_percent", Source: "while True:\n    s = '%3000000d' % 1"},
	{Name: "work_cancel_fstring", Source: "while True:\n    s = f'{1:>{3*10**6}}'"},
	{Name: "work_cancel_ljust", Source: "while True:\n    s = 'a'.ljust(3*10**6)"},
	{Name: "work_cancel_repeat", Source: "while True:\n    s = 'x' * (3*10**6)"},
	{Name: "work_cancel_replace", Source: "s = 'a' * 10**7\nwhile True:\n    t = s.replace('a', 'bb')"},
	{Name: "work_cancel_split", Source: "s = 'a ' * 10**6\nwhile True:\n    t = s.split()"},
	{Name: "work_cancel_join", Source: "x = ['ab'] * 10**6\nwhile True:\n    s = ','.join(x)"},
	{Name: "work_cancel_sort", Source: "x = [i * 7919 % 1000003 for i in range(10**6)]\nwhile True:\n    y = sorted(x)"},
	{Name: "work_cancel_sum", Source: "s = sum(range(10**12))"},
	{Name: "work_cancel_set_range", Source: "while True:\n    x = set(range(10**6))"},
	{Name: "work_cancel_list_range", Source: "while True:\n    x = list(range(10**6))"},
	{Name: "work_cancel_repr", Source: "inner = [0] * 2**16\nouter = [inner] * 2**16\nrepr(outer)"},
	{Name: "work_cancel_bigint_square", Source: "x = 10**100000\nwhile True:\n    x = x * x", MaxRSS: gib},
	{Name: "work_cancel_pow", Source: "x = 10**10**7", MaxRSS: gib},
	{Name: "work_cancel_str_bigint", Source: "import sys\nsys.set_int_max_str_digits(0)\ns = str(10**(3*10**6))", MaxRSS: gib},
	{Name: "work_cancel_int_parse", Source: "import sys\nsys.set_int_max_str_digits(0)\nn = int('7' * 3_000_000)", MaxRSS: gib},
	{Name: "work_cancel_input", Source: "s = input()", Stdin: "block"},
	{Name: "work_cancel_sys_stdin", Source: "import sys\nfor line in sys.stdin:\n    pass", Stdin: "block"},
	{Name: "work_cancel_print", Source: "print('x')", Stdout: "block"},
	{Name: "work_cancel_print_loop", Source: "while True:\n    print('x' * 1000)", Stdout: "block"},
}

// workDeadlineCases are stopped by a context deadline.
var workDeadlineCases = []hostileCase{
	{Name: "work_deadline_format", Source: "while True:\n    s = '{:>3000000}'.format(1)"},
	{Name: "work_deadline_asyncio_swallow", Source: "import asyncio\nasync def t():\n    while True:\n        try:\n            await asyncio.sleep(1)\n        except asyncio.CancelledError:\n            pass\nasync def main():\n    asyncio.create_task(t())\n    await asyncio.sleep(100)\nasyncio.run(main())"},
	{Name: "work_deadline_asyncio_swallow_main", Source: "import asyncio\nasync def t():\n    while True:\n        try:\n            await asyncio.sleep(1)\n        except asyncio.CancelledError:\n            pass\nasyncio.run(t())"},
	{Name: "work_deadline_input", Source: "s = input()", Stdin: "block"},
}

var workCases = register(workAll()...)

// workAll sets the expected outcome and limits of each group.
func workAll() []hostileCase {
	var all []hostileCase
	for _, c := range workMemoryCases {
		c.WantType = "MemoryError"
		all = append(all, c)
	}
	for _, c := range workStepCases {
		c.WantType, c.WantMessage = "RuntimeError", "maximum execution steps exceeded"
		c.MaxTime = 20 * time.Second
		all = append(all, c)
	}
	for _, c := range workCancelCases {
		c.MemoryLimit, c.MaxSteps = -1, -1
		c.CancelAfter, c.WantType = cancelAt, "canceled"
		if c.MaxRSS == 0 {
			c.MaxRSS = 512 * mib
		}
		all = append(all, c)
	}
	for _, c := range workDeadlineCases {
		c.MemoryLimit, c.MaxSteps = -1, -1
		c.Deadline, c.WantType = cancelAt, "deadline"
		c.MaxRSS = 512 * mib
		all = append(all, c)
	}
	return all
}

func TestWork(t *testing.T) { runCases(t, workCases) }
