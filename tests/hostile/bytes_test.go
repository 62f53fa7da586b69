package hostile

// This file attacks the bytes types: huge constructions, repetitions,
// paddings and growth loops must fail with MemoryError (or stop at the
// step budget) instead of exhausting the host.

import "testing"

var bytesCases = register(
	hostileCase{Name: "bytes_zeroed_huge", Source: "x = bytes(10**10)", WantType: "MemoryError"},
	hostileCase{Name: "bytearray_zeroed_huge", Source: "x = bytearray(10**10)", WantType: "MemoryError"},
	hostileCase{Name: "bytes_repeat_huge", Source: "x = b'ab' * 10**9", WantType: "MemoryError"},
	hostileCase{Name: "bytearray_imul_huge", Source: "x = bytearray(b'ab')\nx *= 10**9", WantType: "MemoryError"},
	hostileCase{Name: "bytes_center_huge", Source: "x = b'a'.center(10**10)", WantType: "MemoryError"},
	hostileCase{Name: "bytes_zfill_huge", Source: "x = b'1'.zfill(10**10)", WantType: "MemoryError"},
	hostileCase{Name: "int_to_bytes_huge", Source: "x = (1).to_bytes(10**10, 'big')", WantType: "MemoryError"},
	hostileCase{Name: "bytes_percent_width_huge", Source: "x = b'%*s' % (10**9, b'a')", WantType: "MemoryError"},
	// The per-object cap stops the doubling; the garbage of the copies
	// before it is the interpreter-wide budget's concern, so the cap is
	// set low enough for the RSS bound.
	hostileCase{Name: "bytearray_extend_doubling", Source: "x = bytearray(b'ab')\nwhile True:\n    x.extend(x)", MemoryLimit: 16 << 20, WantType: "MemoryError"},
	hostileCase{Name: "bytes_from_endless_iterator", Source: "def ones():\n    while True:\n        yield 1\nx = bytes(ones())", MemoryLimit: 1 << 20, MaxSteps: -1, WantType: "MemoryError"},
	hostileCase{Name: "bytes_replace_blowup", Source: "x = b'a' * 10**6\ny = x.replace(b'a', b'b' * 10**4)", WantType: "MemoryError"},
)

func TestBytes(t *testing.T) { runCases(t, bytesCases) }
