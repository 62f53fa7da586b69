package random

// This file defines where a method's random floats come from. CPython's
// distributions call self.random(), so a subclass that overrides random()
// changes what uniform(), gauss(), choices() and the others return; the
// methods here draw through such an override, and straight from the
// generator otherwise.

import (
	"math"

	"github.com/aio-lang/aio/runtime"
)

// drawing is the source of floats for one method call.
type drawing struct {
	th       *runtime.Thread
	r        *RandomObj
	override runtime.Value // the bound random() of a subclass, or invalid
	err      error         // the first error the override raised
}

// draws returns the source for a method called on self.
func draws(th *runtime.Thread, self runtime.Value) *drawing {
	r := randSelf(self)
	d := &drawing{th: th, r: r}
	if r.cls != RandomType && r.cls != SystemRandomType {
		mine, ok := r.cls.Lookup("random")
		base, _ := RandomType.Lookup("random")
		if ok && !mine.Is(base) {
			if m, err := runtime.GetAttr(th, self, "random"); err == nil {
				d.override = m
			}
		}
	}
	return d
}

// next is the next float in [0, 1). After the override fails it returns
// 0.5 until the caller sees d.err, which every loop checks.
func (d *drawing) next() float64 {
	if !d.override.IsValid() {
		return d.r.R.Random()
	}
	if d.err != nil {
		return 0.5
	}
	v, err := d.th.Call(d.override, nil, nil)
	if err == nil {
		var f float64
		if f, err = runtime.AsDouble(d.th, v); err == nil {
			return f
		}
	}
	d.err = err
	return 0.5
}

// result returns v, or the error the override raised while computing it.
func (d *drawing) result(v runtime.Value, err error) (runtime.Value, error) {
	if d.err != nil {
		return runtime.Value{}, d.err
	}
	return v, err
}

// below is a random int in [0, n) drawn through a subclass's random(),
// as CPython's _randbelow does for a class that overrides random() but
// not getrandbits(); ok is false without an override (the generator's
// own methods are used then). n must be in (0, 2**53).
func (d *drawing) below(n int64) (v int64, ok bool) {
	if !d.override.IsValid() {
		return 0, false
	}
	const span = 1 << 53 // the float's 53 random bits
	limit := float64(span-span%n) / span
	u := d.next()
	for u >= limit && d.err == nil {
		u = d.next()
	}
	return int64(math.Floor(u*span)) % n, true
}

// rangeBelow is randrange(start, stop, step) for small ints through an
// override: ok is false without one, or when the range is empty (the
// generator's path reports that error).
func (d *drawing) rangeBelow(start, stop, step int64) (int64, bool) {
	if !d.override.IsValid() || step == 0 {
		return 0, false
	}
	var n int64
	if step > 0 {
		n = (stop - start + step - 1) / step
	} else {
		n = (stop - start + step + 1) / step
	}
	if n <= 0 || n >= 1<<53 {
		return 0, false
	}
	k, _ := d.below(n)
	return start + step*k, true
}
