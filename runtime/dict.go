package runtime

// This file defines dict: an insertion-ordered hash table in the layout of
// CPython's compact dict (a sparse index table pointing into a dense entry
// array), so iteration follows insertion order and deletion leaves holes
// that are compacted on resize.
//
// The entry array is stored in blocks of 8, 8, 16, 32, ... entries (each
// block as big as all before it), so that it grows without ever copying
// its entries: an entry is 48 bytes (CPython's are 24), and copying a big
// table while the collector runs costs a write barrier per pointer. A
// resize rebuilds only the index, unless deleted entries must be
// squeezed out.
//
// An index slot holds 0 when empty (so a new index needs no filling),
// ixDeleted for a dummy, or pos+1 in its low d.shift bits and a tag of
// the entry's hash in the bits above. Positions stay below the table's
// usable size, less than len(d.index) = 1<<d.shift, so pos+1 fits; the
// tag takes the remaining 31-d.shift bits. A probe whose tag differs
// moves on without loading the entry: entries are big and scattered, and
// in a large table that load is a cache miss, paid for every collision
// on insert and every miss on lookup.

import (
	"math"
	"math/bits"
	"unsafe"
)

// Dict is a dict value.
type Dict struct {
	blocks [][]dictEntry // entry positions 0..n-1, see entry
	n      int           // entry slots in use, deleted ones included
	index  []int32       // see the encoding above
	shift  uint8         // log2(len(index)) once there is an index
	used   int
	// watch, when set, hears of every item set or deleted (v is the zero
	// Value for a deletion): a module's globals() dict passes the writes
	// on to the module.
	watch func(key, v Value)
}

// dictEntry is one item. The key is stored split so that the entry needs
// no word for the hash (48 bytes instead of 56): an inline int or float
// key keeps its payload in kbits, and its hash is recomputed from that (a
// pure function of the value, so no Python code runs); any other key is
// a pointer with no payload, and kbits holds its hash, as CPython stores
// it, so that neither lookups nor resizes call __hash__ or __eq__ again.
type dictEntry struct {
	kobj  Object // nil for a deleted entry
	kbits uint64
	value Value
}

func newDictEntry(key, value Value, h int64) dictEntry {
	switch key.obj.(type) {
	case intTag, floatTag:
		return dictEntry{kobj: key.obj, kbits: key.bits, value: value}
	}
	return dictEntry{kobj: key.obj, kbits: uint64(h), value: value}
}

// live reports whether the entry holds an item (a deleted entry has no key).
func (e *dictEntry) live() bool { return e.kobj != nil }

// key returns the entry's key.
func (e *dictEntry) key() Value {
	switch e.kobj.(type) {
	case intTag, floatTag:
		return Value{obj: e.kobj, bits: e.kbits}
	}
	return Value{obj: e.kobj}
}

// hash returns the hash of the entry's key.
func (e *dictEntry) hash() int64 {
	switch e.kobj.(type) {
	case intTag:
		return hashInt64(int64(e.kbits))
	case floatTag:
		return hashFloat(math.Float64frombits(e.kbits))
	}
	return int64(e.kbits)
}

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

// blocksFull reports whether the next entry needs a new block.
func (d *Dict) blocksFull() bool {
	return d.n == firstBlock<<max(len(d.blocks)-1, 0) || len(d.blocks) == 0
}

// chargeInsert charges the memory budget with what adding an item
// allocates: a new block of entries when the last is full, and a new
// index when grow is set (see resize for its size).
func (d *Dict) chargeInsert(th *Thread, grow bool) error {
	var n int64
	if d.blocksFull() {
		n += int64(firstBlock<<max(len(d.blocks)-1, 0)) * int64(unsafe.Sizeof(dictEntry{}))
	}
	if grow {
		n += int64(d.used+1) * 3 * 2 * 4 // at most twice used*3 slots of 4 bytes
	}
	return th.Alloc(n)
}

