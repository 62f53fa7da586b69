package runtime

// This file defines set and frozenset: an open-addressing hash table of
// (key, hash) slots. Iteration walks the slots in index order, so to
// print {3, 1, 2} and every other set as CPython does (for keys whose
// hashes agree with CPython's: ints, bools, floats, tuples of them) the
// table follows the same observable layout rules:
//
//   - the table starts at 8 slots and its size is a power of two;
//   - a hash is looked for from slot hash&mask, first in a window of that
//     slot and the 9 after it (when they fit below the end of the table),
//     then from a new start computed as start*5 + 1 + the hash's bits not
//     used yet (shifted down 5 more bits at every jump), again as a
//     window; so a walk settles on every slot eventually;
//   - a removed key leaves a tombstone, which lookups walk past and an
//     insertion of a new key may reuse (the last one its walk met);
//   - once live slots plus tombstones reach 60% of the table, it is
//     rebuilt without tombstones at the smallest size above 4 times the
//     live count (2 times past 50000 items), keys reinserted in slot
//     order.

const (
	setMinSize      = 8 // slots of a new table
	setWindow       = 9 // extra slots searched after each start
	setScatterShift = 5 // hash bits consumed per jump
)

// setEntry is one slot of the table. A slot is empty when key is the zero
// Value and hash is 0, a tombstone when key is the zero Value and hash is
// -1 (no real hash is -1), and live otherwise.
type setEntry struct {
	key  Value
	hash int64
}

// slotWalk is the walk of a hash over a table, as a sequence of windows
// of consecutive slots [start, last], in the order of the layout rules
// above. Callers scan each window with a plain loop, then jump.
type slotWalk struct {
	mask    uint64
	scatter uint64 // hash bits not consumed by jumps yet
	start   uint64 // first slot of the current window
	last    uint64 // last slot of the current window
}

// walkSlots starts the walk of hash over a table of mask+1 slots.
func walkSlots(hash int64, mask uint64) slotWalk {
	w := slotWalk{mask: mask, scatter: uint64(hash)}
	w.openWindow(uint64(hash) & mask)
	return w
}

// openWindow makes the window begin at slot start.
func (w *slotWalk) openWindow(start uint64) {
	w.start, w.last = start, start
	if start+setWindow <= w.mask {
		w.last = start + setWindow
	}
}

// jump moves to the next window.
func (w *slotWalk) jump() {
	w.scatter >>= setScatterShift
	w.openWindow((w.start*5 + 1 + w.scatter) & w.mask)
}

// Set is a set or frozenset value.
type Set struct {
	// table has a power-of-two length; nil stands for an empty 8-slot
	// table, allocated on the first insertion.
	table []setEntry
	fill  int // live slots plus tombstones
	used  int // live slots
	// finger is where pop() resumes its search for a live slot.
	finger int
	// Frozen marks a frozenset.
	Frozen bool
	hash   int64 // cached frozenset hash; valid if hashed
	hashed bool
}

// Type returns SetType or FrozenSetType.
func (s *Set) Type() *Type {
	if s.Frozen {
		return FrozenSetType
	}
	return SetType
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{} }

// NewFrozenSet returns an empty frozenset.
func NewFrozenSet() *Set { return &Set{Frozen: true} }

// Len returns the number of elements.
func (s *Set) Len() int { return s.used }

// mask returns the table size minus one.
func (s *Set) mask() int {
	if s.table == nil {
		return setMinSize - 1
	}
	return len(s.table) - 1
}

// ensureTable allocates the small table of an empty set.
func (s *Set) ensureTable() {
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
	}
}

func (e *setEntry) isEmpty() bool  { return e.key.obj == nil && e.hash == 0 }
func (e *setEntry) isActive() bool { return e.key.obj != nil }

// sameTable reports whether the set still uses table t (a comparison
// that called back into the script may have resized or cleared it).
func (s *Set) sameTable(t []setEntry) bool {
	return len(s.table) == len(t) && len(t) > 0 && &s.table[0] == &t[0]
}

// keysEqual reports whether a stored key and a probe key with the same
// hash are equal: the same object, equal strs, or == says so.
func keysEqual(th *Thread, stored, key Value) (bool, error) {
	if stored.Is(key) {
		return true, nil
	}
	if a, ok := stored.obj.(*StrObj); ok {
		if b, ok := key.obj.(*StrObj); ok {
			return a.S == b.S, nil
		}
	}
	return Equal(th, stored, key)
}

