package runtime

// This file defines str.isidentifier: whether a string is a valid Python
// identifier (keywords included, as in CPython; keyword.iskeyword tells
// those apart).

import "unicode"

func init() {
	StrType.Methods(map[string]BuiltinFn{
		"isidentifier": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("str.isidentifier", args, kw); err != nil {
				return Value{}, err
			}
			s, err := strArg(self)
			if err != nil {
				return Value{}, err
			}
			return MakeBool(isIdentifier(s.S)), nil
		},
	})
}

// isIdentifier approximates Unicode's XID_Start/XID_Continue rules with
// the general categories they are built from: a letter, letter number or
// underscore first, then those, marks, digits and connector punctuation.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		start := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		if i == 0 {
			if !start {
				return false
			}
			continue
		}
		if !start && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) {
			return false
		}
	}
	return true
}
