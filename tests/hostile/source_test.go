package hostile

// This file holds attacks through the source text itself: sources nested
// or repeated far beyond what the parser and compiler see in practice.
// Each either runs as under CPython 3.11 or fails with CPython's error.
// Compile-time errors reach the host as *parser.SyntaxError, whose text
// for RecursionError and MemoryError is CPython's last line.

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const (
	syntaxErr      = "*parser.SyntaxError"
	compileDepth   = "RecursionError: maximum recursion depth exceeded during compilation"
	bigSourceTime  = 120 * time.Second // sequential, and bounded only loosely
	bigSourceRSS   = 3 * gib
	smallSourceRSS = 512 * mib
)

// repeatSrc returns a Program that builds prefix + middle*n + suffix.
func repeatSrc(prefix, middle string, n int, suffix string) func() string {
	return func() string { return prefix + strings.Repeat(middle, n) + suffix }
}

// joinSrc returns a Program that builds prefix + n copies of item joined
// by sep + suffix.
func joinSrc(prefix, item, sep string, n int, suffix string) func() string {
	return func() string {
		return prefix + strings.TrimSuffix(strings.Repeat(item+sep, n), sep) + suffix
	}
}

// numbered returns a Program of n items made by formatting i with format
// (which may use it more than once as %[1]d), joined by sep.
func numbered(prefix, format, sep string, n int, suffix string) func() string {
	return func() string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			fmt.Fprintf(&b, format, i)
		}
		b.WriteString(suffix)
		return b.String()
	}
}

// nestedIfs is n `if x:` lines, each indented one more space.
func nestedIfs(n int) func() string {
	return func() string {
		var b strings.Builder
		b.WriteString("x = 1\n")
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat(" ", i) + "if x:\n")
		}
		b.WriteString(strings.Repeat(" ", n) + "pass\n")
		return b.String()
	}
}

func elifChain(n int) func() string {
	return func() string {
		var b strings.Builder
		b.WriteString("x = -1\nif x == 0: pass\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "elif x == %d: pass\n", i)
		}
		return b.String()
	}
}

