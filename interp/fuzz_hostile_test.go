package interp

// This file holds FuzzHostile, a structured fuzz target: the fuzz inputs
// pick a template of hostile program (a deep structure and an operation
// on it, a large size, a recursion through built-ins, a deep or large
// source) and its size, from small to huge, and the program runs under
// the guard (fuzz_guard_test.go) with a memory budget of 16 to 64 MiB,
// step and depth limits, a deadline and, in part of the runs, a cancel.
// Afterwards the same interpreter must still recurse to 90% of MaxDepth.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aio-lang/aio/parser"
)

// hostileTemplate makes one kind of hostile program.
type hostileTemplate struct {
	name string
	// gen returns the program for size n and variant op, and the name of
	// the variant ("" when op does not matter).
	gen func(n uint32, op uint8) (src, variant string)
	// source marks a deep or large source: it is compiled before the
	// guarded run, which then runs the compiled program.
	source bool
	// valid marks a source CPython compiles: no SyntaxError allowed.
	valid bool
}

// deepBuilders nest a structure n levels deep: x starts as base and each
// level wraps it (prelude defines what the wrap uses).
var deepBuilders = []struct{ name, prelude, base, wrap string }{
	{"list", "", "[]", "[x]"},
	{"tuple", "", "()", "(x,)"},
	{"dict", "", "{}", "{'k': x}"},
	{"frozenset", "", "frozenset()", "frozenset([x])"},
	{"mixed", "", "[]", "[{'k': (x,)}]"},
	{"instance", instanceClass, "None", "C(x)"},
	{"exc_context", excContext, "ValueError(0)", "_ctx(x)"},
}

// instanceClass is a class whose dunders recurse into its attribute
// through Python frames.
const instanceClass = `class C:
    def __init__(self, a):
        self.a = a
    def __repr__(self):
        return 'C(' + repr(self.a) + ')'
    def __eq__(self, o):
        return isinstance(o, C) and self.a == o.a
    def __lt__(self, o):
        return self.a < o.a
    def __hash__(self):
        return hash(self.a)
    def __iter__(self):
        return iter([self.a])
`

// excContext chains exceptions by their __context__.
const excContext = `def _ctx(e):
    n = ValueError(1)
    n.__context__ = e
    return n
`

// deepOps are the operations on a deep structure x (y is a second one
// built the same way, made only when the operation uses it).
var deepOps = []string{
	"repr(x)", "str(x)", "ascii(x)", "f'{x}'", "'%s' % (x,)", "'{}'.format(x)", "format(x, '')",
	"print(x)", "len(str([x, x]))", "x == [x]", "[x] == x", "x < [x]", "x != [x]", "x == y", "x < y",
	"x >= y", "hash(x)", "hash((x,))", "x in [[x]]", "[y].index(x)", "sorted([x, y])", "max(x, y)",
	"{x: 1}", "set([x])", "import copy\ncopy.deepcopy(x)", "import copy\ncopy.deepcopy(x) == x",
	"import json\njson.dumps(x)", "import json\njson.dumps(x, indent=1)", "import pprint\npprint.pformat(x)",
	"list(x) == list(y)", "tuple(x)", "del x", "raise x", "x.__repr__()",
}

// usesY matches the operations that use y.
var usesY = regexp.MustCompile(`\by\b`)

// iterBuilders nest an iterator chain n levels deep over [1].
var iterBuilders = []struct{ name, prelude, wrap string }{
	{"zip", "", "zip(x)"},
	{"map", "", "map(abs, x)"},
	{"map_lambda", "", "map(lambda v: v, x)"},
	{"filter", "", "filter(None, x)"},
	{"enumerate", "", "enumerate(x)"},
	{"chain", "import itertools\n", "itertools.chain(x)"},
	{"islice", "import itertools\n", "itertools.islice(x, None)"},
	{"genexp", "", "(v for v in x)"},
	{"yield_from", "def g(it):\n    yield from it\n", "g(x)"},
	{"iter", "", "iter(list(x))"},
}

// iterOps consume an iterator chain x.
var iterOps = []string{
	"list(x)", "next(x)", "for v in x:\n    pass", "sorted(x)", "tuple(x)", "set(x)", "print(*x)",
	"any(x)", "dict.fromkeys(x)", "min(x)", "repr(list(x))", "' '.join(map(str, x))", "sum(1 for _ in x)",
}

