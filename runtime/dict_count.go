package runtime

// This file is the counting step of collections.Counter in one dict
// probe: d[key] = d.get(key, 0) + 1 for a dict whose counts are small
// ints, hashing and finding the key once instead of once for the read
// and again for the write.

import "math"

// CountUp adds one to d[key] when it holds an int below the largest
// int64, and sets d[key] = 1 when key is absent. It reports false,
// changing nothing, when d[key] is some other value: the caller then adds
// one as Python would.
func (d *Dict) CountUp(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	_, pos, err := d.lookup(th, key, h)
	if err != nil {
		return false, err
	}
	if pos < 0 {
		return true, d.SetItem(th, key, Int(1))
	}
	e := d.entry(pos)
	if !e.value.IsSmallInt() || e.value.SmallInt() == math.MaxInt64 {
		return false, nil
	}
	e.value = Int(e.value.SmallInt() + 1)
	if d.watch != nil {
		d.watch(key, e.value)
	}
	return true, nil
}
