package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// benchTemplate is varied, realistic aio code; %d makes names unique.
const benchTemplate = `
class Worker%[1]d(Base):
    """A worker that processes items."""
    limit = 10

    def __init__(self, name, queue, *, retries=3, **options):
        super().__init__(name)
        self.name = name
        self.queue = queue
        self.retries = retries
        self.options = dict(options)
        self.seen = set()

    async def run(self):
        while True:
            item = await self.queue.get()
            if item is None:
                break
            try:
                result = await self.handle(item)
            except (ValueError, KeyError) as exc:
                print(f"{self.name}: bad item {item!r}: {exc}")
                continue
            finally:
                self.queue.task_done()
            self.seen.add(result)

    async def handle(self, item):
        total = 0
        for i, value in enumerate(item.values):
            if value %% 2 == 0 and i > 0 or value < -1:
                total += value ** 2 // 3
            elif value in self.seen:
                total -= 1
            else:
                total = total * 2 + (value if value else 1)
        squares = [x * x for x in range(total) if x %% 3 == 0]
        lookup = {k: v for k, v in zip(squares, item.values)}
        await asyncio.sleep(0.001)
        return sum(squares) + len(lookup) - self.limit


def helper%[1]d(a, b=2, *rest, key=None):
    data = [a, b, *rest]
    data.sort(key=lambda x: (x is not None, x))
    text = ", ".join(str(d) for d in data)
    if key is not None and key not in data:
        raise KeyError(key) from None
    return {"text": text, "count": len(data), "max": max(data, default=0)}
`

// benchSource generates a program of about n lines.
func benchSource(n int) []byte {
	var b strings.Builder
	b.WriteString("import asyncio\nfrom base import Base\n")
	lines := 2
	per := strings.Count(benchTemplate, "\n")
	for i := 0; lines < n; i++ {
		fmt.Fprintf(&b, benchTemplate, i)
		lines += per
	}
	return []byte(b.String())
}

// BenchmarkParse parses a generated 10,000-line program.
func BenchmarkParse(b *testing.B) {
	src := benchSource(10000)
	lines := strings.Count(string(src), "\n")
	buildParser()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.aio", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkLex measures the tokenizer alone on the same program.
func BenchmarkLex(b *testing.B) {
	src := string(benchSource(10000))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tz := newTokenizer("bench.aio", src)
		if _, err := lexer.Upgrade(tz); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild measures building the participle parser, which happens
// once per process.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		newGrammarParser()
	}
}

var _ = participle.NextMatch