// sizeTemplates are programs whose size grows with N (the fuzz value,
// up to 2**32-1), K (N mod 100,000) or S (N mod 10,000,000).
var sizeTemplates = []struct{ name, src string }{
	{"str_repeat", "x = 'a' * N"},
	{"format_width", "x = '{:>N}'.format(1)"},
	{"format_star", "x = '{:>{}}'.format(1, N)"},
	{"percent_width", "x = '%Nd' % 1"},
	{"percent_star", "x = '%*d' % (N, 1)"},
	{"fstring_width", "x = f'{1:>{N}}'"},
	{"loop_width", "for i in range(20):\n    s = '{:>N}'.format(i)"},
	{"float_prec", "x = format(1.5, '.Nf')"},
	{"float_prec_pct", "x = '%.Nf' % 1.5"},
	{"ljust", "x = 'a'.ljust(N)"},
	{"rjust", "x = 'a'.rjust(N, '-')"},
	{"center", "x = 'a'.center(N)"},
	{"zfill", "x = '1'.zfill(N)"},
	{"expandtabs", "x = ('\\t' * 100).expandtabs(N)"},
	{"pow10", "x = 10 ** N"},
	{"pow_nested", "x = 10 ** 10 ** K"},
	{"shift", "x = 1 << N"},
	{"square_loop", "x = 10 ** 10\nfor _ in range(N):\n    x = x * x"},
	{"str_of_pow", "x = str(10 ** K)"},
	{"int_of_str", "x = int('9' * K)"},
	{"hex_shift", "x = hex(1 << N)"},
	{"divmod", "x = divmod(10 ** K, 7)"},
	{"powmod", "x = pow(3, N, 10 ** K + 1)"},
	{"factorial", "import math\nx = math.factorial(N)"},
	{"comb", "import math\nx = math.comb(N, N // 2)"},
	{"set_range", "x = set(range(N))"},
	{"frozenset_range", "x = frozenset(range(N))"},
	{"dict_fromkeys", "x = dict.fromkeys(range(N))"},
	{"list_range", "x = list(range(N))"},
	{"tuple_range", "x = tuple(range(N))"},
	{"dict_zip", "x = dict(zip(range(N), range(N)))"},
	{"dict_comp", "x = {i: i for i in range(N)}"},
	{"join_list", "x = ' '.join(['ab'] * N)"},
	{"join_map", "x = ','.join(map(str, range(N)))"},
	{"sorted_map", "x = sorted(map(str, range(N)))"},
	{"replace", "x = ('a' * S).replace('a', 'aaaaaaaaaa')"},
	{"split", "x = ('a ' * S).split()"},
	{"upper", "x = ('ab' * S).upper()"},
	{"encode", "x = ('\\u00e9' * S).encode()"},
	{"bytes_hex", "x = (b'a' * S).hex()"},
	{"str_find", "x = ('a' * S).find('a' * (S // 2) + 'b')"},
	{"count", "x = ('ab' * S).count('b')"},
	{"repr_shared", "inner = [0] * S\nouter = [inner] * S\nx = repr(outer)"},
	{"print_shared", "inner = [0] * S\nouter = [inner] * S\nprint(outer)"},
	{"fstring_shared", "inner = [0] * S\nouter = [inner] * S\nx = f'{outer}'"},
	{"str_list", "x = str(list(range(S)))"},
	{"list_of_lists", "x = [[0] * S for i in range(1000)]"},
	{"append_copies", "x = []\nfor _ in range(N):\n    x.append(x[:])"},
	{"str_double", "x = 'a'\nfor _ in range(N):\n    x += x"},
	{"list_double", "x = [0]\nfor _ in range(N):\n    x += x"},
	{"dict_grow", "x = {}\nfor i in range(N):\n    x[i] = i"},
	{"bytearray_grow", "x = bytearray()\nfor _ in range(N):\n    x += b'a' * 4096"},
	{"exceptions", "x = []\nfor i in range(1000):\n    try:\n        raise ValueError('a' * S)\n    except ValueError as e:\n        x.append(e)"},
	{"bytes", "x = bytes(N)"},
	{"bytearray", "x = bytearray(N)"},
	{"bytes_repeat", "x = b'a' * N"},
	{"sorted_desc", "x = sorted(range(N, 0, -1))"},
	{"list_sort", "x = [3, 1, 2] * S\nx.sort()"},
	{"sum_range", "x = sum(range(N))"},
	{"str_mult_mult", "x = 'a' * S\ny = x * S"},
	{"product", "import itertools\nx = list(itertools.product(range(10), repeat=K))"},
	{"permutations", "import itertools\nx = list(itertools.permutations(range(K)))"},
	{"repeat", "import itertools\nx = list(itertools.repeat(0, N))"},
	{"format_many", "x = ('{}' * S).format(*range(S))"},
	{"to_bytes", "x = (1 << N).to_bytes(N // 8 + 1, 'big')"},
	{"re_backtrack", "import re\nx = re.match('(a*)*b', 'a' * (N % 40))"},
	{"input", "x = input()"},
	{"stdin_read", "import sys\nx = sys.stdin.read()"},
	{"print_loop", "for _ in range(N):\n    print('a' * 1000)"},
	{"swallow_cancel", "import asyncio\nasync def swallow():\n    while True:\n        try:\n            await asyncio.sleep(1)\n        except asyncio.CancelledError:\n            pass\nasync def main():\n    t = asyncio.create_task(swallow())\n    await asyncio.sleep(0)\n    await asyncio.sleep(K)\nasyncio.run(main())"},
	{"tasks", "import asyncio\nasync def w(i):\n    await asyncio.sleep(i % 7)\nasync def main():\n    await asyncio.gather(*[w(i) for i in range(S)])\nasyncio.run(main())"},
}