var sourceCases = register(
	// Left-nested chains: the parser builds them with loops; CPython's
	// compiler refuses them past 3000 levels.
	hostileCase{Name: "src_calls_1m", Program: repeatSrc("x = f", "()", 1000000, ""),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
	hostileCase{Name: "src_attrs_3m", Program: repeatSrc("a", ".b", 3000000, ""),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
	hostileCase{Name: "src_plus_3m", Program: joinSrc("", "1", "+", 3000000, ""),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
	hostileCase{Name: "src_subscripts_100k", Program: repeatSrc("a = [0]\nx = a", "[0]", 100000, ""),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_plus_3000_terms", Program: joinSrc("x = ", "1", "+", 3000, ""),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_plus_2999_terms_runs", Program: joinSrc("x = ", "1", "+", 2999, "\nassert x == 2999"),
		MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_calls_2998_runs", Program: repeatSrc("def f(): return f\nx = f", "()", 2998, "\nassert x is f"),
		MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_elifs_2000_runs", Program: func() string { return elifChain(2000)() + "else: x = 5\nassert x == 5" },
		MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_elifs_3000", Program: elifChain(3000),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: smallSourceRSS},

	// Right-nested expressions: CPython's parser gives up with a bare
	// MemoryError past about 6000 of its levels, its compiler with a
	// RecursionError past 3000 nodes.
	hostileCase{Name: "src_minus_1m", Program: repeatSrc("x = ", "-", 1000000, "1"),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: gib, MaxTime: bigSourceTime},
	hostileCase{Name: "src_not_1m", Program: repeatSrc("x = ", "not ", 1000000, "x"),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: gib, MaxTime: bigSourceTime},
	hostileCase{Name: "src_lambdas_100k", Program: repeatSrc("f = ", "lambda: ", 100000, "1"),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_conditionals_100k", Program: repeatSrc("x = ", "1 if 0 else ", 100000, "2"),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_power_100k", Program: joinSrc("x = ", "1", "**", 100000, ""),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_invert_100k", Program: repeatSrc("x = ", "~", 100000, "1"),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_elifs_100k", Program: elifChain(100000),
		WantType: syntaxErr, WantMessage: "MemoryError", MaxRSS: gib, MaxTime: bigSourceTime},
	hostileCase{Name: "src_minus_4000", Program: repeatSrc("x = ", "-", 4000, "1"),
		WantType: syntaxErr, WantMessage: compileDepth, MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_minus_2998_runs", Program: repeatSrc("x = (", "-", 2998, "1)\nassert x == 1"),
		MaxRSS: smallSourceRSS},

	// Brackets and blocks: the tokenizer's limits, as CPython's.
	hostileCase{Name: "src_parens_1m", Program: repeatSrc("", "(", 1000000, ""),
		WantType: syntaxErr, WantMessage: "SyntaxError: too many nested parentheses", MaxRSS: gib},
	hostileCase{Name: "src_brackets_100k", Program: func() string { return strings.Repeat("[", 100000) + strings.Repeat("]", 100000) },
		WantType: syntaxErr, WantMessage: "SyntaxError: too many nested parentheses", MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_nested_ifs_10000", Program: nestedIfs(10000),
		WantType: syntaxErr, WantMessage: "IndentationError: too many levels of indentation", MaxRSS: gib},
	hostileCase{Name: "src_nested_ifs_99_runs", Program: nestedIfs(99), MaxRSS: smallSourceRSS},
	hostileCase{Name: "src_with_items_100k", Program: joinSrc("class C:\n    def __enter__(self): pass\n    def __exit__(self, *a): pass\nwith ", "C()", ", ", 100000, ": pass"),
		WantType: syntaxErr, WantMessage: "SyntaxError: too many statically nested blocks", MaxRSS: gib},
	hostileCase{Name: "src_fstrings_nested", Program: func() string { return strings.Repeat(`f"{`, 100) + "1" + strings.Repeat(`}"`, 100) },
		WantType: syntaxErr, WantMessage: "SyntaxError: f-string: expecting '}'", MaxRSS: smallSourceRSS},

	// Flat but huge: CPython runs these.
	hostileCase{Name: "src_compare_1m_runs", Program: joinSrc("x = ", "1", " < ", 1000000, "\nassert x is False"),
		MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
	hostileCase{Name: "src_and_1m_runs", Program: joinSrc("x = ", "1", " and ", 1000000, "\nassert x == 1"),
		MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
	hostileCase{Name: "src_list_200k_runs", Program: numbered("s = [", "%d", ", ", 200000, "]\nassert len(s) == 200000 and s[-1] == 199999"),
		MaxRSS: gib},
	hostileCase{Name: "src_tuple_200k_runs", Program: numbered("s = (", "%d", ", ", 200000, ")\nassert len(s) == 200000 and s[-1] == 199999"),
		MaxRSS: gib},
	hostileCase{Name: "src_set_200k_runs", Program: numbered("s = {", "%d", ", ", 200000, "}\nassert len(s) == 200000"),
		MaxRSS: gib},
	hostileCase{Name: "src_dict_200k_runs", Program: numbered("d = {", "%[1]d: %[1]d", ", ", 200000, "}\nassert len(d) == 200000 and d[199999] == 199999"),
		MaxRSS: gib},
	hostileCase{Name: "src_call_70k_runs", Program: numbered("x = max(", "%d", ", ", 70000, ")\nassert x == 69999"),
		MaxRSS: gib},
	hostileCase{Name: "src_method_call_70k_runs", Program: numbered("class C:\n    def m(self, *a): return len(a)\nx = C().m(", "%d", ", ", 70000, ")\nassert x == 70000"),
		MaxRSS: gib},
	hostileCase{Name: "src_kwcall_70k_runs", Program: numbered("def f(**k): return k\nx = f(", "a%[1]d=%[1]d", ", ", 70000, ")\nassert len(x) == 70000 and x['a69999'] == 69999"),
		MaxRSS: gib},
	hostileCase{Name: "src_unpack_70k_runs", Program: numbered("", "a%d", ", ", 70000, " = range(70000)\nassert a69999 == 69999"),
		MaxRSS: gib},
	hostileCase{Name: "src_consts_then_def_70k_runs", Program: numbered("s = [", "'s%d'", ", ", 70000, "]\ndef f(): return 7\nassert f() == 7 and len(s) == 70000"),
		MaxRSS: gib},
	hostileCase{Name: "src_statements_1m_runs", Program: repeatSrc("x = 0\n", "x += 1\n", 1000000, "assert x == 1000000\n"), MemoryLimit: gib,
		MaxRSS: bigSourceRSS, MaxTime: bigSourceTime},
)

func TestSource(t *testing.T) { runCases(t, sourceCases) }
