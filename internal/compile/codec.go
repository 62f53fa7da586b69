package compile

// This file turns a Code into bytes and back, so that a process can keep
// compiled modules between runs (the command line's cache of the
// standard modules' compiled source). The encoding is private to one
// build of aio: a cache must be keyed by the build that wrote it, since
// opcodes and Code's fields change from one version to the next.

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
)

// codecMagic starts every encoded Code; its last byte is the format's
// version.
const codecMagic = "aio-code\x01"

// errCodec is the error for bytes that are not an encoded Code.
var errCodec = errors.New("compile: not an encoded Code")

// Encode returns c as bytes that Decode turns back into an equal Code.
func Encode(c *Code) []byte {
	e := encoder{buf: []byte(codecMagic)}
	e.code(c)
	return e.buf
}

// Decode is the inverse of Encode.
func Decode(b []byte) (*Code, error) {
	if len(b) < len(codecMagic) || string(b[:len(codecMagic)]) != codecMagic {
		return nil, errCodec
	}
	d := decoder{buf: b[len(codecMagic):]}
	c := d.code(0)
	if d.err != nil || len(d.buf) != 0 {
		return nil, errCodec
	}
	return c, nil
}

type encoder struct{ buf []byte }

func (e *encoder) int(n int64)   { e.buf = binary.AppendVarint(e.buf, n) }
func (e *encoder) uint(n uint64) { e.buf = binary.AppendUvarint(e.buf, n) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.buf = append(e.buf, s...) }

// length writes a slice's length so that the decoder can tell a nil
// slice (0) from an empty one (1).
func (e *encoder) length(n int, isNil bool) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(uint64(n) + 1)
	}
}