// recursionCalls are the ways f(n) calls f(n + 1) through a built-in.
var recursionCalls = []string{
	"f(n + 1)", "list(map(f, [n + 1]))", "[*filter(f, [n + 1])]", "sorted([n + 1], key=f)",
	"max([n + 1, n + 1], key=f)", "sum(map(f, [n + 1]))", "__import__('functools').reduce(lambda a, b: f(b), [0, n + 1])",
	"dict.fromkeys(map(f, [n + 1]))", "repr(W(lambda: f(n + 1)))", "W(lambda: f(n + 1)) == W(None)",
	"hash(W(lambda: f(n + 1)))", "format(W(lambda: f(n + 1)), '')", "next(iter(W(lambda: f(n + 1))))",
	"getattr(W(lambda: f(n + 1)), 'missing')", "eval('f(n + 1)', {'f': f, 'n': n})",
	"str(W(lambda: f(n + 1)))", "__import__('copy').deepcopy(D(lambda: f(n + 1)))", "next(gen(n + 1))",
}

// recursionPrelude defines the classes whose dunders call back.
const recursionPrelude = `import sys
class W:
    def __init__(self, g):
        self.g = g
    def __repr__(self):
        return repr(self.g())
    def __str__(self):
        return str(self.g())
    def __eq__(self, o):
        return self.g() == o
    def __hash__(self):
        return hash(self.g())
    def __format__(self, spec):
        return format(self.g(), spec)
    def __iter__(self):
        return iter([self.g()])
    def __getattr__(self, name):
        return self.g()
class D:
    def __init__(self, g):
        self.g = g
    def __deepcopy__(self, memo):
        return self.g()
def gen(n):
    yield f(n)
`

