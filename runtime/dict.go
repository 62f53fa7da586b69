package runtime

// This file defines dict: an insertion-ordered hash table in the layout of
// CPython's compact dict (a sparse index table pointing into a dense entry
// array), so iteration follows insertion order and deletion leaves holes
// that are compacted on resize.

// Dict is a dict value.
type Dict struct {
	entries []dictEntry
	index   []int32 // -1 empty, -2 deleted, else entry position
	used    int
}

type dictEntry struct {
	key   Value
	value Value
	hash  int64
}

// live reports whether the entry holds an item (a deleted entry has no key).
func (e *dictEntry) live() bool { return e.key.IsValid() }

// Type returns DictType.
func (*Dict) Type() *Type { return DictType }

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

const (
	ixEmpty   = -1
	ixDeleted = -2
)

// lookup finds key; it returns the index slot and entry position (-1 if
// absent). On absence slot is where an insertion should go.
func (d *Dict) lookup(th *Thread, key Value, h int64) (slot int, pos int, err error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	freeSlot := -1
	for {
		ix := d.index[i]
		switch {
		case ix == ixEmpty:
			if freeSlot >= 0 {
				return freeSlot, -1, nil
			}
			return int(i), -1, nil
		case ix == ixDeleted:
			if freeSlot < 0 {
				freeSlot = int(i)
			}
		default:
			e := &d.entries[ix]
			if e.hash == h {
				if e.key.Is(key) {
					return int(i), int(ix), nil
				}
				eq, err := Equal(th, e.key, key)
				if err != nil {
					return 0, -1, err
				}
				if eq {
					return int(i), int(ix), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

func (d *Dict) resize() {
	// As CPython's GROWTH_RATE: room for three times the items, so a table
	// fresh from a resize is at most a third full and probes stay short.
	n := 8
	for n < (d.used+1)*3 {
		n *= 2
	}
	// The entry array grows by append: reserving the table's whole usable
	// fraction up front would triple the memory of a dict fresh from a
	// resize (entries are 56 bytes, CPython's 24).
	live := make([]dictEntry, 0, d.used+d.used/2+1)
	for _, e := range d.entries {
		if e.live() {
			live = append(live, e)
		}
	}
	d.entries = live
	d.index = make([]int32, n)
	for i := range d.index {
		d.index[i] = ixEmpty
	}
	mask := uint64(n - 1)
	for pos, e := range d.entries {
		perturb := uint64(e.hash)
		i := uint64(e.hash) & mask
		for d.index[i] != ixEmpty {
			perturb >>= 5
			i = (i*5 + perturb + 1) & mask
		}
		d.index[i] = int32(pos)
	}
}

// Get returns d[key].
func (d *Dict) Get(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return Value{}, false, err
	}
	_, pos, err := d.lookup(th, key, h)
	if err != nil || pos < 0 {
		return Value{}, false, err
	}
	return d.entries[pos].value, true, nil
}

// SetItem sets d[key] = v.
func (d *Dict) SetItem(th *Thread, key, v Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	slot, pos, err := d.lookup(th, key, h)
	if err != nil {
		return err
	}
	if pos >= 0 {
		d.entries[pos].value = v
		return nil
	}
	if slot < 0 || len(d.entries)+1 > len(d.index)*2/3 {
		d.resize()
		slot, _, _ = d.lookup(th, key, h)
	}
	d.index[slot] = int32(len(d.entries))
	if len(d.entries) == cap(d.entries) {
		// Double the entry array (up to the table's usable size, where the
		// next resize compacts it), rather than append's 1.25x steps for
		// big slices: each step copies every entry, with a write barrier
		// per pointer while the collector runs.
		grown := make([]dictEntry, len(d.entries), min(2*cap(d.entries)+8, len(d.index)*2/3))
		copy(grown, d.entries)
		d.entries = grown
	}
	d.entries = append(d.entries, dictEntry{key: key, value: v, hash: h})
	d.used++
	return nil
}

// Delete removes key, reporting whether it was present.
func (d *Dict) Delete(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return Value{}, false, err
	}
	slot, pos, err := d.lookup(th, key, h)
	if err != nil || pos < 0 {
		return Value{}, false, err
	}
	old := d.entries[pos].value
	d.entries[pos] = dictEntry{}
	d.index[slot] = ixDeleted
	d.used--
	return old, true, nil
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if e.live() {
			out = append(out, e.key)
		}
	}
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if e.live() {
			out = append(out, e.value)
		}
	}
	return out
}

// Items calls f for each item in insertion order until f returns false.
func (d *Dict) Items(f func(k, v Value) bool) {
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.live() && !f(e.key, e.value) {
			return
		}
	}
}

// entryAt returns the i'th slot of the entry array, for iterators that
// must notice mutation; ok is false past the end.
func (d *Dict) entryAt(i int) (k, v Value, live, ok bool) {
	if i >= len(d.entries) {
		return Value{}, Value{}, false, false
	}
	e := d.entries[i]
	return e.key, e.value, e.live(), true
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	c := &Dict{}
	for _, e := range d.entries {
		if e.live() {
			c.entries = append(c.entries, e)
		}
	}
	c.used = len(c.entries)
	c.resize()
	return c
}

// Clear removes every item.
func (d *Dict) Clear() { *d = Dict{} }

// Update copies the items of other into d.
func (d *Dict) Update(th *Thread, other *Dict) error {
	var err error
	other.Items(func(k, v Value) bool {
		err = d.SetItem(th, k, v)
		return err == nil
	})
	return err
}
