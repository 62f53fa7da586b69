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

func TestReaderObjectAttributesAndLimit(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import csv
r = csv.reader(["a;b\n", "c;d\n"], delimiter=";")
print(type(r).__name__, iter(r) is r, next(r), r.line_num, r.dialect.delimiter)
old = csv.field_size_limit(3)
try:
    list(csv.reader(["abcd"]))
except csv.Error as e:
    print(e, old)
`)
	assert.Equal(t, "reader True ['a', 'b'] 1 ;\nfield larger than field limit (3) 131072\n", out)
}

func TestReaderTypeCannotBeInstantiated(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import csv
try:
    next(type(csv.reader([]))())
except TypeError as e:
    print(e)
`)
	assert.Equal(t, "cannot create '_csv.reader' instances\n", out)
}
