package runtime

// This file is the memory walker of the budget (budget.go): every object
// type tells its approximate footprint in bytes and visits the objects it
// refers to, and MemWalker adds up the footprints of everything reachable
// from the roots, once each. The walk is iterative (its own stack, no Go
// recursion: a chain of a million nested lists is a loop), its stack holds
// unfinished slices rather than their elements (a list of a million
// objects takes one entry), and its visited set holds addresses only.
//
// Footprints approximate what Go allocates: a Value slot is 24 bytes, a
// slice counts its capacity, a str its header and bytes, a dict 48 bytes
// per entry plus 4 per index slot, a set 32 bytes per table slot, maps
// about 48 bytes per entry beyond their key and value. Memory hidden in
// Go closures (a built-in's captured state) is not seen.

import (
	"math/big"
	"unsafe"
)

// MemNode is implemented by everything the memory walker measures: every
// Object of the runtime and interp packages, and the non-object nodes of
// the graph (frames, loops).
type MemNode interface {
	// Footprint returns the approximate size of the node itself in bytes,
	// without the nodes it refers to.
	Footprint() int64
	// Referents gives w the nodes and values the node refers to.
	Referents(w *MemWalker)
}

// strHeaderSize is the size of a str's header (StrObj), charged with its
// bytes.
const strHeaderSize = int64(unsafe.Sizeof(StrObj{}))

// setEntryBytes is the size of a set's table slot.
const setEntryBytes = int64(unsafe.Sizeof(setEntry{}))

// mapEntryOverhead approximates what a Go map spends per entry beyond the
// key and value it stores.
const mapEntryOverhead = 16

// walkItem is an entry of the walker's stack: a node whose referents are
// still to be visited, values left to visit, or items of an indexed
// collection (each(i) for i in [i, n)).
type walkItem struct {
	node MemNode
	vals []Value
	each func(i int)
	i, n int
}

// MemWalker measures the data reachable from a set of roots.
type MemWalker struct {
	seen  addrSet
	stack []walkItem
	total int64
}

// NewMemWalker returns an empty walker.
func NewMemWalker() *MemWalker { return &MemWalker{} }

// Reset forgets what the walker visited (keeping its buffers when small).
func (w *MemWalker) Reset() {
	w.seen.reset(0)
	clear(w.stack)
	w.stack = w.stack[:0]
	if cap(w.stack) > 1<<12 {
		w.stack = nil
	}
	w.total = 0
}

// Node visits n (not nil) unless it was visited already: its footprint
// counts at once, its referents later.
func (w *MemWalker) Node(n MemNode) {
	if !w.seen.add(ifaceAddr(n)) {
		return
	}
	w.total += n.Footprint()
	w.stack = append(w.stack, walkItem{node: n})
}

// Value visits the object of v, if it is one.
func (w *MemWalker) Value(v Value) {
	switch o := v.obj.(type) {
	case nil, intTag, floatTag, *NoneType, *Bool:
	case *StrObj:
		// The commonest leaf: no stack entry.
		if w.seen.add(uintptr(unsafe.Pointer(o))) {
			w.total += o.Footprint()
		}
	case MemNode:
		w.Node(o)
	default:
		w.Any(o)
	}
}

// Values visits every value of vs (kept on the stack as one entry).
func (w *MemWalker) Values(vs []Value) {
	if len(vs) > 0 {
		w.stack = append(w.stack, walkItem{vals: vs})
	}
}

// Each calls fn(i) for i in [0, n) as the walk proceeds: fn visits the
// referents of item i of a collection that is not a []Value.
func (w *MemWalker) Each(n int, fn func(i int)) {
	if n > 0 {
		w.stack = append(w.stack, walkItem{each: fn, n: n})
	}
}

// Any visits x when it is a non-nil MemNode (an interface field that
// may hold anything: an Iterator, a Coro, an error).
func (w *MemWalker) Any(x any) {
	if n, ok := x.(MemNode); ok && ifaceAddr(n) != 0 {
		w.Node(n)
	}
}

// Run finishes the walk and returns the total footprint.
func (w *MemWalker) Run() int64 {
	for len(w.stack) > 0 {
		top := &w.stack[len(w.stack)-1]
		switch {
		case top.node != nil:
			n := top.node
			w.pop()
			n.Referents(w)
		case top.vals != nil:
			w.runValues()
		default:
			fn, i := top.each, top.i
			if top.i++; top.i == top.n {
				w.pop()
			}
			fn(i)
		}
	}
	return w.total
}

