package runtime

// This file is the growth policy of the runtime's long arrays: lists, the
// timer heap, the loop's task list.
//
// They double when full. Go's append grows a big slice by 1.25x, so a
// slice that grows to n items has allocated about 5n to 6n items' worth
// of arrays on the way; doubling allocates 2n to 4n. The outgrown arrays
// are garbage that stays in the heap until the collector's next cycle, so
// the difference is what building a long list, or scheduling a hundred
// thousand timers, costs in peak memory. The price is up to half the
// final array unused, against a quarter with append.

// appendDoubling appends v to s, doubling s's array when it is full.
func appendDoubling[T any](s []T, v T) []T {
	n := len(s)
	if n == cap(s) {
		s = doubled(s)
	}
	s = s[:n+1]
	s[n] = v
	return s
}

// doubled returns a copy of s with twice the capacity (at least 4), out of
// line so that appendDoubling inlines.
func doubled[T any](s []T) []T {
	grown := make([]T, len(s), max(2*cap(s), 4))
	copy(grown, s)
	return grown
}
