package runtime

// This file defines set and frozenset as a port of CPython 3.11's
// Objects/setobject.c: an open-addressing table of (key, hash) entries
// probed linearly LINEAR_PROBES slots at a time before jumping with the
// perturbed recurrence, with dummy entries left by deletions. Iteration
// walks the table in slot order, so following CPython's insertion,
// deletion, resize and merge algorithms step by step makes print({3, 1, 2})
// and every other iteration order agree with CPython for keys whose hashes
// agree (ints, bools, floats, tuples of them).

const (
	setMinSize      = 8 // PySet_MINSIZE
	setLinearProbes = 9 // LINEAR_PROBES
	setPerturbShift = 5 // PERTURB_SHIFT
)

// setEntry is one slot of the table. A slot is empty when key is the zero
// Value and hash is 0, a dummy (deleted) when key is the zero Value and
// hash is -1 (no real hash is -1), and active otherwise.
type setEntry struct {
	key  Value
	hash int64
}

// Set is a set or frozenset value.
type Set struct {
	// table has a power-of-two length; nil stands for CPython's empty
	// 8-slot smalltable, allocated on the first insertion.
	table []setEntry
	fill  int // active + dummy slots
	used  int // active slots
	// finger is where pop() resumes its search (set_pop's so->finger).
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

// keysEqual compares a stored key with a probe key as set_lookkey does:
// identity, then exact str, then ==.
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

// lookup is set_lookkey: the index of the active entry equal to key, or
// -1 when the probe reaches an empty slot.
func (s *Set) lookup(th *Thread, key Value, hash int64) (int, error) {
	if s.table == nil {
		return -1, nil
	}
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; ; j++ {
			e := &table[j]
			if e.isEmpty() {
				return -1, nil
			}
			if e.hash == hash {
				startkey := e.key
				if startkey.Is(key) {
					return int(j), nil
				}
				eq, err := keysEqual(th, startkey, key)
				if err != nil {
					return -1, err
				}
				if !s.sameTable(table) || !e.key.Is(startkey) {
					goto restart
				}
				if eq {
					return int(j), nil
				}
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// addEntry is set_add_entry: insert key with its hash unless an equal key
// is present, reusing the last dummy slot seen on the probe path, and
// grow the table once it is 60% full.
func (s *Set) addEntry(th *Thread, key Value, hash int64) error {
	s.hashed = false
	s.ensureTable()
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	i := uint64(hash) & mask
	perturb := uint64(hash)
	freeslot := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; ; j++ {
			e := &table[j]
			if e.isEmpty() {
				if freeslot >= 0 {
					s.used++
					table[freeslot] = setEntry{key: key, hash: hash}
					return nil
				}
				s.fill++
				s.used++
				*e = setEntry{key: key, hash: hash}
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				return s.resize(th, growSize(s.used))
			}
			if e.hash == hash {
				startkey := e.key
				if startkey.Is(key) {
					return nil
				}
				eq, err := keysEqual(th, startkey, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
				if !s.sameTable(table) || !e.key.Is(startkey) {
					goto restart
				}
				mask = uint64(len(s.table) - 1)
			} else if e.hash == -1 {
				freeslot = int(j)
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// growSize is the minused argument CPython passes to set_table_resize
// when a set grows.
func growSize(used int) int {
	if used > 50000 {
		return used * 2
	}
	return used * 4
}

// insertClean is set_insert_clean: place a key known to be absent into a
// table without dummies.
func insertClean(table []setEntry, key Value, hash int64) {
	mask := uint64(len(table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		if table[i].key.obj == nil {
			table[i] = setEntry{key: key, hash: hash}
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if table[j].key.obj == nil {
					table[j] = setEntry{key: key, hash: hash}
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is set_table_resize: rebuild into the smallest power-of-two
// table larger than minused, dropping dummies.
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
		// Already the small table and no dummies to purge.
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

// discardEntry is set_discard_entry: turn the entry for key into a dummy.
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

// keyHash hashes a key for a lookup. As CPython's set_contains,
// set_remove and set_discard do, an unhashable set is looked up as the
// frozenset of its elements.
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

// Clear removes every element (set_clear_internal: back to the small
// table; the pop finger is kept).
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

// replaceWith gives s the contents of o (set_swap_bodies, as the in-place
// operators use it; o must not be used afterwards).
func (s *Set) replaceWith(o *Set) {
	s.table, s.fill, s.used = o.table, o.fill, o.used
	s.hashed = false
}

// frozenHash is frozenset_hash. CPython folds in every slot and then
// cancels the empty and dummy ones, so only active hashes matter.
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

// setIter is set_iterator: it walks the live table and fails if the set
// changes size meanwhile.
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
		it.used = -1 // sticky, as CPython's si_used
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