// sourceTemplates make a source from r repetitions (r = N mod 2**21).
var sourceTemplates = []struct {
	name string
	gen  func(r int) string
}{
	{"parens", func(r int) string { return "x = " + rep("(", r) + "1" + rep(")", r) }},
	{"lists", func(r int) string { return "x = " + rep("[", r) + rep("]", r) }},
	{"dicts", func(r int) string { return "x = " + rep("{1: ", r) + "1" + rep("}", r) }},
	{"calls", func(r int) string { return "def f():\n    return f\nx = f" + rep("()", r) }},
	{"nested_calls", func(r int) string { return "x = " + rep("abs(", r) + "1" + rep(")", r) }},
	{"attrs", func(r int) string { return "a = 1\nx = a" + rep(".b", r) }},
	{"subscripts", func(r int) string { return "x = [0]\nx = x" + rep("[0]", r) }},
	{"plus_chain", func(r int) string { return "x = " + rep("1+", r) + "1" }},
	{"power_chain", func(r int) string { return "x = " + rep("2**", r) + "1" }},
	{"not_chain", func(r int) string { return "x = " + rep("not ", r) + "1" }},
	{"unary", func(r int) string { return "x = " + rep("-", r) + "1" }},
	{"invert", func(r int) string { return "x = " + rep("~", r) + "1" }},
	{"lambdas", func(r int) string { return "f = " + rep("lambda: ", r) + "1" }},
	{"ternary", func(r int) string { return "x = " + rep("1 if 1 else ", r) + "1" }},
	{"compare_chain", func(r int) string { return "x = " + rep("1 < ", r) + "2" }},
	{"bool_chain", func(r int) string { return "x = " + rep("0 or ", r) + "1" }},
	{"assign_chain", func(r int) string { return rep("x = ", r) + "1" }},
	{"implicit_concat", func(r int) string { return "x = " + rep("'a' ", r+1) }},
	{"comprehensions", func(r int) string { return "x = " + rep("[y for y in ", r) + "[1]" + rep("]", r) }},
	{"match_pattern", func(r int) string {
		return "match [1]:\n    case " + rep("[", r) + "_" + rep("]", r) + ":\n        pass"
	}},
	{"unclosed", func(r int) string { return "x = " + rep("(", r) }},
	{"statements", func(r int) string { return rep("x = 1\n", r) }},
	{"elif_chain", func(r int) string { return "if 0:\n    pass\n" + rep("elif 0:\n    pass\n", r) }},
	{"decorators", func(r int) string { return "def d(f):\n    return f\n" + rep("@d\n", r) + "def g():\n    pass" }},
	{"list_literal", func(r int) string { return "x = [" + rep("1,", r) + "]" }},
	{"tuple_literal", func(r int) string { return "x = (" + rep("1,", r) + ")" }},
	{"set_literal", func(r int) string { return "x = {" + rep("1,", r) + "}" }},
	{"dict_literal", func(r int) string { return "x = {" + rep("1: 1,", r) + "}" }},
	{"call_args", func(r int) string { return "def f(*a):\n    return len(a)\nx = f(" + rep("1,", r) + ")" }},
	{"str_literal", func(r int) string { return "x = '" + rep("a", r) + "'" }},
	{"int_literal", func(r int) string { return "x = " + rep("9", r+1) }},
	{"blocks", func(r int) string { return nestedBlocks("if 1:", r%3000) }},
	{"defs", func(r int) string { return nestedBlocks("def f():", r%3000) }},
	{"classes", func(r int) string { return nestedBlocks("class C:", r%3000) }},
	{"fors", func(r int) string { return nestedBlocks("for i in [1]:", r%3000) }},
	{"trys", func(r int) string { return nestedBlocks("try:", r%3000) }},
}

// src0 is the template's program at size 0, to look at what it uses.
func (t hostileTemplate) src0() string { src, _ := t.gen(0, 0); return src }

// cpythonCompiles lists the source templates that CPython 3.11 compiles
// at every size the generator makes (2**21 repetitions): a SyntaxError
// from aio on them is false (a fixed-size cap CPython does not have).
var cpythonCompiles = map[string]bool{
	"statements": true, "list_literal": true, "tuple_literal": true, "set_literal": true,
	"dict_literal": true, "call_args": true, "str_literal": true, "implicit_concat": true, "decorators": true,
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

// nestedBlocks nests n blocks opened by header, one space of
// indentation per level (try blocks get their finally clauses).
func nestedBlocks(header string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(rep(" ", i) + header + "\n")
	}
	b.WriteString(rep(" ", n) + "pass\n")
	if header == "try:" {
		for i := n - 1; i >= 0; i-- {
			b.WriteString(rep(" ", i) + "finally:\n" + rep(" ", i+1) + "pass\n")
		}
	}
	return b.String()
}

