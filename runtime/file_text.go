package runtime

// This file defines TextIOWrapper, the text file object of open(): it
// decodes what its buffer reads and encodes what it writes, with
// universal newlines on input and newline translation on output. It keeps
// no decoded text ahead of its buffer, so tell() is the byte position.

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// TextIOWrapperType is the class of text files (and of the standard
// streams).
var TextIOWrapperType = ioType("TextIOWrapper")

// TextFile is a text file object.
type TextFile struct {
	b        *BinaryFile
	mode     string // as open() was given it
	encoding string // as shown by .encoding
	codec    string // canonical codec name
	errors   string
	newline  Value // the newline argument (None or a str)
	// universal splits lines at \n, \r and \r\n; translate turns each
	// into \n. Otherwise lines end with readNL.
	universal, translate bool
	readNL               string
	writeNL              string // what \n becomes on output ("" to keep it)
	lineBuffering        bool
	// iterating is set while a for loop reads the file: CPython's tell()
	// refuses then (until the loop ends or the file seeks).
	iterating bool
}

// Type returns TextIOWrapperType.
func (*TextFile) Type() *Type { return TextIOWrapperType }

// Footprint implements MemNode.
func (t *TextFile) Footprint() int64 { return int64(unsafe.Sizeof(*t)) }

// Referents implements MemNode.
func (t *TextFile) Referents(w *MemWalker) { w.Node(t.b) }

// Repr is <_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>.
func (t *TextFile) Repr(th *Thread) (string, error) {
	name, err := Repr(th, t.b.c.name)
	if err != nil {
		return "", err
	}
	mode := ""
	if t.mode != "" { // a pipe's text file has no mode
		mode = " mode='" + t.mode + "'"
	}
	return "<_io.TextIOWrapper name=" + name + mode + " encoding='" + t.encoding + "'>", nil
}

// Attr returns the file's attributes.
func (t *TextFile) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return t.b.c.name, true
	case "mode":
		return Str(t.mode), t.mode != ""
	case "encoding":
		return Str(t.encoding), true
	case "errors":
		return Str(t.errors), true
	case "closed":
		return MakeBool(t.b.c.closed), true
	case "buffer":
		return Obj(t.b), true
	case "line_buffering":
		return MakeBool(t.lineBuffering), true
	case "newlines":
		return None, true
	}
	return Value{}, false
}

// SetAttrValue refuses: the attributes are read-only.
func (t *TextFile) SetAttrValue(string, Value) bool { return false }

// DelAttrValue refuses.
func (t *TextFile) DelAttrValue(string) bool { return false }

// Next reads the next line, for iteration.
func (t *TextFile) Next(th *Thread) (Value, bool, error) {
	v, ok, err := nextLine(th, t)
	if err == nil {
		t.iterating = ok
	}
	return v, ok, err
}

// readCheck implements fileReader.
func (t *TextFile) readCheck() error { return t.check(true, false) }