// runValues visits the values of the top entry up to the first that
// needs a stack entry of its own (most are leaves: ints, strs).
func (w *MemWalker) runValues() {
	k := len(w.stack) - 1
	vs := w.stack[k].vals
	for len(vs) > 0 {
		v := vs[0]
		vs = vs[1:]
		switch o := v.obj.(type) {
		case intTag, floatTag, nil, *NoneType, *Bool:
			continue
		case *StrObj:
			if w.seen.add(uintptr(unsafe.Pointer(o))) {
				w.total += o.Footprint()
			}
			continue
		}
		w.Value(v)
		if len(w.stack) > k+1 {
			break
		}
	}
	switch {
	case len(vs) > 0:
		w.stack[k].vals = vs
	case len(w.stack) > k+1:
		// Exhausted, and Value pushed one entry: it takes this one's place.
		w.stack[k] = w.stack[k+1]
		w.pop()
	default:
		w.pop()
	}
}

func (w *MemWalker) pop() {
	w.stack[len(w.stack)-1] = walkItem{}
	w.stack = w.stack[:len(w.stack)-1]
}

// ifaceAddr returns the data word of an interface holding a pointer: the
// object's address, which identifies it (Go does not move heap objects).
func ifaceAddr(n any) uintptr {
	return (*[2]uintptr)(unsafe.Pointer(&n))[1]
}

// addrSet is an open-addressing hash set of non-zero addresses: 8 bytes
// per slot at most 3/4 full, far smaller than a map of interfaces.
type addrSet struct {
	slots []uintptr
	n     int
}

// reset empties the set, sized for about expect addresses: a big table
// is dropped rather than kept between walks, and a walk that expects
// many objects starts with its final size instead of growing through
// every power of two (each outgrown table is garbage).
func (s *addrSet) reset(expect int) {
	want := 1024
	for want*3 < expect*4+4 {
		want <<= 1
	}
	if len(s.slots) > 1<<14 || len(s.slots) < want {
		s.slots = nil
		if expect > 0 {
			s.slots = make([]uintptr, want)
		}
	} else {
		clear(s.slots)
	}
	s.n = 0
}

// Expect sizes the walker for about n objects (the count of a previous
// walk).
func (w *MemWalker) Expect(n int) { w.seen.reset(n) }

// Count returns the number of objects visited.
func (w *MemWalker) Count() int { return w.seen.n }

// add inserts p and reports whether it was absent.
func (s *addrSet) add(p uintptr) bool {
	if p == 0 {
		return false
	}
	if (s.n+1)*4 > len(s.slots)*3 {
		s.grow()
	}
	mask := uintptr(len(s.slots) - 1)
	i := (p * 0x9E3779B97F4A7C15 >> 7) & mask
	for {
		switch s.slots[i] {
		case p:
			return false
		case 0:
			s.slots[i] = p
			s.n++
			return true
		}
		i = (i + 1) & mask
	}
}

func (s *addrSet) grow() {
	old := s.slots
	s.slots = make([]uintptr, max(1024, 2*len(old)))
	s.n = 0
	for _, p := range old {
		if p != 0 {
			s.add(p)
		}
	}
}

// Sizes of the runtime's objects.

func sizeOfValues(vs []Value) int64 { return int64(cap(vs)) * valueSize }

func sizeOfMap[K comparable, V any](m map[K]V) int64 {
	var k K
	var v V
	return int64(len(m)) * (int64(unsafe.Sizeof(k)+unsafe.Sizeof(v)) + mapEntryOverhead)
}

func visitMap[K comparable](w *MemWalker, m map[K]Value) {
	for _, v := range m {
		w.Value(v)
	}
}

// Footprint implements MemNode.
func (l *List) Footprint() int64 { return int64(unsafe.Sizeof(*l)) + sizeOfValues(l.Items) }

// Referents implements MemNode.
func (l *List) Referents(w *MemWalker) { w.Values(l.Items) }

// Footprint implements MemNode.
func (t *Tuple) Footprint() int64 { return int64(unsafe.Sizeof(*t)) + sizeOfValues(t.Items) }

