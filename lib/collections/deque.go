package collections

// This file defines deque, a double-ended queue kept in a ring buffer:
// appends and pops at either end are amortized O(1), indexing is O(1).
// Its class is made per interpreter (see newDequeType) as a class whose
// special methods are built-ins, so that the generic protocols (==, +,
// *, len, repr, hash) reach them as they reach a user class's.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// Deque is an instance of collections.deque (or of a subclass).
type Deque struct {
	cls *runtime.Type
	// buf is the ring: the items are buf[(head+i)%len(buf)] for i < n.
	buf     []runtime.Value
	head, n int
	// maxlen is the bound, or -1 for an unbounded deque.
	maxlen int
	// state changes on every mutation, so that iterators notice them.
	state uint64
	// dict holds the attributes of a subclass's instances.
	dict map[string]runtime.Value
	// inRepr marks a deque whose repr is being built, so that a deque
	// containing itself shows [...] there.
	inRepr bool
}

// Type returns the deque's class.
func (d *Deque) Type() *runtime.Type { return d.cls }

// Footprint implements runtime.MemNode.
func (d *Deque) Footprint() int64 {
	n := int64(unsafe.Sizeof(*d)) + int64(cap(d.buf))*int64(unsafe.Sizeof(runtime.Value{}))
	if d.dict != nil {
		n += int64(len(d.dict)) * 64
	}
	return n
}

// Referents implements runtime.MemNode.
func (d *Deque) Referents(w *runtime.MemWalker) {
	w.Values(d.buf)
	for _, v := range d.dict {
		w.Value(v)
	}
}

// Attr returns an attribute of a subclass instance.
func (d *Deque) Attr(name string) (runtime.Value, bool) {
	v, ok := d.dict[name]
	return v, ok
}

// SetAttrValue sets an attribute; only instances of subclasses have them.
func (d *Deque) SetAttrValue(name string, v runtime.Value) bool {
	if d.cls.Module == "collections" && d.cls.Name == "deque" {
		return false
	}
	if d.dict == nil {
		d.dict = map[string]runtime.Value{}
	}
	d.dict[name] = v
	return true
}

// DelAttrValue deletes an attribute of a subclass instance.
func (d *Deque) DelAttrValue(name string) bool {
	if _, ok := d.dict[name]; !ok {
		return false
	}
	delete(d.dict, name)
	return true
}

// at returns the i-th item, 0 <= i < n.
func (d *Deque) at(i int) runtime.Value { return d.buf[d.slot(i)] }

// slot is the buffer index of the i-th item.
func (d *Deque) slot(i int) int {
	j := d.head + i
	if j >= len(d.buf) {
		j -= len(d.buf)
	}
	return j
}

