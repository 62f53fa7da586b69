package pystruct

// This file parses struct format strings into a layout: the fields with
// their sizes and offsets, by the byte order and alignment rules of the
// format's first character.

import (
	"encoding/binary"
	"strconv"

	"github.com/aio-lang/aio/runtime"
)

// field is one code of a format with its repeat count: count items of
// the code, or for 's' and 'p' one bytes item of count bytes.
type field struct {
	code   byte
	count  int
	size   int // of one item
	offset int
}

// layout is a parsed format.
type layout struct {
	format string
	order  binary.ByteOrder
	native bool // '@': native sizes and alignment
	fields []field
	size   int
	items  int // values packed or unpacked
}

// nativeSizes and standardSizes give each code's item size.
var (
	nativeSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
		'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}
	standardSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
		'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
)

// maxStructSize bounds a format's total size, as CPython's does, so that
// a hostile format cannot ask for an absurd buffer.
const maxStructSize = 1 << 40

// parseFormat parses a format string.
func parseFormat(format string) (*layout, error) {
	l := &layout{format: format, order: binary.LittleEndian, native: true}
	s := format
	if len(s) > 0 {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=':
			l.native = false
			s = s[1:]
		case '<':
			l.native = false
			s = s[1:]
		case '>', '!':
			l.native = false
			l.order = binary.BigEndian
			s = s[1:]
		}
	}
	sizes := standardSizes
	if l.native {
		sizes = nativeSizes
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count := 1
		if c >= '0' && c <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(s[i:j])
			if err != nil || n > maxStructSize {
				return nil, errorf("total struct size too long")
			}
			count = n
			if j >= len(s) {
				return nil, errorf("repeat count given without format specifier")
			}
			i = j
			c = s[i]
		}
		size, ok := sizes[c]
		if !ok {
			return nil, errorf("bad char in struct format")
		}
		i++
		if l.native {
			// Native alignment: each item starts at a multiple of its size.
			if a := size; c != 's' && c != 'p' && c != 'x' && c != 'c' && a > 1 {
				l.size = (l.size + a - 1) / a * a
			}
		}
		f := field{code: c, count: count, size: size, offset: l.size}
		switch c {
		case 's', 'p':
			l.size += count
			l.items++
		case 'x':
			l.size += count
		default:
			l.size += count * size
			l.items += count
		}
		if l.size > maxStructSize {
			return nil, errorf("total struct size too long")
		}
		l.fields = append(l.fields, f)
	}
	return l, nil
}

// layoutOf returns the parsed format given as str or bytes.
func layoutOf(th *runtime.Thread, v runtime.Value) (*layout, error) {
	var format string
	switch o := v.Object().(type) {
	case *runtime.StrObj:
		format = o.S
	case *runtime.Bytes:
		format = string(o.B)
	default:
		return nil, runtime.Errorf(runtime.TypeError, "Struct() argument 1 must be a str or bytes object, not %s", v.Type().Name)
	}
	return parseFormat(format)
}
