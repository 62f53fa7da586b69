package runtime

// This file defines dict: an insertion-ordered hash table in the layout of
// CPython's compact dict (a sparse index table pointing into a dense entry
// array), so iteration follows insertion order and deletion leaves holes
// that are compacted on resize.
//
// The entry array is stored in blocks of 8, 8, 16, 32, ... entries (each
// block as big as all before it), so that it grows without ever copying
// its entries: an entry is 56 bytes (CPython's are 24), and copying a big
// table while the collector runs costs a write barrier per pointer. A
// resize rebuilds only the index, unless deleted entries must be
// squeezed out.

import "math/bits"

// Dict is a dict value.
type Dict struct {
	blocks [][]dictEntry // entry positions 0..n-1, see entry
	n      int           // entry slots in use, deleted ones included
	index  []int32       // -1 empty, -2 deleted, else entry position
	used   int
}

type dictEntry struct {
	key   Value
	value Value
	hash  int64
}

// live reports whether the entry holds an item (a deleted entry has no key).
func (e *dictEntry) live() bool { return e.key.IsValid() }

// firstBlock is the size of the first two entry blocks.
const firstBlock = 8

// entry returns entry position p (p < d.n). Block 0 holds positions 0-7
// and block k >= 1 holds positions 8<<(k-1) up to 8<<k.
func (d *Dict) entry(p int) *dictEntry {
	if p < firstBlock {
		return &d.blocks[0][p]
	}
	k := bits.Len(uint(p / firstBlock))
	return &d.blocks[k][p-firstBlock<<(k-1)]
}

// appendEntry adds e at position d.n, allocating a new block when the
// last is full.
func (d *Dict) appendEntry(e dictEntry) {
	if d.n == firstBlock<<max(len(d.blocks)-1, 0) || len(d.blocks) == 0 {
		size := firstBlock
		if len(d.blocks) > 1 {
			size = firstBlock << (len(d.blocks) - 1)
		}
		d.blocks = append(d.blocks, make([]dictEntry, size))
	}
	*d.entry(d.n) = e
	d.n++
}

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
			e := d.entry(int(ix))
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
	if d.used < d.n {
		// Squeeze out the deleted entries.
		old := *d
		d.blocks, d.n = nil, 0
		for p := 0; p < old.n; p++ {
			if e := old.entry(p); e.live() {
				d.appendEntry(*e)
			}
		}
	}
	d.index = make([]int32, n)
	for i := range d.index {
		d.index[i] = ixEmpty
	}
	mask := uint64(n - 1)
	for pos := 0; pos < d.n; pos++ {
		h := d.entry(pos).hash
		perturb := uint64(h)
		i := uint64(h) & mask
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
	return d.entry(pos).value, true, nil
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
		d.entry(pos).value = v
		return nil
	}
	if slot < 0 || d.n+1 > len(d.index)*2/3 {
		d.resize()
		slot, _, _ = d.lookup(th, key, h)
	}
	d.index[slot] = int32(d.n)
	d.appendEntry(dictEntry{key: key, value: v, hash: h})
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
	e := d.entry(pos)
	old := e.value
	*e = dictEntry{}
	d.index[slot] = ixDeleted
	d.used--
	return old, true, nil
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	d.Items(func(k, _ Value) bool {
		out = append(out, k)
		return true
	})
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []Value {
	out := make([]Value, 0, d.used)
	d.Items(func(_, v Value) bool {
		out = append(out, v)
		return true
	})
	return out
}

// Items calls f for each item in insertion order until f returns false.
// f may change d: positions are re-read from d each time.
func (d *Dict) Items(f func(k, v Value) bool) {
	for i := 0; i < d.n; i++ {
		e := *d.entry(i)
		if e.live() && !f(e.key, e.value) {
			return
		}
	}
}

// entryAt returns the i'th slot of the entry array, for iterators that
// must notice mutation; ok is false past the end.
func (d *Dict) entryAt(i int) (k, v Value, live, ok bool) {
	if i >= d.n {
		return Value{}, Value{}, false, false
	}
	e := d.entry(i)
	return e.key, e.value, e.live(), true
}

// truncate drops the entry positions from n on.
func (d *Dict) truncate(n int) {
	for p := n; p < d.n; p++ {
		*d.entry(p) = dictEntry{}
	}
	d.n = n
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	c := &Dict{}
	for p := 0; p < d.n; p++ {
		if e := d.entry(p); e.live() {
			c.appendEntry(*e)
		}
	}
	c.used = c.n
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