// hostileTemplates is every template, in a fixed order (the fuzz input
// selects one by its index).
var hostileTemplates = sync.OnceValue(func() []hostileTemplate {
	var ts []hostileTemplate
	for _, b := range deepBuilders {
		ts = append(ts, hostileTemplate{name: "deep/" + b.name, gen: func(n uint32, op uint8) (string, string) {
			o := deepOps[int(op)%len(deepOps)]
			src := b.prelude + "def build(n):\n    x = " + b.base +
				"\n    for _ in range(n):\n        x = " + b.wrap + "\n    return x\n" +
				fmt.Sprintf("x = build(%d)\n", n%2_000_001)
			if usesY.MatchString(o) {
				src += fmt.Sprintf("y = build(%d)\n", n%2_000_001)
			}
			return src + o + "\n", o
		}})
	}
	ts = append(ts, hostileTemplate{name: "deep/cycle", gen: func(n uint32, op uint8) (string, string) {
		o := deepOps[int(op)%len(deepOps)]
		src := fmt.Sprintf("m = %d\n", n%2_000_001+1) +
			"nodes = [[] for _ in range(m)]\nfor i in range(m):\n    nodes[i].append(nodes[(i + 1) % m])\nx = nodes[0]\ny = nodes[-1]\n"
		return src + o + "\n", o
	}})
	for _, b := range iterBuilders {
		ts = append(ts, hostileTemplate{name: "iter/" + b.name, gen: func(n uint32, op uint8) (string, string) {
			o := iterOps[int(op)%len(iterOps)]
			return b.prelude + "def build(n):\n    x = [1]\n    for _ in range(n):\n        x = " + b.wrap +
				"\n    return x\n" + fmt.Sprintf("x = build(%d)\n", n%2_000_001) + o + "\n", o
		}})
	}
	for _, s := range sizeTemplates {
		ts = append(ts, hostileTemplate{name: "size/" + s.name, gen: func(n uint32, op uint8) (string, string) {
			r := strings.NewReplacer("N", fmt.Sprint(n), "K", fmt.Sprint(n%100_000), "S", fmt.Sprint(n%10_000_000))
			return r.Replace(s.src) + "\n", ""
		}})
	}
	ts = append(ts, hostileTemplate{name: "recurse", gen: func(n uint32, op uint8) (string, string) {
		call := recursionCalls[int(op)%len(recursionCalls)]
		src := recursionPrelude
		if n%2 == 1 { // a script raising its own limit: it must stay under the host's
			src += fmt.Sprintf("sys.setrecursionlimit(%d)\n", max(n/2, 50))
		}
		return src + "def f(n):\n    return " + call + "\nf(0)\n", call
	}})
	for _, s := range sourceTemplates {
		ts = append(ts, hostileTemplate{name: "source/" + s.name, source: true, valid: cpythonCompiles[s.name], gen: func(n uint32, op uint8) (string, string) {
			return s.gen(int(n%(1<<21))) + "\n", ""
		}})
	}
	return ts
})

// hostileSkip is FUZZ_HOSTILE_SKIP compiled (nil: skip nothing).
var hostileSkip = sync.OnceValue(func() *regexp.Regexp {
	if s := os.Getenv("FUZZ_HOSTILE_SKIP"); s != "" {
		return regexp.MustCompile(s)
	}
	return nil
})

// blockingStream is a host stdin and stdout that never deliver: a read
// or write waits until the test ends.
type blockingStream struct{ done chan struct{} }

func (s blockingStream) Read([]byte) (int, error)  { <-s.done; return 0, context.Canceled }
func (s blockingStream) Write([]byte) (int, error) { <-s.done; return 0, context.Canceled }

