package runtime

// This file defines str.translate and the static method str.maketrans,
// which builds the code-point tables translate reads.

import (
	"strings"
	"unicode/utf8"
)

func init() {
	StrType.Methods(map[string]BuiltinFn{"translate": strTranslate})
	StrType.SetAttr("maketrans", Obj(&StaticMethod{Func: NewBuiltin("maketrans", strMakeTrans)}))
}

// strTranslate is str.translate(table): each character's code point is
// looked up with table[cp]; a missing entry keeps the character, None
// drops it, an int or str replaces it.
func strTranslate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var table Value
	if err := UnpackArgs("str.translate", args, kw, "table", &table); err != nil {
		return Value{}, err
	}
	s, err := strArg(self)
	if err != nil {
		return Value{}, err
	}
	if err := th.Work(int64(len(s.S))); err != nil {
		return Value{}, err
	}
	var b strings.Builder
	for _, r := range s.S {
		m, err := GetItem(th, table, Int(int64(r)))
		if err != nil {
			if IsInstance(err, LookupError) {
				b.WriteRune(r)
				continue
			}
			return Value{}, err
		}
		if m.IsNone() {
			continue
		}
		if t, ok := As[*StrObj](m); ok {
			if err := th.Alloc(int64(b.Len() + len(t.S))); err != nil {
				return Value{}, err
			}
			b.WriteString(t.S)
			continue
		}
		if !isIntLike(BuiltinValue(m)) {
			return Value{}, Errorf(TypeError, "character mapping must return integer, None or str")
		}
		n, ok := asInt64(BuiltinValue(m))
		if !ok || n < 0 || n > utf8.MaxRune {
			return Value{}, Errorf(ValueError, "character mapping must be in range(0x110000)")
		}
		b.WriteRune(rune(n))
	}
	return Str(b.String()), nil
}

// strMakeTrans is str.maketrans(x[, y[, z]]): from a dict whose keys are
// code points or single characters, or from two equal-length strings
// (characters of x map to those of y) plus characters z to delete.
func strMakeTrans(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 && len(kw) == 0 {
		return Value{}, Errorf(TypeError, "maketrans expected at least 1 argument, got 0")
	}
	var x, y, z Value
	if err := UnpackArgs("maketrans", args, kw, "x", &x, "y?", &y, "z?", &z); err != nil {
		return Value{}, err
	}
	out := NewDict()
	if !y.IsValid() {
		d, ok := As[*Dict](x)
		if !ok {
			return Value{}, Errorf(TypeError, "if you give only one argument to maketrans it must be a dict")
		}
		var err error
		d.Items(func(k, v Value) bool {
			if ks, ok := As[*StrObj](k); ok {
				if utf8.RuneCountInString(ks.S) != 1 {
					err = Errorf(ValueError, "string keys in translate table must be of length 1")
					return false
				}
				r, _ := utf8.DecodeRuneInString(ks.S)
				k = Int(int64(r))
			} else if !isIntLike(BuiltinValue(k)) {
				err = Errorf(TypeError, "keys in translate table must be strings or integers")
				return false
			}
			err = out.SetItem(th, k, v)
			return err == nil
		})
		if err != nil {
			return Value{}, err
		}
		return Obj(out), nil
	}
	xs, ok := As[*StrObj](x)
	if !ok {
		return Value{}, Errorf(TypeError, "first maketrans argument must be a string if there is a second argument")
	}
	ys, ok := As[*StrObj](y)
	if !ok {
		return Value{}, Errorf(TypeError, "maketrans() argument 2 must be str, not %s", y.Type().Name)
	}
	from, to := []rune(xs.S), []rune(ys.S)
	if len(from) != len(to) {
		return Value{}, Errorf(ValueError, "the first two maketrans arguments must have equal length")
	}
	for i, r := range from {
		if err := out.SetItem(th, Int(int64(r)), Int(int64(to[i]))); err != nil {
			return Value{}, err
		}
	}
	if z.IsValid() {
		zs, ok := As[*StrObj](z)
		if !ok {
			return Value{}, Errorf(TypeError, "maketrans() argument 3 must be str, not %s", z.Type().Name)
		}
		for _, r := range zs.S {
			if err := out.SetItem(th, Int(int64(r)), None); err != nil {
				return Value{}, err
			}
		}
	}
	return Obj(out), nil
}
