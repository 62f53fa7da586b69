package interp

// This file ends an interpreter as CPython's exit does: atexit handlers,
// then the files still holding buffered writes.

import (
	"context"

	"github.com/aio-lang/aio/runtime"
)

// Close runs the atexit handlers the scripts registered (last registered
// first; an exception in one is reported on Stderr and the others still
// run) and flushes files the scripts left open. The aio command calls it
// after the script, including after an uncaught exception or sys.exit, as
// CPython runs them at interpreter exit. The interpreter may still be
// used afterwards; handlers registered later run at the next Close.
func (in *Interp) Close() error {
	defer runtime.FlushFiles(in.th)
	m, ok := in.th.Modules["atexit"]
	if !ok {
		return nil
	}
	run, err := runtime.GetAttr(in.th, runtime.Obj(m), "_run_exitfuncs")
	if err != nil {
		return nil
	}
	_, err = in.CallValue(context.Background(), run, nil, nil)
	return err
}