// FuzzHostile runs a generated hostile program. The inputs: kind selects
// the template, op its variant, n its size; knobs bits 0-1 == 1 cancels
// the run after (bits 2-9) milliseconds, bits 10-11 pick the memory
// budget (16, 32 or 64 MiB), bit 12 MaxDepth 1000 instead of 200, and
// bit 13 a host stdin and stdout that block.
func FuzzHostile(f *testing.F) {
	// Seeds: every template once, each variant of the deep, iterator and
	// recursion families once (spread over the family's templates), small
	// sizes; the asyncio ones cancelled early (they wait for the deadline
	// otherwise).
	family := func(name string) (string, int) {
		switch {
		case strings.HasPrefix(name, "deep/"):
			return "deep/", len(deepOps)
		case strings.HasPrefix(name, "iter/"):
			return "iter/", len(iterOps)
		}
		return name, 1
	}
	seen := map[string][]int{}
	for kind, tmpl := range hostileTemplates() {
		if fam, _ := family(tmpl.name); tmpl.name != "deep/cycle" {
			seen[fam] = append(seen[fam], kind)
		}
	}
	for kind, tmpl := range hostileTemplates() {
		n, knobs := uint32(8), uint16(0)
		if strings.Contains(tmpl.src0(), "asyncio") {
			knobs = 1 // cancelled after 1 ms
		}
		fam, ops := family(tmpl.name)
		if tmpl.name == "recurse" {
			ops = len(recursionCalls)
		}
		kinds := seen[fam]
		if tmpl.name == "deep/cycle" {
			ops = 1 // comparing two cycles recurses without end: a Go stack overflow on main today
		}
		for op := 0; op < ops; op++ {
			if kinds[op%len(kinds)] == kind || op < 1 {
				f.Add(uint16(kind), uint8(op), n, knobs)
			}
		}
	}
	f.Fuzz(func(t *testing.T, kind uint16, op uint8, n uint32, knobs uint16) {
		tmpl := hostileTemplates()[int(kind)%len(hostileTemplates())]
		src, variant := tmpl.gen(n, op)
		name := tmpl.name
		if variant != "" {
			name += "/" + variant
		}
		if re := hostileSkip(); re != nil && re.MatchString(name) {
			t.Skip("FUZZ_HOSTILE_SKIP matches", name)
		}
		lim := guardLimits{MemoryLimit: 16 << (knobs >> 10 & 3 % 3) << 20, MaxSteps: 20_000_000, MaxDepth: 200,
			Timeout: 3 * time.Second, FreshBaseline: true}
		if knobs&3 == 1 {
			lim.CancelAfter = time.Duration(knobs>>2&0xff+1) * time.Millisecond
		}
		if knobs&(1<<12) != 0 {
			lim.MaxDepth = 1000
		}
		if knobs&(1<<13) != 0 {
			s := blockingStream{make(chan struct{})}
			t.Cleanup(func() { close(s.done) })
			lim.Stdin, lim.Stdout = s, s
		}
		t.Logf("template %s, n=%d, knobs=%#x, limits %+v; program:\n%s", name, n, knobs, lim, abbreviate(src))
		prepare := func(in *Interp) func(context.Context) error {
			return func(ctx context.Context) error { return in.Exec(ctx, "hostile.aio", src) }
		}
		if tmpl.source {
			prog, err := compileBounded(t, src)
			if err != nil {
				if tmpl.valid && isSyntaxError(err) {
					t.Fatalf("CompileProgram returned a SyntaxError on a source CPython compiles: %v", err)
				}
				if !isSyntaxError(err) && !isCompileLimitError(err) {
					t.Fatalf("CompileProgram returned %T: %v", err, err)
				}
				return
			}
			prepare = func(in *Interp) func(context.Context) error {
				return func(ctx context.Context) error { return in.Run(ctx, prog) }
			}
		}
		in, err := guardRetry(t, lim, prepare)
		t.Logf("run returned: %v", err)

		// The interpreter stays whole: with the script's names deleted
		// (its data may fill the budget) and the recursion limit back at
		// MaxDepth (a script may lower it), it recurses to 90% of MaxDepth.
		if in.main != nil {
			for _, name := range in.main.globals.Names() {
				if !strings.HasPrefix(name, "__") {
					in.main.globals.DelAttrValue(name)
				}
			}
		}
		probe := fmt.Sprintf("import sys\nsys.setrecursionlimit(%d)\n"+
			"def _probe(n):\n    return 0 if n == 0 else 1 + _probe(n - 1)\n"+
			"assert _probe(%d) == %d\n", lim.MaxDepth, lim.MaxDepth*9/10, lim.MaxDepth*9/10)
		lim.CancelAfter, lim.Timeout = 0, 5*time.Second
		if err, late := guard(t, in, lim, func(ctx context.Context) error { return in.Exec(ctx, "probe.aio", probe) }); err != nil || late != "" {
			t.Fatalf("the interpreter is not whole after the run: %v %s", err, late)
		}
	})
}

// compileTimeout bounds the compilation of a generated source (at most
// 8 MiB: CPython compiles such sources in about a second).
const compileTimeout = 20 * time.Second

// compileBounded compiles src, failing t when that takes longer than
// compileTimeout (the compilation is abandoned, still running).
func compileBounded(t *testing.T, src string) (*Program, error) {
	type result struct {
		prog *Program
		err  error
	}
	done := make(chan result, 1)
	go func() {
		prog, err := CompileProgram("hostile.aio", []byte(src))
		done <- result{prog, err}
	}()
	select {
	case r := <-done:
		return r.prog, r.err
	case <-time.After(compileTimeout):
		t.Fatalf("CompileProgram still running after %v on a %d-byte source", compileTimeout, len(src))
		return nil, nil
	}
}

func isSyntaxError(err error) bool { return errors.As(err, new(*parser.SyntaxError)) }

// abbreviate shortens a long program for the log.
func abbreviate(src string) string {
	if len(src) <= 600 {
		return src
	}
	return fmt.Sprintf("%s\n... (%d bytes) ...\n%s", src[:300], len(src), src[len(src)-200:])
}