// Referents implements MemNode.
func (t *Tuple) Referents(w *MemWalker) { w.Values(t.Items) }

// Footprint implements MemNode.
func (s *StrObj) Footprint() int64 {
	n := strHeaderSize + int64(len(s.S))
	if s.meta&strRunesSlot != 0 {
		r := (*strRunes)(unsafe.Pointer(s))
		n += 8
		if r.runes != nil {
			n += int64(cap(*r.runes)) * 4
		}
		if s.meta&strGrowSlot != 0 {
			n += s.growFootprint()
		}
	}
	return n
}

// Referents implements MemNode.
func (*StrObj) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (b *Big) Footprint() int64 {
	return int64(unsafe.Sizeof(*b)+unsafe.Sizeof(big.Int{})) + int64(cap(b.X.Bits()))*8
}

// Referents implements MemNode.
func (*Big) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (d *Dict) Footprint() int64 {
	n := int64(unsafe.Sizeof(*d)) + int64(cap(d.blocks))*24 + int64(cap(d.index))*4
	for _, b := range d.blocks {
		n += int64(cap(b)) * int64(unsafe.Sizeof(dictEntry{}))
	}
	return n
}

// Referents implements MemNode.
func (d *Dict) Referents(w *MemWalker) {
	w.Each(d.n, func(p int) {
		if e := d.entry(p); e.live() {
			w.Value(Value{obj: e.kobj})
			w.Value(e.value)
		}
	})
}

// Footprint implements MemNode.
func (s *Set) Footprint() int64 {
	return int64(unsafe.Sizeof(*s)) + int64(cap(s.table))*setEntryBytes
}

// Referents implements MemNode.
func (s *Set) Referents(w *MemWalker) {
	w.Each(len(s.table), func(i int) {
		if s.table[i].isActive() {
			w.Value(s.table[i].key)
		}
	})
}

// Footprint implements MemNode.
func (o *Instance) Footprint() int64 {
	n := int64(unsafe.Sizeof(*o)) + o.Dict.footprint()
	if o.Builtin != nil {
		n += valueSize
	}
	return n
}

// Referents implements MemNode.
func (o *Instance) Referents(w *MemWalker) {
	w.Node(o.Class)
	if o.Builtin != nil {
		w.Value(*o.Builtin) // the list of a list subclass instance, ...
	}
	w.Values(o.Dict.vals)
	if o.Dict.live != nil {
		// The __dict__ handed out holds the attributes from then on.
		w.Node(o.Dict.live.d)
	}
}

// footprint is the size of an attribute dictionary's storage.
func (m *AttrMap) footprint() int64 {
	n := sizeOfValues(m.vals)
	if m.shape != nil && m.shape.tree == nil {
		n += m.shape.footprint() // a private shape; shared ones are the class's
	}
	return n
}

// Footprint implements MemNode. Built-in types are part of the
// interpreter, not of a script's data: they count nothing.
func (t *Type) Footprint() int64 {
	if !t.User {
		return 0
	}
	n := int64(unsafe.Sizeof(*t)) + sizeOfMap(t.Attrs) + int64(cap(t.order))*16 + sizeOfMap(t.cache) +
		int64(cap(t.Bases)+cap(t.mro))*8
	if t.shapes != nil && (t.Base == nil || t.Base.shapes != t.shapes) {
		n += t.shapes.bytes // once, on the class the tree started from
	}
	return n
}

// Referents implements MemNode.
func (t *Type) Referents(w *MemWalker) {
	if !t.User {
		return
	}
	if t.Base != nil {
		w.Node(t.Base)
	}
	for _, b := range t.Bases {
		w.Node(b)
	}
	if t.Meta != nil {
		w.Node(t.Meta)
	}
	visitMap(w, t.Attrs)
}

// Footprint implements MemNode.
func (m *Module) Footprint() int64 {
	return int64(unsafe.Sizeof(*m)) + int64(len(m.vars))*(int64(unsafe.Sizeof(GlobalSlot{}))+16+8+mapEntryOverhead) +
		int64(cap(m.order))*16
}

// Referents implements MemNode.
func (m *Module) Referents(w *MemWalker) {
	for _, s := range m.vars {
		w.Value(s.V)
	}
}

