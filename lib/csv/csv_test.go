package csv_test

// This file tests the csv module's reader state machine and writer
// quoting through the interpreter.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestReaderJoinsQuotedLines(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import csv
r = csv.reader(['a,"b\n', 'c",d\n', 'e\n'])
print(list(r), r.line_num)
`)
	assert.Equal(t, "[['a', 'b\\nc', 'd'], ['e']] 3\n", out)
}

func TestWriterQuotesOnlyWhatNeedsIt(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import csv
class S:
    def write(self, s):
        print(repr(s))
csv.writer(S()).writerow(["a", "b,c", 'q"', "", None, 1.5])
csv.writer(S()).writerow([""])
`)
	assert.Equal(t, "'a,\"b,c\",\"q\"\"\",,,1.5\\r\\n'\n'\"\"\\r\\n'\n", out)
}