// matchSlot compares the live entry e of table with key. Comparing may
// run Python code that changes the set; stale reports that the table or
// the entry changed meanwhile, so the caller must walk again.
func (s *Set) matchSlot(th *Thread, table []setEntry, e *setEntry, key Value) (eq, stale bool, err error) {
	stored := e.key
	if stored.Is(key) {
		return true, false, nil
	}
	eq, err = keysEqual(th, stored, key)
	if err != nil {
		return false, false, err
	}
	return eq, !s.sameTable(table) || !e.key.Is(stored), nil
}

// lookup returns the index of the live entry equal to key, or -1 once
// the walk reaches an empty slot.
func (s *Set) lookup(th *Thread, key Value, hash int64) (int, error) {
	for s.table != nil {
		table := s.table
		w := walkSlots(hash, uint64(len(table)-1))
	scan:
		for ; ; w.jump() {
			for j := w.start; j <= w.last; j++ {
				e := &table[j]
				if e.isEmpty() {
					return -1, nil
				}
				if e.hash != hash {
					continue
				}
				if e.key.Is(key) {
					return int(j), nil
				}
				eq, stale, err := s.matchSlot(th, table, e, key)
				if err != nil {
					return -1, err
				}
				if stale {
					break scan
				}
				if eq {
					return int(j), nil
				}
			}
		}
	}
	return -1, nil
}

// addEntry inserts key with its hash unless an equal key is present. A
// new key goes into the last tombstone its walk passed, if any, else
// into the empty slot that ended the walk; filling an empty slot may
// make the table grow.
func (s *Set) addEntry(th *Thread, key Value, hash int64) error {
	s.hashed = false
walk:
	for {
		s.ensureTable() // a comparison may have cleared the set
		table := s.table
		w := walkSlots(hash, uint64(len(table)-1))
		tomb := -1
		for ; ; w.jump() {
			for j := w.start; j <= w.last; j++ {
				e := &table[j]
				if e.isEmpty() {
					s.used++
					if tomb >= 0 {
						table[tomb] = setEntry{key: key, hash: hash}
						return nil
					}
					s.fill++
					*e = setEntry{key: key, hash: hash}
					if uint64(s.fill)*5 < uint64(len(table)-1)*3 {
						return nil
					}
					return s.resize(th, growSize(s.used))
				}
				if e.hash == hash {
					if e.key.Is(key) {
						return nil
					}
					eq, stale, err := s.matchSlot(th, table, e, key)
					if err != nil || eq {
						return err
					}
					if stale {
						continue walk
					}
				} else if e.hash == -1 {
					tomb = int(j)
				}
			}
		}
	}
}

// growSize is the live count a growing table is sized for.
func growSize(used int) int {
	if used > 50000 {
		return used * 2
	}
	return used * 4
}

// insertClean places a key known to be absent into a table without
// tombstones: the first free slot of its walk.
func insertClean(table []setEntry, key Value, hash int64) {
	for w := walkSlots(hash, uint64(len(table)-1)); ; w.jump() {
		for j := w.start; j <= w.last; j++ {
			if table[j].key.obj == nil {
				table[j] = setEntry{key: key, hash: hash}
				return
			}
		}
	}
}

// resize rebuilds the table at the smallest power-of-two size above
// minused, without tombstones, reinserting the keys in slot order.
func (s *Set) resize(th *Thread, minused int) error {
	newsize := setMinSize
	for newsize <= minused {
		newsize <<= 1
		if int64(newsize) > maxAlloc {
			return Errorf(MemoryError, "")
		}
	}
	if newsize > len(s.table) {
		if err := th.CheckAlloc(int64(newsize), setEntryBytes); err != nil {
			return err
		}
	}
	old := s.table
	if newsize == setMinSize && len(old) <= setMinSize && s.fill == s.used {
		// Already the smallest table, and no tombstones to drop.
		return nil
	}
	table := make([]setEntry, newsize)
	for i := range old {
		if old[i].isActive() {
			insertClean(table, old[i].key, old[i].hash)
		}
	}
	s.table = table
	s.fill = s.used
	return nil
}