// Footprint implements MemNode.
func (e *Exception) Footprint() int64 {
	return int64(unsafe.Sizeof(*e)) + sizeOfValues(e.Args) +
		int64(cap(e.Traceback))*int64(unsafe.Sizeof(TraceEntry{})) + sizeOfMap(e.Dict) + int64(cap(e.Scope))*16
}

// Referents implements MemNode.
func (e *Exception) Referents(w *MemWalker) {
	w.Values(e.Args)
	if e.Cause != nil {
		w.Node(e.Cause)
	}
	if e.Context != nil {
		w.Node(e.Context)
	}
	visitMap(w, e.Dict)
	w.Value(e.Obj)
	w.Node(e.Class)
}

// Footprint implements MemNode.
func (t *Traceback) Footprint() int64 { return int64(unsafe.Sizeof(*t)) }

// Referents implements MemNode.
func (t *Traceback) Referents(w *MemWalker) {
	if t.Exc != nil {
		w.Node(t.Exc)
	}
}

// Footprint implements MemNode.
func (b *Builtin) Footprint() int64 { return int64(unsafe.Sizeof(*b)) }

// Referents implements MemNode.
func (b *Builtin) Referents(w *MemWalker) { w.Value(b.Self) }

// Footprint implements MemNode.
func (m *MethodDescriptor) Footprint() int64 { return int64(unsafe.Sizeof(*m)) }

// Referents implements MemNode.
func (*MethodDescriptor) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (m *BoundMethod) Footprint() int64 { return int64(unsafe.Sizeof(*m)) }

// Referents implements MemNode.
func (m *BoundMethod) Referents(w *MemWalker) {
	w.Value(m.Self)
	w.Value(m.Func)
}

// Footprint implements MemNode.
func (p *Property) Footprint() int64 { return int64(unsafe.Sizeof(*p)) }

// Referents implements MemNode.
func (p *Property) Referents(w *MemWalker) {
	w.Value(p.Fget)
	w.Value(p.Fset)
	w.Value(p.Fdel)
}

// Footprint implements MemNode.
func (s *StaticMethod) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (s *StaticMethod) Referents(w *MemWalker) { w.Value(s.Func) }

// Footprint implements MemNode.
func (c *ClassMethod) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents implements MemNode.
func (c *ClassMethod) Referents(w *MemWalker) { w.Value(c.Func) }

// Footprint implements MemNode.
func (s *Super) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (s *Super) Referents(w *MemWalker) { w.Value(s.Obj) }

// Footprint implements MemNode.
func (m *memberDescriptor) Footprint() int64 { return int64(unsafe.Sizeof(*m)) }

// Referents implements MemNode.
func (*memberDescriptor) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (m *readonlyMember) Footprint() int64 { return int64(unsafe.Sizeof(*m)) }

// Referents implements MemNode.
func (*readonlyMember) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (r *Range) Footprint() int64 { return int64(unsafe.Sizeof(*r)) }

// Referents implements MemNode.
func (*Range) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (r *BigRange) Footprint() int64 { return int64(unsafe.Sizeof(*r)) + 3*64 }

// Referents implements MemNode.
func (*BigRange) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (s *Slice) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (s *Slice) Referents(w *MemWalker) {
	w.Value(s.Start)
	w.Value(s.Stop)
	w.Value(s.Step)
}

// Footprint implements MemNode.
func (s *StdStream) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (*StdStream) Referents(*MemWalker) {}

// Footprint implements MemNode: the singletons are the interpreter's.
func (*NoneType) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*NoneType) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (*Bool) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*Bool) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (*NotImplementedType) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*NotImplementedType) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (*EllipsisType) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*EllipsisType) Referents(*MemWalker) {}

// heldValues is a slice a built-in is filling, held as a root (Hold).
type heldValues struct{ p *[]Value }

// HoldValues holds *p, the slice a built-in is filling, as a root of
// the memory walk until Release.
func (th *Thread) HoldValues(p *[]Value) {
	if th.budget() > 0 {
		th.Hold(heldValues{p})
	}
}

// Footprint implements MemNode.
func (h heldValues) Footprint() int64 { return sizeOfValues(*h.p) }

// Referents implements MemNode.
func (h heldValues) Referents(w *MemWalker) { w.Values(*h.p) }
