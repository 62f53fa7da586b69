package runtime

// This file implements complex.__format__: without a presentation type a
// complex formats as its repr (or, with a precision, as 'g'), with a type
// each part formats as a float would; the whole is then aligned.

import (
	"math"
	"strings"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// complexFormat is format(c, spec).
func complexFormat(c *Complex, spec string) (string, error) {
	if spec == "" {
		return c.Repr(nil)
	}
	sp, err := pyfmt.ParseSpecFor(spec, "complex")
	if err != nil {
		return "", pyErr(err)
	}
	if sp.Zero {
		return "", Errorf(ValueError, "Zero padding is not allowed in complex format specifier")
	}
	if sp.Align == '=' {
		return "", Errorf(ValueError, "'=' alignment flag is not allowed in complex format specifier")
	}
	switch sp.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", Errorf(ValueError, "Unknown format code '%c' for object of type 'complex'", sp.Type)
	}
	parens := sp.Type == 0
	skipRe := parens && c.Re == 0 && !math.Signbit(c.Re)
	part := pyfmt.Spec{Sign: sp.Sign, NoNegZero: sp.NoNegZero, Alternate: sp.Alternate,
		Width: -1, Grouping: sp.Grouping, Precision: sp.Precision, Type: sp.Type}
	if parens && sp.Precision >= 0 {
		part.Type = 'g'
	}
	formatPart := func(f float64, sign rune) (string, error) {
		p := part
		p.Sign = sign
		if p.Type == 0 {
			s := complexPart(f)
			if !strings.HasPrefix(s, "-") && (sign == '+' || sign == ' ') {
				s = string(sign) + s
			}
			return s, nil
		}
		s, err := pyfmt.FormatFloatSpec(f, p, "complex")
		return s, pyErr(err)
	}
	var b strings.Builder
	imSign := sp.Sign
	if !skipRe {
		re, err := formatPart(c.Re, sp.Sign)
		if err != nil {
			return "", err
		}
		b.WriteString(re)
		imSign = '+'
	}
	im, err := formatPart(c.Im, imSign)
	if err != nil {
		return "", err
	}
	b.WriteString(im)
	b.WriteByte('j')
	body := b.String()
	if parens && !skipRe {
		body = "(" + body + ")"
	}
	align := sp.Align
	if align == 0 {
		align = '>'
	}
	out, err := pyfmt.FormatStrSpec(body, pyfmt.Spec{Fill: sp.Fill, FillSet: sp.FillSet, Align: align, Width: sp.Width, Precision: -1}, "complex")
	return out, pyErr(err)
}

func init() {
	ComplexType.Methods(map[string]BuiltinFn{
		"__format__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			arg, err := OneArg("complex.__format__", args, kw)
			if err != nil {
				return Value{}, err
			}
			spec, ok := arg.obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "__format__() argument must be str, not %s", arg.Type().Name)
			}
			s, err := complexFormat(self.obj.(*Complex), spec.S)
			if err != nil {
				return Value{}, err
			}
			return Str(s), nil
		},
	})
}
