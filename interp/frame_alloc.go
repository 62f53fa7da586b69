package interp

// This file allocates frames together with their slots: one heap object
// per activation instead of two, sized to fill a Go size class. It
// matters most for coroutines, which keep their frame for as long as they
// wait (a program with 100,000 waiting tasks has 100,000 of them) and
// are their frame (see Coroutine).

import "github.com/aio-lang/aio/runtime"

// Frames with room for N slots (locals plus stack), for the N at which
// the 168-byte frame plus N 24-byte Values fills a size class.
type (
	frame1 struct {
		f frame
		s [1]runtime.Value
	}
	frame3 struct {
		f frame
		s [3]runtime.Value
	}
	frame5 struct {
		f frame
		s [5]runtime.Value
	}
	frame6 struct {
		f frame
		s [6]runtime.Value
	}
	frame7 struct {
		f frame
		s [7]runtime.Value
	}
	frame9 struct {
		f frame
		s [9]runtime.Value
	}
	frame11 struct {
		f frame
		s [11]runtime.Value
	}
	frame13 struct {
		f frame
		s [13]runtime.Value
	}
	frame16 struct {
		f frame
		s [16]runtime.Value
	}
	frame21 struct {
		f frame
		s [21]runtime.Value
	}
	frame30 struct {
		f frame
		s [30]runtime.Value
	}
)

// allocFrame returns a new zero frame with n slots.
func allocFrame(n int) *frame {
	switch {
	case n <= 1:
		p := new(frame1)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 3:
		p := new(frame3)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 5:
		p := new(frame5)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 6:
		p := new(frame6)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 7:
		p := new(frame7)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 9:
		p := new(frame9)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 11:
		p := new(frame11)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 13:
		p := new(frame13)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 16:
		p := new(frame16)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 21:
		p := new(frame21)
		p.f.slots = p.s[:n]
		return &p.f
	case n <= 30:
		p := new(frame30)
		p.f.slots = p.s[:n]
		return &p.f
	}
	return &frame{slots: make([]runtime.Value, n)}
}
