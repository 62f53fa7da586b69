package runtime

// This file lets built-ins outside the runtime (json, csv) make strs cut
// out of bigger input in one allocation, without keeping the input alive.

// StrCopy makes a str holding a copy of s: its bytes share the header's
// allocation when short (see newStrBuf), and it never points into the
// memory s came from.
func StrCopy(s string) Value {
	if len(s) <= 1 {
		return Str(s)
	}
	o, b := newStrBuf(len(s), asciiString(s))
	copy(b, s)
	return Value{obj: o}
}