// items returns the items in order, as a new slice.
func (d *Deque) items() []runtime.Value {
	out := make([]runtime.Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

// grow makes room for one more item, doubling the buffer.
func (d *Deque) grow(th *runtime.Thread) error {
	if d.n < len(d.buf) {
		return nil
	}
	size := 2 * len(d.buf)
	if size < 8 {
		size = 8
	}
	if err := th.Alloc(int64(size) * int64(unsafe.Sizeof(runtime.Value{}))); err != nil {
		return err
	}
	nb := make([]runtime.Value, size)
	k := copy(nb, d.buf[d.head:])
	copy(nb[k:], d.buf[:d.head])
	d.buf, d.head = nb, 0
	return nil
}

// pushBack appends v, dropping the first item of a full bounded deque.
func (d *Deque) pushBack(th *runtime.Thread, v runtime.Value) error {
	d.state++
	if d.maxlen == 0 {
		return nil
	}
	if d.n == d.maxlen {
		d.popFront()
	}
	if err := d.grow(th); err != nil {
		return err
	}
	d.buf[d.slot(d.n)] = v
	d.n++
	return nil
}

// pushFront prepends v, dropping the last item of a full bounded deque.
func (d *Deque) pushFront(th *runtime.Thread, v runtime.Value) error {
	d.state++
	if d.maxlen == 0 {
		return nil
	}
	if d.n == d.maxlen {
		d.popBack()
	}
	if err := d.grow(th); err != nil {
		return err
	}
	d.head--
	if d.head < 0 {
		d.head += len(d.buf)
	}
	d.buf[d.head] = v
	d.n++
	return nil
}

// popBack removes and returns the last item; the deque must not be empty.
func (d *Deque) popBack() runtime.Value {
	d.state++
	j := d.slot(d.n - 1)
	v := d.buf[j]
	d.buf[j] = runtime.Value{}
	d.n--
	d.shrink()
	return v
}

// popFront removes and returns the first item; the deque must not be empty.
func (d *Deque) popFront() runtime.Value {
	d.state++
	v := d.buf[d.head]
	d.buf[d.head] = runtime.Value{}
	d.head++
	if d.head == len(d.buf) {
		d.head = 0
	}
	d.n--
	d.shrink()
	return v
}

// shrink gives back a buffer that became mostly empty.
func (d *Deque) shrink() {
	if d.n == 0 {
		d.head = 0
	}
	if len(d.buf) > 64 && d.n < len(d.buf)/8 {
		nb := make([]runtime.Value, len(d.buf)/4)
		for i := 0; i < d.n; i++ {
			nb[i] = d.at(i)
		}
		d.buf, d.head = nb, 0
	}
}

// clear empties the deque.
func (d *Deque) clear() {
	d.state++
	d.buf, d.head, d.n = nil, 0, 0
}

// rotate moves the last k items to the front (k < 0: the first -k to
// the back), in at most n/2 moves.
func (d *Deque) rotate(th *runtime.Thread, k int64) error {
	if d.n <= 1 {
		return nil
	}
	n := int64(d.n)
	k %= n
	if k < 0 {
		k += n
	}
	if k > n/2 {
		k -= n
	}
	if k == 0 {
		return nil
	}
	if err := th.Work(abs(k) / 64); err != nil {
		return err
	}
	d.state++
	full := d.n == len(d.buf)
	for ; k > 0; k-- {
		if full {
			// Moving the head over a full ring moves every item at once.
			d.head--
			if d.head < 0 {
				d.head += len(d.buf)
			}
			continue
		}
		j := d.slot(d.n - 1)
		v := d.buf[j]
		d.buf[j] = runtime.Value{}
		d.head--
		if d.head < 0 {
			d.head += len(d.buf)
		}
		d.buf[d.head] = v
	}
	for ; k < 0; k++ {
		if full {
			d.head++
			if d.head == len(d.buf) {
				d.head = 0
			}
			continue
		}
		v := d.buf[d.head]
		d.buf[d.head] = runtime.Value{}
		d.buf[d.slot(d.n)] = v
		d.head++
		if d.head == len(d.buf) {
			d.head = 0
		}
	}
	return nil
}

func abs(k int64) int64 {
	if k < 0 {
		return -k
	}
	return k
}

// insertAt puts v before the i-th item, 0 <= i <= n.
func (d *Deque) insertAt(th *runtime.Thread, i int, v runtime.Value) error {
	if err := d.pushBack(th, v); err != nil {
		return err
	}
	for j := d.n - 1; j > i; j-- {
		d.buf[d.slot(j)] = d.at(j - 1)
	}
	d.buf[d.slot(i)] = v
	return nil
}

// deleteAt removes the i-th item, 0 <= i < n, moving the shorter side.
func (d *Deque) deleteAt(i int) {
	if i < d.n/2 {
		for j := i; j > 0; j-- {
			d.buf[d.slot(j)] = d.at(j - 1)
		}
		d.popFront()
		return
	}
	for j := i; j < d.n-1; j++ {
		d.buf[d.slot(j)] = d.at(j + 1)
	}
	d.popBack()
}

// dequeIter iterates a deque forwards or backwards, failing if the deque
// changes meanwhile.
type dequeIter struct {
	d       *Deque
	i       int
	state   uint64
	reverse bool
}

// dequeIterType and dequeRevIterType are the classes of the iterators.
var (
	dequeIterType    = runtime.NewType("_deque_iterator", runtime.ObjectType)
	dequeRevIterType = runtime.NewType("_deque_reverse_iterator", runtime.ObjectType)
)

func init() {
	dequeIterType.Module = "_collections"
	dequeRevIterType.Module = "_collections"
	runtime.AddIteratorMethods(dequeIterType)
	runtime.AddIteratorMethods(dequeRevIterType)
}

// Type returns the iterator's class.
func (it *dequeIter) Type() *runtime.Type {
	if it.reverse {
		return dequeRevIterType
	}
	return dequeIterType
}

// Footprint implements runtime.MemNode.
func (it *dequeIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements runtime.MemNode.
func (it *dequeIter) Referents(w *runtime.MemWalker) { w.Node(it.d) }

// Next returns the next item.
func (it *dequeIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if it.d == nil {
		return runtime.Value{}, false, nil
	}
	if it.d.state != it.state {
		it.d = nil
		return runtime.Value{}, false, runtime.Errorf(runtime.RuntimeError, "deque mutated during iteration")
	}
	if it.i >= it.d.n {
		it.d = nil
		return runtime.Value{}, false, nil
	}
	j := it.i
	if it.reverse {
		j = it.d.n - 1 - it.i
	}
	it.i++
	return it.d.at(j), true, nil
}