func (e *encoder) bool(b bool) {
	if b {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func (e *encoder) strs(ss []string) {
	e.length(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) instrs(is []Instr) {
	e.length(len(is), is == nil)
	for _, in := range is {
		e.uint(uint64(in))
	}
}

func (e *encoder) code(c *Code) {
	e.str(c.Name)
	e.str(c.QualName)
	e.str(c.Filename)
	e.uint(uint64(c.Flags))
	e.instrs(c.Instrs)
	e.instrs(c.Run)
	e.length(len(c.TempOps), c.TempOps == nil)
	e.buf = append(e.buf, c.TempOps...)
	e.length(len(c.Consts), c.Consts == nil)
	for i := range c.Consts {
		e.constant(&c.Consts[i])
	}
	e.strs(c.Names)
	e.length(len(c.KwNames), c.KwNames == nil)
	for _, ks := range c.KwNames {
		e.strs(ks)
	}
	e.strs(c.Locals)
	e.int(int64(c.ArgCount))
	e.int(int64(c.PosOnlyCount))
	e.int(int64(c.KwOnlyCount))
	e.strs(c.CellNames)
	e.strs(c.FreeNames)
	e.length(len(c.Cell2Arg), c.Cell2Arg == nil)
	for _, a := range c.Cell2Arg {
		e.int(int64(a))
	}
	e.int(int64(c.MaxStack))
	e.int(int64(c.FrameSize))
	e.int(int64(c.NumCells))
	e.int(int64(c.SimpleArgs))
	e.int(int64(c.FirstLine))
	e.str(c.Doc)
	e.bool(c.HasDoc)
	e.length(len(c.lines), c.lines == nil)
	for _, l := range c.lines {
		e.int(int64(l.pc))
		e.int(int64(l.line))
		e.int(int64(l.col))
		e.int(int64(l.endLine))
		e.int(int64(l.endCol))
	}
}

func (e *encoder) constant(k *Const) {
	e.uint(uint64(k.Kind))
	e.int(k.Int)
	e.uint(math.Float64bits(k.Float))
	e.str(k.Str)
	if k.Big != nil {
		e.bool(true)
		e.str(k.Big.Text(16))
	} else {
		e.bool(false)
	}
	if k.Code != nil {
		e.bool(true)
		e.code(k.Code)
	} else {
		e.bool(false)
	}
	e.length(len(k.Tuple), k.Tuple == nil)
	for i := range k.Tuple {
		e.constant(&k.Tuple[i])
	}
}

// maxCodecDepth bounds the nesting of codes and constants a decoder
// follows, so damaged bytes cannot recurse without end.
const maxCodecDepth = 1000

type decoder struct {
	buf []byte
	err error
}

func (d *decoder) fail() { d.err = errCodec; d.buf = nil }

func (d *decoder) uint() uint64 {
	n, k := binary.Uvarint(d.buf)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[k:]
	return n
}

func (d *decoder) int() int64 {
	n, k := binary.Varint(d.buf)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[k:]
	return n
}

// count reads a length, which must not exceed what is left to read.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return 0
	}
	return int(n)
}

// length reads what encoder.length wrote: the length, and whether the
// slice was nil.
func (d *decoder) length() (int, bool) {
	n := d.uint()
	if n == 0 {
		return 0, true
	}
	if n-1 > uint64(len(d.buf)) {
		d.fail()
		return 0, true
	}
	return int(n - 1), false
}

func (d *decoder) bool() bool { return d.uint() != 0 }

func (d *decoder) str() string {
	n := d.count()
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) strs() []string {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

// rawBytes reads a byte slice written as its length and its bytes.
func (d *decoder) rawBytes() []byte {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	if n > len(d.buf) {
		d.fail()
		return nil
	}
	b := append([]byte(nil), d.buf[:n]...)
	d.buf = d.buf[n:]
	return b
}

func (d *decoder) instrs() []Instr {
	n, isNil := d.length()
	if isNil {
		return nil
	}
	is := make([]Instr, n)
	for i := range is {
		is[i] = Instr(d.uint())
	}
	return is
}

func (d *decoder) code(depth int) *Code {
	if depth > maxCodecDepth {
		d.fail()
		return nil
	}
	c := &Code{}
	c.Name = d.str()
	c.QualName = d.str()
	c.Filename = d.str()
	c.Flags = CodeFlags(d.uint())
	c.Instrs = d.instrs()
	c.Run = d.instrs()
	c.TempOps = d.rawBytes()
	if n, isNil := d.length(); !isNil {
		c.Consts = make([]Const, n)
		for i := range c.Consts {
			d.constant(&c.Consts[i], depth+1)
		}
	}
	c.Names = d.strs()
	if n, isNil := d.length(); !isNil {
		c.KwNames = make([][]string, n)
		for i := range c.KwNames {
			c.KwNames[i] = d.strs()
		}
	}
	c.Locals = d.strs()
	c.ArgCount = int(d.int())
	c.PosOnlyCount = int(d.int())
	c.KwOnlyCount = int(d.int())
	c.CellNames = d.strs()
	c.FreeNames = d.strs()
	if n, isNil := d.length(); !isNil {
		c.Cell2Arg = make([]int, n)
		for i := range c.Cell2Arg {
			c.Cell2Arg[i] = int(d.int())
		}
	}
	c.MaxStack = int(d.int())
	c.FrameSize = int(d.int())
	c.NumCells = int(d.int())
	c.SimpleArgs = int(d.int())
	c.FirstLine = int(d.int())
	c.Doc = d.str()
	c.HasDoc = d.bool()
	if n, isNil := d.length(); !isNil {
		c.lines = make([]lineEntry, n)
		for i := range c.lines {
			l := &c.lines[i]
			l.pc, l.line, l.col = int32(d.int()), int32(d.int()), int32(d.int())
			l.endLine, l.endCol = int32(d.int()), int32(d.int())
		}
	}
	return c
}

func (d *decoder) constant(k *Const, depth int) {
	k.Kind = ConstKind(d.uint())
	k.Int = d.int()
	k.Float = math.Float64frombits(d.uint())
	k.Str = d.str()
	if d.bool() {
		b, ok := new(big.Int).SetString(d.str(), 16)
		if !ok {
			d.fail()
			return
		}
		k.Big = b
	}
	if d.bool() {
		k.Code = d.code(depth)
	}
	if n, isNil := d.length(); !isNil {
		k.Tuple = make([]Const, n)
		for i := range k.Tuple {
			d.constant(&k.Tuple[i], depth+1)
		}
	}
}