// discardEntry replaces the entry for key with a tombstone.
func (s *Set) discardEntry(th *Thread, key Value, hash int64) (bool, error) {
	i, err := s.lookup(th, key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: -1}
	s.used--
	s.hashed = false
	return true, nil
}

// Add adds v.
func (s *Set) Add(th *Thread, v Value) error {
	h, err := Hash(th, v)
	if err != nil {
		return err
	}
	return s.addEntry(th, v, h)
}

// keyHash hashes a key for a lookup. A set, unhashable, is looked up as
// the frozenset of its elements would be (so {1} in {frozenset({1})}).
func keyHash(th *Thread, v Value) (Value, int64, error) {
	h, err := Hash(th, v)
	if err == nil {
		return v, h, nil
	}
	if o, ok := v.obj.(*Set); ok && !o.Frozen && IsInstance(err, TypeError) {
		return v, o.frozenHash(), nil
	}
	return v, 0, err
}

// Contains reports whether v is in s.
func (s *Set) Contains(th *Thread, v Value) (bool, error) {
	key, h, err := keyHash(th, v)
	if err != nil {
		return false, err
	}
	i, err := s.lookup(th, key, h)
	return i >= 0, err
}

// Discard removes v, reporting whether it was present.
func (s *Set) Discard(th *Thread, v Value) (bool, error) {
	key, h, err := keyHash(th, v)
	if err != nil {
		return false, err
	}
	return s.discardEntry(th, key, h)
}

// Items returns the elements in iteration order.
func (s *Set) Items() []Value {
	out := make([]Value, 0, s.used)
	for i := range s.table {
		if s.table[i].isActive() {
			out = append(out, s.table[i].key)
		}
	}
	return out
}

// Clear removes every element, going back to the smallest table (the
// pop finger is kept).
func (s *Set) Clear() {
	s.table = nil
	s.fill, s.used = 0, 0
	s.hashed = false
}

// Pop removes and returns an element as set.pop() does: the first active
// slot at or after the finger.
func (s *Set) Pop() (Value, error) {
	if s.used == 0 {
		return Value{}, NewException(KeyError, Str("pop from an empty set"))
	}
	mask := s.mask()
	i := s.finger & mask
	for !s.table[i].isActive() {
		i++
		if i > mask {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{hash: -1}
	s.used--
	s.finger = i + 1
	s.hashed = false
	return key, nil
}

// replaceWith gives s the contents of o, for the in-place operators (o
// must not be used afterwards).
func (s *Set) replaceWith(o *Set) {
	s.table, s.fill, s.used = o.table, o.fill, o.used
	s.hashed = false
}

// frozenHash is hash(frozenset): an order-independent mix of the live
// keys' hashes (each scrambled, then xored together), of the size, and a
// final avalanche step, with the constants that give CPython's values.
func (s *Set) frozenHash() int64 {
	if s.hashed {
		return s.hash
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for i := range s.table {
		if s.table[i].isActive() {
			h ^= shuffle(uint64(s.table[i].hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	s.hash, s.hashed = int64(h), true
	return s.hash
}

// Hash returns hash(s) for a frozenset and TypeError for a set.
func (s *Set) Hash() (int64, error) {
	if !s.Frozen {
		return 0, Errorf(TypeError, "unhashable type: 'set'")
	}
	return s.frozenHash(), nil
}

// setIter walks the live table and fails if the set changes size
// meanwhile.
type setIter struct {
	s    *Set
	used int
	pos  int
}

func (it *setIter) Type() *Type { return setIteratorType }

// Next returns the next element.
func (it *setIter) Next(th *Thread) (Value, bool, error) {
	s := it.s
	if s == nil {
		return Value{}, false, nil
	}
	if it.used != s.used {
		it.used = -1 // the failure repeats on every later call
		return Value{}, false, Errorf(RuntimeError, "Set changed size during iteration")
	}
	for it.pos < len(s.table) {
		i := it.pos
		it.pos++
		if s.table[i].isActive() {
			return s.table[i].key, true, nil
		}
	}
	it.s = nil
	return Value{}, false, nil
}

// NewIter returns an iterator over s in table order.
func (s *Set) NewIter() Iterator { return &setIter{s: s, used: s.used} }
