package interp_test

// This file tests that a script blocked reading a FIFO is stopped by the
// cancellation of its context.

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

func TestFIFOReadIsInterruptible(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	// Hold the write end open, silent, so that the script's read blocks.
	go func() {
		f, err := syscall.Open(fifo, syscall.O_WRONLY, 0)
		if err == nil {
			time.Sleep(5 * time.Second)
			syscall.Close(f)
		}
	}()
	in, _ := newInterp(interp.Options{Grants: interp.Capabilities{Dir: dir}})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := in.Exec(ctx, "fifo.aio", "f = open('pipe')\nprint(f.readline())\n")
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second, "the blocked read must not outlast the context")
}
