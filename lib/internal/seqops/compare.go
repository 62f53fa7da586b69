// Package seqops holds what the sequence types of the standard library
// (deque, array) share: item-by-item comparison and the count of a
// repetition.
package seqops

// This file defines Compare.

import "github.com/aio-lang/aio/runtime"

// Compare returns xs op ys: equality needs equal lengths and items; an
// ordering is decided by the first pair of items that differ, or else by
// the lengths.
func Compare(th *runtime.Thread, op runtime.CmpOp, xs, ys []runtime.Value) (runtime.Value, error) {
	if (op == runtime.CmpEQ || op == runtime.CmpNE) && len(xs) != len(ys) {
		return runtime.MakeBool(op == runtime.CmpNE), nil
	}
	for i := 0; i < len(xs) && i < len(ys); i++ {
		eq, err := runtime.Equal(th, xs[i], ys[i])
		if err != nil {
			return runtime.Value{}, err
		}
		if !eq {
			switch op {
			case runtime.CmpEQ:
				return runtime.False, nil
			case runtime.CmpNE:
				return runtime.True, nil
			}
			return runtime.Compare(th, op, xs[i], ys[i])
		}
		if i&4095 == 4095 {
			if err := th.Work(4096); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	return runtime.Compare(th, op, runtime.Int(int64(len(xs))), runtime.Int(int64(len(ys))))
}
