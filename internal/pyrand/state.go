package pyrand

// This file exposes the generator's state, for random.getstate and
// random.setstate.

// StateWords is the number of 32-bit words in a generator's state.
const StateWords = n

// State returns the Mersenne Twister's words and the position of the next
// word to temper.
func (r *Random) State() (words [n]uint32, pos int) { return r.mt, r.index }

// SetState restores a state from State; pos must be in [0, StateWords].
func (r *Random) SetState(words [n]uint32, pos int) {
	r.mt = words
	r.index = pos
}
