package runtime

// This file implements the UTF-16 and UTF-32 codecs (with and without a
// byte-order mark, little- and big-endian) for str.encode and
// bytes.decode.

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// wideCodecName returns the canonical name of a UTF-16 or UTF-32 codec
// spelled enc (already lower-cased with '_' for '-' and ' '), or "".
func wideCodecName(n string) string {
	n = strings.ReplaceAll(n, "_", "")
	switch n {
	case "utf16", "u16":
		return "utf-16"
	case "utf16le", "unicodelittleunmarked":
		return "utf-16-le"
	case "utf16be", "unicodebigunmarked":
		return "utf-16-be"
	case "utf32", "u32":
		return "utf-32"
	case "utf32le":
		return "utf-32-le"
	case "utf32be":
		return "utf-32-be"
	}
	return ""
}

// byteOrder reads and appends fixed-size units.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// encodeWide encodes s with a UTF-16 or UTF-32 codec; the unmarked
// names write a byte-order mark and little-endian units, as CPython does
// on little-endian machines.
func encodeWide(s, codec string) []byte {
	var order byteOrder = binary.LittleEndian
	if strings.HasSuffix(codec, "-be") {
		order = binary.BigEndian
	}
	marked := codec == "utf-16" || codec == "utf-32"
	var out []byte
	if strings.HasPrefix(codec, "utf-16") {
		if marked {
			out = append(out, 0xFF, 0xFE)
		}
		for _, r := range s {
			for _, u := range utf16.Encode([]rune{r}) {
				out = order.AppendUint16(out, u)
			}
		}
		return out
	}
	if marked {
		out = append(out, 0xFF, 0xFE, 0, 0)
	}
	for _, r := range s {
		out = order.AppendUint32(out, uint32(r))
	}
	return out
}

// decodeWide decodes b with a UTF-16 or UTF-32 codec; errors name the
// byte order actually used ('utf-16-le' for a marked little-endian input).
func decodeWide(sb *strings.Builder, b []byte, codec, errors string) error {
	var order byteOrder = binary.LittleEndian
	if strings.HasSuffix(codec, "-be") {
		order = binary.BigEndian
	}
	wide16 := strings.HasPrefix(codec, "utf-16")
	start := 0 // after a byte-order mark; positions still count it
	if codec == "utf-16" || codec == "utf-32" {
		codec += "-le"
		switch {
		case wide16 && len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
			start = 2
		case wide16 && len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
			start, order, codec = 2, binary.BigEndian, "utf-16-be"
		case !wide16 && len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
			start = 4
		case !wide16 && len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
			start, order, codec = 4, binary.BigEndian, "utf-32-be"
		}
	}
	if !wide16 {
		for i := start; i < len(b); i += 4 {
			if len(b)-i < 4 {
				return decodeFailure(sb, codec, b, i, len(b), "truncated data", errors)
			}
			cp := order.Uint32(b[i:])
			switch {
			case cp > 0x10FFFF:
				if err := decodeFailure(sb, codec, b, i, i+4, "code point not in range(0x110000)", errors); err != nil {
					return err
				}
			case cp >= 0xD800 && cp < 0xE000:
				if err := decodeFailure(sb, codec, b, i, i+4, "code point in surrogate code point range(0xd800, 0xe000)", errors); err != nil {
					return err
				}
			default:
				sb.WriteRune(rune(cp))
			}
		}
		return nil
	}
	for i := start; i < len(b); {
		if len(b)-i < 2 {
			return decodeFailure(sb, codec, b, i, len(b), "truncated data", errors)
		}
		u := order.Uint16(b[i:])
		switch {
		case u < 0xD800 || u >= 0xE000:
			sb.WriteRune(rune(u))
			i += 2
		case u >= 0xDC00:
			if err := decodeFailure(sb, codec, b, i, i+2, "illegal encoding", errors); err != nil {
				return err
			}
			i += 2
		case len(b)-i < 4:
			return decodeFailure(sb, codec, b, i, len(b), "unexpected end of data", errors)
		default:
			u2 := order.Uint16(b[i+2:])
			if u2 < 0xDC00 || u2 >= 0xE000 {
				if err := decodeFailure(sb, codec, b, i, i+2, "illegal UTF-16 surrogate", errors); err != nil {
					return err
				}
				i += 2
				continue
			}
			sb.WriteRune(utf16.DecodeRune(rune(u), rune(u2)))
			i += 4
		}
	}
	return nil
}
