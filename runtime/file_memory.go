package runtime

// This file defines io.StringIO and io.BytesIO, the in-memory text and
// binary streams, with the reading, writing and seeking methods of files.

import (
	"strings"
	"unsafe"
)

// The in-memory stream classes.
var (
	StringIOType = ioType("StringIO")
	BytesIOType  = ioType("BytesIO")
)

// MemFile is a StringIO (text, positions count characters) or a BytesIO
// (bytes).
type MemFile struct {
	text   bool
	runes  []rune // a StringIO's text
	bytes  []byte // a BytesIO's bytes
	pos    int
	closed bool
	// A StringIO's newline handling: split is how lines end (lineEnd's
	// mode), writeNL what a written '\n' becomes ("" keeps it), and
	// foldCR turns a written \r\n or \r into \n (newline=None).
	split   int
	writeNL string
	foldCR  bool
}

// Type returns StringIO or BytesIO.
func (m *MemFile) Type() *Type {
	if m.text {
		return StringIOType
	}
	return BytesIOType
}

// Footprint implements MemNode.
func (m *MemFile) Footprint() int64 {
	return int64(unsafe.Sizeof(*m)) + 4*int64(cap(m.runes)) + int64(cap(m.bytes))
}

// Referents implements MemNode: the buffers hold no values.
func (m *MemFile) Referents(*MemWalker) {}

// Attr returns closed.
func (m *MemFile) Attr(name string) (Value, bool) {
	switch name {
	case "closed":
		return MakeBool(m.closed), true
	case "line_buffering":
		if m.text {
			return False, true
		}
	case "newlines", "encoding", "errors":
		if m.text {
			return None, true
		}
	}
	return Value{}, false
}

// SetAttrValue refuses.
func (m *MemFile) SetAttrValue(string, Value) bool { return false }

// DelAttrValue refuses.
func (m *MemFile) DelAttrValue(string) bool { return false }

func (m *MemFile) size() int {
	if m.text {
		return len(m.runes)
	}
	return len(m.bytes)
}

// value wraps part of the buffer as a str or bytes.
func (m *MemFile) value(from, to int) Value {
	if m.text {
		return Str(string(m.runes[from:to]))
	}
	return NewBytes(append([]byte(nil), m.bytes[from:to]...))
}

// readCheck implements fileReader.
func (m *MemFile) readCheck() error { return m.check() }

// readValue implements fileReader: up to n items from the position.
func (m *MemFile) readValue(th *Thread, n int) (Value, error) {
	start := min(m.pos, m.size())
	end := m.size()
	if n >= 0 {
		end = min(end, start+n)
	}
	m.pos = max(m.pos, end)
	return m.value(start, end), nil
}

// readLineValue implements fileReader: the next line as the newline mode
// splits lines, at most limit items when limit >= 0.
func (m *MemFile) readLineValue(th *Thread, limit int) (Value, error) {
	start, end := m.pos, m.size()
	if start >= end {
		return m.value(end, end), nil
	}
	stop := end
	if limit >= 0 {
		stop = min(end, start+limit)
	}
	var n int
	var ok bool
	if m.text {
		n, ok = lineEnd(m.runes[start:stop], 0, m.split, true)
	} else {
		n, ok = lineEnd(m.bytes[start:stop], 0, splitLF, true)
	}
	if !ok {
		n = stop - start
	}
	m.pos = start + n
	return m.value(start, m.pos), nil
}

// Next reads the next line, for iteration.
func (m *MemFile) Next(th *Thread) (Value, bool, error) { return nextLine(th, m) }

// setNewline configures a StringIO from its newline argument.
func (m *MemFile) setNewline(nl Value) error {
	if nl.IsNone() {
		m.foldCR = true
		return nil
	}
	s, ok := nl.obj.(*StrObj)
	if !ok {
		return Errorf(TypeError, "newline must be str or None, not %s", nl.Type().Name)
	}
	switch s.S {
	case "":
		m.split = splitUniversal
	case "\n":
	case "\r":
		m.split, m.writeNL = splitCR, s.S
	case "\r\n":
		m.split, m.writeNL = splitCRLF, s.S
	default:
		return Errorf(ValueError, "illegal newline value: %s", reprStr(s.S))
	}
	return nil
}

// translated is what a StringIO stores for the written text s.
func (m *MemFile) translated(s string) string {
	if m.foldCR {
		return translateNewlines(s)
	}
	if m.writeNL != "" {
		return strings.ReplaceAll(s, "\n", m.writeNL)
	}
	return s
}

func (m *MemFile) check() error {
	if m.closed && !m.text {
		return Errorf(ValueError, "I/O operation on closed file.")
	}
	if m.closed {
		return Errorf(ValueError, "I/O operation on closed file")
	}
	return nil
}