// readValue implements fileReader.
func (t *TextFile) readValue(th *Thread, n int) (Value, error) {
	s, err := t.readChars(th, n)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// check raises for a closed file, or one not open for reading or writing.
func (t *TextFile) check(read, write bool) error {
	c := t.b.c
	if c.closed {
		return Errorf(ValueError, "I/O operation on closed file.")
	}
	if read && !c.readable {
		return Errorf(UnsupportedOperation, "not readable")
	}
	if write && !c.writable {
		return Errorf(UnsupportedOperation, "not writable")
	}
	return nil
}

// setNewline configures newline handling from open()'s argument.
func (t *TextFile) setNewline(nl Value) error {
	t.newline = nl
	if nl.IsNone() {
		t.universal, t.translate = true, true
		return nil
	}
	s, ok := nl.obj.(*StrObj)
	if !ok {
		return Errorf(TypeError, "open() argument 'newline' must be str or None, not %s", nl.Type().Name)
	}
	switch s.S {
	case "":
		t.universal = true
	case "\n":
		t.readNL = "\n"
	case "\r", "\r\n":
		t.readNL, t.writeNL = s.S, s.S
	default:
		return Errorf(ValueError, "illegal newline value: %s", s.S)
	}
	return nil
}

// decode turns bytes read into text.
func (t *TextFile) decode(th *Thread, b []byte) (string, error) {
	if t.codec == "utf-8" && utf8.Valid(b) {
		return string(b), nil
	}
	return decodeBytes(th, b, t.codec, t.errors)
}

// splitMode is how the file's lines end, as lineEnd takes it.
func (t *TextFile) splitMode() int {
	switch {
	case t.universal && t.codecIsWide():
		return splitLF // aio splits UTF-16/32 text at \n only
	case t.universal:
		return splitUniversal
	case t.readNL == "\r":
		return splitCR
	case t.readNL == "\r\n":
		return splitCRLF
	}
	return splitLF
}

// codecIsWide reports a UTF-16/32 codec, whose lines aio splits at \n only.
func (t *TextFile) codecIsWide() bool {
	return strings.HasPrefix(t.codec, "utf-16") || strings.HasPrefix(t.codec, "utf-32")
}

// translateNewlines turns \r\n and \r into \n.
func translateNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// readLineValue implements fileReader: the next line, at most limit
// characters when limit >= 0. The common case, a UTF-8 line that needs no
// newline translation, becomes a str in one allocation straight from the
// read-ahead buffer.
func (t *TextFile) readLineValue(th *Thread, limit int) (Value, error) {
	raw, err := t.b.c.readLineView(th, t.splitMode(), -1)
	if err != nil || len(raw) == 0 {
		return Str(""), err
	}
	if err := th.Alloc(int64(len(raw))); err != nil {
		return Value{}, err
	}
	ascii := asciiString(unsafe.String(&raw[0], len(raw)))
	utf := t.codec == "utf-8" && (ascii || utf8.Valid(raw))
	if utf && limit < 0 && (!t.translate || raw[len(raw)-1] == '\n' && (len(raw) == 1 || raw[len(raw)-2] != '\r')) {
		return strFromBytes(raw, ascii), nil
	}
	var s string
	if utf {
		s = string(raw)
	} else if s, err = decodeBytes(th, raw, t.codec, t.errors); err != nil {
		return Value{}, err
	}
	if t.translate {
		s = translateNewlines(s)
	}
	if limit >= 0 && limit < len(s) && utf {
		// Give back what is past the limit: it is still in the read-ahead
		// buffer just before rpos. Translation changed only the line's
		// terminator, which a cut short of the end leaves out, so the kept
		// characters are the raw line's first bytes.
		cut := 0
		for n := 0; n < limit && cut < len(s); n++ {
			_, size := utf8.DecodeRuneInString(s[cut:])
			cut += size
		}
		if cut < len(s) {
			t.b.c.rpos -= len(raw) - cut
			s = s[:cut]
		}
	}
	return Str(s), nil
}

// readChars reads up to n characters (all when n < 0).
func (t *TextFile) readChars(th *Thread, n int) (string, error) {
	c := t.b.c
	if n < 0 || t.codecIsWide() {
		b, err := c.readAll(th)
		if err != nil {
			return "", err
		}
		s, err := t.decode(th, b)
		if err != nil {
			return "", err
		}
		if t.translate {
			s = translateNewlines(s)
		}
		return s, nil
	}
	// Gather the bytes of n characters, then decode them at once. A
	// character is a byte, or a UTF-8 sequence, or \r\n when newlines
	// are translated; one that may continue past the read-ahead waits
	// for the next fill.
	if err := th.Alloc(int64(min(n, 1<<20))); err != nil {
		return "", err
	}
	raw := make([]byte, 0, min(n, 1<<20)) // ASCII text: n bytes
	utf := t.codec == "utf-8"
	for count := 0; count < n; {
		buf := c.buffered()
		i := 0
	scan:
		for i < len(buf) && count < n {
			if k := plainASCIIPrefix(buf[i:min(len(buf), i+n-count)]); k > 0 {
				i += k
				count += k
				continue
			}
			size := 1
			switch b := buf[i]; {
			case b == '\r' && t.translate:
				if i+1 == len(buf) && !c.eof {
					break scan
				}
				if i+1 < len(buf) && buf[i+1] == '\n' {
					size = 2
				}
			case b >= utf8.RuneSelf && utf:
				if !utf8.FullRune(buf[i:]) && !c.eof {
					break scan
				}
				var r rune
				if r, size = utf8.DecodeRune(buf[i:]); r == utf8.RuneError && size == 1 {
					// Bytes that are not UTF-8: as many characters as
					// the error handler makes of them.
					size = invalidUTF8Len(buf[i:])
					s, err := decodeBytes(th, buf[i:i+size], t.codec, t.errors)
					if err != nil {
						return "", err
					}
					i += size
					count += utf8.RuneCountInString(s)
					continue
				}
			}
			i += size
			count++
		}
		if err := th.Alloc(int64(i)); err != nil {
			return "", err
		}
		raw = append(raw, buf[:i]...)
		c.rpos += i
		if count == n {
			break
		}
		more, err := c.fill(th)
		if err != nil {
			return "", err
		}
		if !more && len(c.buffered()) == 0 {
			break
		}
	}
	var text string
	var err error
	if utf && utf8.Valid(raw) && len(raw) > 0 {
		text = unsafe.String(&raw[0], len(raw)) // raw is ours alone
	} else if text, err = t.decode(th, raw); err != nil {
		return "", err
	}
	if t.translate {
		text = translateNewlines(text)
	}
	return text, nil
}

// invalidUTF8Len is the length of the invalid UTF-8 sequence b starts
// with, as a decoder replaces it by one U+FFFD: a lead byte and the
// continuation bytes that may follow it, up to the first that may not.
func invalidUTF8Len(b []byte) int {
	lo, hi := byte(0x80), byte(0xBF) // the allowed second byte
	need := 0
	switch lead := b[0]; {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead == 0xE0:
		need, lo = 2, 0xA0
	case lead == 0xED:
		need, hi = 2, 0x9F
	case lead >= 0xE1 && lead <= 0xEF:
		need = 2
	case lead == 0xF0:
		need, lo = 3, 0x90
	case lead == 0xF4:
		need, hi = 3, 0x8F
	case lead >= 0xF1 && lead <= 0xF3:
		need = 3
	}
	k := 1
	for ; k <= need && k < len(b); k++ {
		if c := b[k]; c < lo || c > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return k
}

// plainASCIIPrefix is the length of b's longest prefix of whole 8-byte
// words that are ASCII without \r: characters of one byte each.
func plainASCIIPrefix(b []byte) int {
	const ones, highs, crs = 0x0101010101010101, 0x8080808080808080, 0x0d0d0d0d0d0d0d0d
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		x := w ^ crs // a zero byte where w has \r
		if w&highs != 0 || (x-ones)&^x&highs != 0 {
			break
		}
	}
	return i
}

// write encodes s and writes it, translating \n as the newline mode says.
func (t *TextFile) write(th *Thread, s string) error { return t.writeText(th, s, false) }

// writeText is write for a str known to be ASCII when ascii says so,
// which then needs no check before it is written as UTF-8.
func (t *TextFile) writeText(th *Thread, s string, ascii bool) error {
	if t.writeNL != "" && t.writeNL != "\n" {
		s = strings.ReplaceAll(s, "\n", t.writeNL)
	}
	var b []byte
	if t.codec == "utf-8" && (ascii || utf8.ValidString(s)) {
		b = unsafe.Slice(unsafe.StringData(s), len(s))
	} else {
		var err error
		if b, err = encodeStr(th, s, t.codec, t.errors); err != nil {
			return err
		}
	}
	if err := t.b.c.write(th, b); err != nil {
		return err
	}
	if t.lineBuffering && strings.ContainsAny(s, "\n\r") {
		return t.b.c.flush()
	}
	return nil
}

// errNotSeekable is a text file's error for seeking or telling on a
// pipe or a terminal.
func errNotSeekable() error {
	return Errorf(UnsupportedOperation, "underlying stream is not seekable")
}

// textSelf is the receiver of a text file method.
func textSelf(v Value) *TextFile { return v.obj.(*TextFile) }

func init() {
	core := func(v Value) *fileCore { return textSelf(v).b.c }
	check := func(v Value, r, w bool) error { return textSelf(v).check(r, w) }
	methods := fileCommonMethods(core, check)
	addReadMethods(methods, func(v Value) fileReader { return textSelf(v) })
	methods["write"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 || len(args) != 1 {
			return Value{}, Errorf(TypeError, "TextIOWrapper.write() takes exactly one argument (%d given)", len(args)+len(kw))
		}
		t := textSelf(self)
		if err := t.check(false, true); err != nil {
			return Value{}, err
		}
		s, ok := args[0].obj.(*StrObj)
		if !ok {
			return Value{}, Errorf(TypeError, "write() argument must be str, not %s", args[0].Type().Name)
		}
		n := s.Len() // which learns whether s is ASCII
		return Int(int64(n)), t.writeText(th, s.S, s.knownASCII())
	}
	methods["writelines"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var v Value
		if err := UnpackArgs("writelines", args, kw, "lines", &v); err != nil {
			return Value{}, err
		}
		t := textSelf(self)
		if err := t.check(false, true); err != nil {
			return Value{}, err
		}
		return None, forEach(th, v, func(item Value) error {
			s, ok := item.obj.(*StrObj)
			if !ok {
				return Errorf(TypeError, "write() argument must be str, not %s", item.Type().Name)
			}
			return t.write(th, s.S)
		})
	}
	methods["seek"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		off, whence, err := seekArgs("seek", args, kw)
		if err != nil {
			return Value{}, err
		}
		t := textSelf(self)
		if err := t.check(false, false); err != nil {
			return Value{}, err
		}
		if !t.b.c.seekable() {
			return Value{}, errNotSeekable()
		}
		switch {
		case whence == 1 && off != 0:
			return Value{}, Errorf(UnsupportedOperation, "can't do nonzero cur-relative seeks")
		case whence == 2 && off != 0:
			return Value{}, Errorf(UnsupportedOperation, "can't do nonzero end-relative seeks")
		case whence == 0 && off < 0:
			return Value{}, Errorf(ValueError, "negative seek position %d", off)
		}
		t.iterating = false
		pos, err := t.b.c.seek(off, whence)
		return Int(pos), err
	}
	tell := methods["tell"]
	methods["tell"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("tell", args, kw); err != nil {
			return Value{}, err
		}
		t := textSelf(self)
		if t.iterating && !t.b.c.closed && t.b.c.seekable() {
			return Value{}, Errorf(OSError, "telling position disabled by next() call")
		}
		pos, err := tell(th, self, args, kw)
		if err != nil && !t.b.c.closed && !t.b.c.seekable() {
			return Value{}, errNotSeekable()
		}
		return pos, err
	}
	methods["detach"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		t := textSelf(self)
		if err := t.b.c.flush(); err != nil {
			return Value{}, err
		}
		return Obj(t.b), nil
	}
	TextIOWrapperType.Methods(methods)
}