// appendEntry adds e at position d.n, allocating a new block when the
// last is full.
func (d *Dict) appendEntry(e dictEntry) {
	if d.blocksFull() {
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
	ixEmpty   = 0
	ixDeleted = -1
)

// tagMul is 2**64 divided by the golden ratio: multiplying by it moves
// every bit of a hash into the top bits, which the tags come from. The
// low bits pick the first probe, so keys that collide there (small ints,
// whose hash is the int, differ only in high bits) still get different
// tags.
const tagMul = 0x9e3779b97f4a7c15

// tag returns h's tag in an index of 1<<shift slots: the top 31-shift
// bits of the mixed hash (none at all once shift reaches 31).
func tag(h int64, shift uint8) int32 {
	return int32(uint64(h) * tagMul >> (33 + uint(shift)))
}

// lookup finds key; it returns the index slot and entry position (-1 if
// absent). On absence slot is where an insertion should go. Keys are
// compared only when their hashes are equal, as in CPython, and a lookup
// whose __eq__ changed the dict starts over.
func (d *Dict) lookup(th *Thread, key Value, h int64) (slot int, pos int, err error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	shift := d.shift
	mask := uint64(len(d.index) - 1)
	want := tag(h, shift)
	perturb := uint64(h)
	i := uint64(h) & mask
	freeSlot := -1
	for {
		ix := d.index[i]
		if ix > 0 {
			if ix>>shift == want {
				p := int(uint64(ix)&mask) - 1
				e := d.entry(p)
				if _, ok := e.kobj.(intTag); ok && key.IsSmallInt() {
					// Two inline ints are equal exactly when their
					// payloads are, with no hash or __eq__ to consult.
					if e.kbits == key.bits {
						return int(i), p, nil
					}
				} else if e.hash() == h {
					k := e.key()
					if k.Is(key) {
						return int(i), p, nil
					}
					index := d.index
					eq, err := Equal(th, k, key)
					if err != nil {
						return 0, -1, err
					}
					if unsafe.SliceData(d.index) != unsafe.SliceData(index) || e.kobj != k.obj {
						// __eq__ changed the table or this entry, so
						// the probe's place means nothing now; start
						// again, as CPython does.
						return d.lookup(th, key, h)
					}
					if eq {
						return int(i), p, nil
					}
				}
			}
		} else if ix == ixEmpty {
			if freeSlot >= 0 {
				return freeSlot, -1, nil
			}
			return int(i), -1, nil
		} else if freeSlot < 0 {
			freeSlot = int(i)
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// slotOf returns the index slot that points to entry position pos, whose
// hash is h.
func (d *Dict) slotOf(pos int, h int64) int {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] <= 0 || int(uint64(d.index[i])&mask)-1 != pos {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// emptySlot returns the first slot on h's probe sequence that holds no
// entry, for a key known to be absent (CPython's find_empty_slot): no
// keys are compared, so no __eq__ runs.
func (d *Dict) emptySlot(h int64) int {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] > 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// setSlot points index slot i at entry position pos, whose hash is h.
func (d *Dict) setSlot(i, pos int, h int64) {
	d.index[i] = tag(h, d.shift)<<d.shift | int32(pos+1)
}

// resize makes a new index for the live entries, as CPython's dictresize
// with its GROWTH_RATE: the smallest power of two (at least 8) that is
// at least three times the items, so a table fresh from a resize is at
// most a third full and probes stay short.
func (d *Dict) resize() {
	shift := uint8(3)
	for 1<<shift < d.used*3 {
		shift++
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
	d.index = make([]int32, 1<<shift)
	d.shift = shift
	for pos := 0; pos < d.n; pos++ {
		h := d.entry(pos).hash()
		d.setSlot(d.emptySlot(h), pos, h)
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
		if d.watch != nil {
			d.watch(key, v)
		}
		return nil
	}
	grow := slot < 0 || d.n+1 > len(d.index)*2/3
	if err := d.chargeInsert(th, grow); err != nil {
		return err
	}
	if grow {
		d.resize()
		slot = d.emptySlot(h)
	}
	d.setSlot(slot, d.n, h)
	d.appendEntry(newDictEntry(key, v, h))
	d.used++
	if d.watch != nil {
		d.watch(key, v)
	}
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
	if d.watch != nil {
		d.watch(key, Value{})
	}
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
		if e.live() && !f(e.key(), e.value) {
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
	return e.key(), e.value, e.live(), true
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
func (d *Dict) Clear() {
	if d.watch != nil {
		for _, k := range d.Keys() {
			d.watch(k, Value{})
		}
	}
	*d = Dict{watch: d.watch}
}

// Watch makes fn hear of every item later set in or deleted from d (v is
// the zero Value for a deletion).
func (d *Dict) Watch(fn func(key, v Value)) { d.watch = fn }

// Update copies the items of other into d.
func (d *Dict) Update(th *Thread, other *Dict) error {
	var err error
	other.Items(func(k, v Value) bool {
		err = d.SetItem(th, k, v)
		return err == nil
	})
	return err
}
