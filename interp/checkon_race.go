//go:build race

package interp

// This file is the VM's look at checkOn under the race detector: an
// atomic load, so that Interrupt's store from another goroutine is not
// reported (checkon.go explains the normal build's plain load).

import "sync/atomic"

func (in *Interp) checking() bool { return atomic.LoadUint32(&in.checkOn) != 0 }
