package interp

// This file executes the two instructions of except* statements (see
// compile_exceptstar.go); the group logic is runtime's.

import (
	"github.com/aio-lang/aio/runtime"
)

// checkEGMatch is CHECK_EG_MATCH: rest type → rest' match. A match becomes
// the exception being handled, so that a bare raise re-raises it and an
// exception raised in the clause's body has it as its context.
func checkEGMatch(th *runtime.Thread, f *frame) error {
	typ := f.pop()
	rest := f.pop()
	if err := runtime.ExceptStarTypeError(typ); err != nil {
		return err
	}
	match, newRest, err := runtime.ExceptStarMatch(th, rest, typ)
	if err != nil {
		return err
	}
	f.push(newRest)
	f.push(match)
	if e, ok := runtime.As[*runtime.Exception](match); ok {
		f.excInfo = e
	}
	return nil
}

// prepReraiseStar is PREP_RERAISE_STAR: orig list → orig result.
func prepReraiseStar(th *runtime.Thread, f *frame) error {
	list := f.pop()
	orig, _ := runtime.As[*runtime.Exception](f.slots[f.sp-1])
	l, _ := runtime.As[*runtime.List](list)
	r, err := runtime.PrepReraiseStar(th, orig, l.Items)
	if err != nil {
		return err
	}
	f.push(r)
	return nil
}