// write puts v at the position, extending the buffer (with zero padding
// when the position is past its end).
func (m *MemFile) write(th *Thread, v Value) (int, error) {
	if m.text {
		s, ok := v.obj.(*StrObj)
		if !ok {
			return 0, Errorf(TypeError, "string argument expected, got '%s'", v.Type().Name)
		}
		rs := []rune(m.translated(s.S))
		if err := th.Alloc(4 * int64(len(rs))); err != nil {
			return 0, err
		}
		for len(m.runes) < m.pos {
			m.runes = append(m.runes, 0)
		}
		n := copy(m.runes[m.pos:], rs)
		m.runes = append(m.runes, rs[n:]...)
		m.pos += len(rs)
		return len(rs), nil
	}
	b, err := bufferArg(v)
	if err != nil {
		return 0, err
	}
	if err := th.Alloc(int64(len(b))); err != nil {
		return 0, err
	}
	for len(m.bytes) < m.pos {
		m.bytes = append(m.bytes, 0)
	}
	n := copy(m.bytes[m.pos:], b)
	m.bytes = append(m.bytes, b[n:]...)
	m.pos += len(b)
	return len(b), nil
}

// newMemFile is the constructor of StringIO(initial_value=”, newline='\n')
// and BytesIO(initial_bytes=b”).
func newMemFile(text bool) func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	return func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		m := &MemFile{text: text}
		init := None
		if text {
			newline := Str("\n")
			if err := UnpackArgs("StringIO", args, kw, "initial_value?", &init, "newline?", &newline); err != nil {
				return Value{}, err
			}
			if err := m.setNewline(newline); err != nil {
				return Value{}, err
			}
			if !init.IsNone() {
				s, ok := init.obj.(*StrObj)
				if !ok {
					return Value{}, Errorf(TypeError, "initial_value must be str or None, not %s", init.Type().Name)
				}
				m.runes = []rune(m.translated(s.S))
			}
			return Obj(m), nil
		}
		if err := UnpackArgs("BytesIO", args, kw, "initial_bytes?", &init); err != nil {
			return Value{}, err
		}
		if !init.IsNone() {
			b, err := bufferArg(init)
			if err != nil {
				return Value{}, err
			}
			m.bytes = append([]byte(nil), b...)
		}
		return Obj(m), nil
	}
}

func memSelf(v Value) *MemFile { return v.obj.(*MemFile) }

func init() {
	StringIOType.New = newMemFile(true)
	BytesIOType.New = newMemFile(false)
	StringIOType.Final, BytesIOType.Final = false, false
	methods := map[string]BuiltinFn{
		"getvalue": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			return m.value(0, m.size()), nil
		},
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("write", args, kw, "s", &v); err != nil {
				return Value{}, err
			}
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			n, err := m.write(th, v)
			return Int(int64(n)), err
		},
		"writelines": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("writelines", args, kw, "lines", &v); err != nil {
				return Value{}, err
			}
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			return None, forEach(th, v, func(item Value) error {
				_, err := m.write(th, item)
				return err
			})
		},
		"seek": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			off, whence, err := seekArgs("seek", args, kw)
			if err != nil {
				return Value{}, err
			}
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			if m.text && whence != 0 && off != 0 {
				return Value{}, Errorf(OSError, "Can't do nonzero cur-relative seeks")
			}
			switch whence {
			case 0:
				if off < 0 {
					return Value{}, Errorf(ValueError, "negative seek value %d", off)
				}
				m.pos = int(off)
			case 1:
				m.pos = max(0, m.pos+int(off))
			case 2:
				m.pos = max(0, m.size()+int(off))
			}
			return Int(int64(m.pos)), nil
		},
		"tell": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			return Int(int64(m.pos)), nil
		},
		"truncate": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			size := None
			if err := UnpackArgs("truncate", args, kw, "size?", &size); err != nil {
				return Value{}, err
			}
			m := memSelf(self)
			if err := m.check(); err != nil {
				return Value{}, err
			}
			n := m.pos
			if !size.IsNone() {
				k, ok := asInt64(size)
				if !ok || k < 0 {
					return Value{}, Errorf(ValueError, "negative size value %d", k)
				}
				n = int(k)
			}
			if n < m.size() {
				if m.text {
					m.runes = m.runes[:n]
				} else {
					m.bytes = m.bytes[:n]
				}
			}
			return Int(int64(n)), nil
		},
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m := memSelf(self)
			m.closed, m.runes, m.bytes = true, nil, nil
			return None, nil
		},
		"flush": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, memSelf(self).check()
		},
		"__enter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, memSelf(self).check()
		},
		"__exit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m := memSelf(self)
			m.closed, m.runes, m.bytes = true, nil, nil
			return None, nil
		},
		"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, memSelf(self).check()
		},
	}
	addReadMethods(methods, func(v Value) fileReader { return memSelf(v) })
	readLines := methods["readlines"]
	methods["readlines"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if memSelf(self).closed {
			// CPython's readlines checks as IOBase does: the message ends
			// with a dot for StringIO too.
			return Value{}, Errorf(ValueError, "I/O operation on closed file.")
		}
		return readLines(th, self, args, kw)
	}
	for _, name := range []string{"readable", "writable", "seekable"} {
		methods[name] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return True, memSelf(self).check()
		}
	}
	methods["isatty"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return False, memSelf(self).check()
	}
	StringIOType.Methods(methods)
	BytesIOType.Methods(methods)
	binary := map[string]BuiltinFn{"read1": methods["read"]}
	addReadIntoMethod(binary, func(v Value) fileReader { return memSelf(v) })
	BytesIOType.Methods(binary)
}
