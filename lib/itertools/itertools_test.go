package itertools_test

// This file tests what the conformance programs cannot show: that the
// infinite iterators stay inside a host's step and memory budgets when
// consumed by Go code (list(), sum()), and that re-entering a tee is
// refused instead of recursing.

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func run(t *testing.T, opts interp.Options, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout = &out
	in := interp.New(opts)
	err := in.Exec(context.Background(), "main.aio", src)
	return out.String(), err
}

// list() of an endless repeat runs no bytecode per item: only the
// iterator's own step accounting can stop it.
func TestEndlessRepeatHitsStepLimit(t *testing.T) {
	_, err := run(t, interp.Options{MaxSteps: 50_000, MemoryLimit: 1 << 30},
		"import itertools\nsum(itertools.repeat(1))\n")
	require.Error(t, err)
	assert.ErrorIs(t, err, interp.ErrStepLimit)
}

// cycle keeps every item of its first pass: a huge pass is charged to
// the memory budget.
func TestCycleChargesItsBuffer(t *testing.T) {
	out, err := run(t, interp.Options{MemoryLimit: 1 << 20},
		"import itertools\ntry:\n    sum(itertools.islice(itertools.cycle(itertools.count()), 10**7))\n"+
			"except MemoryError:\n    print('MemoryError')\n")
	require.NoError(t, err)
	assert.Equal(t, "MemoryError\n", out)
}

// A tee whose source generator advances the same tee fails with
// CPython's RuntimeError rather than recursing.
func TestTeeRefusesReentry(t *testing.T) {
	out, err := run(t, interp.Options{},
		"import itertools\ndef src():\n    yield 1\n    yield next(a)\na, b = itertools.tee(src())\nprint(next(a))\n"+
			"try:\n    next(a)\nexcept RuntimeError as e:\n    print(e)\n")
	require.NoError(t, err)
	assert.Equal(t, "1\ncannot re-enter the tee iterator\n", out)
}

// A tee that runs far ahead of its twin buffers everything in between,
// and the buffer is charged to the memory budget.
func TestTeeChargesItsBuffer(t *testing.T) {
	out, err := run(t, interp.Options{MemoryLimit: 1 << 20},
		"import itertools\na, b = itertools.tee(itertools.count())\ntry:\n    sum(itertools.islice(a, 10**7))\n"+
			"except MemoryError:\n    print('MemoryError', next(b))\n")
	require.NoError(t, err)
	assert.Equal(t, "MemoryError 0\n", out)
}
