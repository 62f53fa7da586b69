package runtime

// This file gives the types added after the walker (bytes-likes, complex
// numbers, slot descriptors) their place in the memory walker
// (memsize.go): a footprint and the nodes they refer to.

import "unsafe"

// Footprint implements MemNode: the header and the bytes' capacity.
func (b *Bytes) Footprint() int64 { return int64(unsafe.Sizeof(*b)) + int64(cap(b.B)) }

// Referents implements MemNode: bytes refer to nothing.
func (b *Bytes) Referents(*MemWalker) {}

// Footprint implements MemNode: the header, the buffer's capacity and the
// weak pointers to the views.
func (b *ByteArray) Footprint() int64 {
	return int64(unsafe.Sizeof(*b)) + int64(cap(b.B)) + int64(cap(b.views))*int64(unsafe.Sizeof(b.views[0]))
}

// Referents implements MemNode: views are held weakly, so they are not
// the array's to count.
func (b *ByteArray) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (m *MemoryView) Footprint() int64 { return int64(unsafe.Sizeof(*m)) }

// Referents implements MemNode: the exporting object.
func (m *MemoryView) Referents(w *MemWalker) { w.Value(m.obj) }

// Footprint implements MemNode.
func (c *Complex) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents implements MemNode.
func (c *Complex) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (b *StdBuffer) Footprint() int64 { return int64(unsafe.Sizeof(*b)) }

// Referents implements MemNode: the text stream it is the buffer of.
func (b *StdBuffer) Referents(w *MemWalker) {
	if b.text != nil {
		w.Any(b.text)
	}
}

// Footprint implements MemNode. The iterated bytes are reached through
// the object the iterator was made from, which the script holds.
func (it *byteIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode: the bytes are behind a closure the walk
// cannot see.
func (it *byteIter) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (d *slotDescriptor) Footprint() int64 { return int64(unsafe.Sizeof(*d)) + int64(len(d.name)) }

// Referents implements MemNode: the class that declared the slot.
func (d *slotDescriptor) Referents(w *MemWalker) {
	if d.owner != nil {
		w.Node(d.owner)
	}
}
