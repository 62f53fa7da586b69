package hostile

// This file holds the attacks on the re module: a pattern with
// catastrophic backtracking must stay inside the step budget and stop
// promptly when the host cancels the script, and results in proportion
// to a big text must stay inside the memory budget.

import (
	"testing"
	"time"
)

// catastrophic backtracks exponentially in the length of the a's before
// it fails on the final b.
const catastrophic = "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')\n"

// tokenizer is a legitimate loop of anchored matches over a 62 KB text.
const tokenizer = `import re
TOKEN = re.compile(r'(?s)\s*(?:(\d+)|(\w+)|(.))')
text = "x = 12 + foo(bar, 3) * 7 - baz\n" * 2000
pos = n = 0
while pos < len(text):
    m = TOKEN.match(text, pos)
    n += 1
    pos = m.end()
assert n == 28001, n
`

var reCases = register(
	hostileCase{Name: "re_backtracking_steps", Source: catastrophic, WantType: "RuntimeError", WantMessage: "maximum execution steps exceeded", MaxTime: 20 * time.Second},
	hostileCase{Name: "re_backtracking_cancel", Source: catastrophic, MaxSteps: -1, CancelAfter: 50 * time.Millisecond, WantType: "canceled"},
	hostileCase{Name: "re_findall_memory", Source: "import re\ntext = 'ab' * (10 * 2**20)\nparts = re.findall('a', text)\n", WantType: "MemoryError"},
	hostileCase{Name: "re_sub_memory", Source: "import re\ntext = 'a' * (20 * 2**20)\nout = re.sub('a', 'xyz', text)\n", WantType: "MemoryError"},
	// A tokenizer matching at successive positions of one text is charged
	// for what it scans, not for the whole rest of the text each time.
	hostileCase{Name: "re_tokenizer_within_budget", Source: tokenizer},
	hostileCase{Name: "re_findall_cancel", Source: "import re\nre.findall(r'(x+x+)+y', 'x' * 30 + 'z' + 'x' * 30)\n", MaxSteps: -1, CancelAfter: 50 * time.Millisecond, WantType: "canceled"},
)

func TestRe(t *testing.T) { runCases(t, reCases) }
