package runtime

// This file holds the argument checkers of built-ins, one per calling
// convention of CPython, each owning that convention's error wording so
// that a built-in's errors read the same wherever it is defined:
//
//	NoKeywords      every convention without keywords: "map() takes no keyword arguments"
//	NoArgs          METH_NOARGS       "str.upper() takes no arguments (1 given)"
//	OneArg          METH_O            "list.append() takes exactly one argument (0 given)"
//	TupleArgs       PyArg_ParseTuple  "find() takes at least 1 argument (0 given)"
//	PositionalArgs  Argument Clinic, positional only: "sorted expected 1 argument, got 0"
//	UnpackArgs      keyword-capable Clinic / ParseTupleAndKeywords:
//	                "'x' is an invalid keyword argument for f()",
//	                "split() takes at most 2 arguments (3 given)"
//	PyParams.Bind   functions written in Python:
//	                "f() missing 1 required positional argument: 'x'"

import (
	"fmt"
	"strconv"
	"strings"
)

// NoKeywords checks that a built-in taking no keyword arguments was given
// none: every convention that takes none words it so, with the name
// qualified as CPython prints it ("str.strip", "map", "math.hypot").
// The checkers below call it; a built-in that checks its positional
// arguments by hand calls it directly.
func NoKeywords(name string, kw []Kwarg) error {
	if len(kw) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

// NoArgs checks the call of a built-in taking no arguments (CPython's
// METH_NOARGS); name is qualified as CPython prints it ("str.upper").
func NoArgs(name string, args []Value, kw []Kwarg) error {
	if err := NoKeywords(name, kw); err != nil {
		return err
	}
	if len(args) > 0 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// OneArg checks the call of a built-in taking exactly one positional
// argument (CPython's METH_O) and returns that argument.
func OneArg(name string, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKeywords(name, kw); err != nil {
		return Value{}, err
	}
	if len(args) != 1 {
		return Value{}, Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

// TupleArgs checks the call of a built-in whose positional arguments
// CPython parses with PyArg_ParseTuple: between min and max of them, no
// keywords. The count message names the function without its type
// ("find() takes at least 1 argument (0 given)"), the keyword message
// with it.
func TupleArgs(name string, args []Value, kw []Kwarg, min, max int) error {
	if err := NoKeywords(name, kw); err != nil {
		return err
	}
	n := len(args)
	if n >= min && n <= max {
		return nil
	}
	bound, limit := "at most", max
	switch {
	case min == max:
		bound = "exactly"
	case n < min:
		bound, limit = "at least", min
	}
	return Errorf(TypeError, "%s() takes %s %d argument%s (%d given)", shortName(name), bound, limit, plural(limit), n)
}

// PositionalArgs checks the call of a built-in taking between min and
// max positional-only arguments (max < 0: no limit) and no keywords, as
// CPython's Argument Clinic does: the count message names the function
// without its type and without parentheses ("insert expected 2
// arguments, got 1"), the keyword message with both ("list.insert()
// takes no keyword arguments"). A built-in that takes keywords of its
// own checks its positional count with kw nil. A few hand-written checks
// of CPython print the name with its parentheses ("super() expected at
// most 2 arguments, got 3"): their name is given ending in "()".
func PositionalArgs(name string, args []Value, kw []Kwarg, min, max int) error {
	if err := NoKeywords(strings.TrimSuffix(name, "()"), kw); err != nil {
		return err
	}
	n := len(args)
	var bound string
	limit := min
	switch {
	case n < min:
		if min != max {
			bound = "at least "
		}
	case max >= 0 && n > max:
		limit = max
		if min != max {
			bound = "at most "
		}
	default:
		return nil
	}
	return Errorf(TypeError, "%s expected %s%d argument%s, got %d", shortName(name), bound, limit, plural(limit), n)
}

// shortName is a qualified name without its type or module ("insert"
// for "list.insert").
func shortName(name string) string {
	if strings.HasSuffix(name, "()") {
		return name
	}
	return name[strings.LastIndexByte(name, '.')+1:]
}

// InvalidKeyword is the error of a keyword-capable built-in given a
// keyword it does not take.
func InvalidKeyword(fname, name string) error {
	return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", name, fname)
}

// PyParams describes the parameters of a built-in that CPython writes in
// Python, so that its argument errors read like a Python function's:
// `def Name(self?, Params..., *args?, KwOnly...)` whose first Required
// parameters have no default.
type PyParams struct {
	Name     string   // qualified name, "Random.seed"
	Method   bool     // a method: self counts in "takes N positional arguments"
	Params   []string // positional-or-keyword parameters
	Required int      // how many leading Params have no default
	Varargs  bool     // extra positional arguments are accepted (*args)
	KwOnly   []string // keyword-only parameters, all with defaults
}

// Bind assigns args and kw to out (len(Params)+len(KwOnly) values:
// positional parameters, then keyword-only ones); a parameter not given
// keeps the zero Value. With Varargs, positional arguments beyond Params
// are left for the caller in args[len(Params):].
func (p *PyParams) Bind(args []Value, kw []Kwarg, out []Value) error {
	self := 0
	if p.Method {
		self = 1
	}
	if len(args) > len(p.Params) && !p.Varargs {
		most := len(p.Params) + self
		takes := strconv.Itoa(most)
		if p.Required < len(p.Params) {
			takes = "from " + strconv.Itoa(p.Required+self) + " to " + takes
		}
		were := "were"
		if len(args)+self == 1 {
			were = "was"
		}
		return Errorf(TypeError, "%s() takes %s positional argument%s but %d %s given", p.Name, takes, plural(most), len(args)+self, were)
	}
	copy(out, args[:min(len(args), len(p.Params))])
	for _, k := range kw {
		i := indexOfName(p.Params, k.Name)
		if i < 0 {
			if j := indexOfName(p.KwOnly, k.Name); j >= 0 {
				i = len(p.Params) + j
			}
		}
		if i < 0 {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", p.Name, k.Name)
		}
		if out[i].IsValid() {
			return Errorf(TypeError, "%s() got multiple values for argument '%s'", p.Name, k.Name)
		}
		out[i] = k.Value
	}
	var missing []string
	for i := 0; i < p.Required; i++ {
		if !out[i].IsValid() {
			missing = append(missing, p.Params[i])
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return Errorf(TypeError, "%s() missing %d required positional argument%s: %s", p.Name, len(missing), plural(len(missing)), QuotedNames(missing))
}

// QuotedNames lists parameter names as CPython's "missing ... argument"
// errors do: 'a', 'a' and 'b', or 'a', 'b', and 'c'.
func QuotedNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

func indexOfName(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// UnpackArgs assigns args and kw to the destinations described by pairs,
// which alternate a parameter name and a pointer. A name ending in "?" is
// optional (the destination keeps its value when the argument is absent);
// a name starting with "$" is keyword-only, one starting with "/" is
// positional-only (CPython's "/" marker). Destination types:
//
//	*Value     any value
//	*int, *int64  an int (or bool), as Python's __index__
//	*float64   an int or float
//	*string    a str
//	*bool      any value, by truth
//
// Errors are TypeErrors worded as CPython's.
func UnpackArgs(fname string, args []Value, kw []Kwarg, pairs ...any) error {
	n := len(pairs) / 2
	names := make([]string, n)
	optional := make([]bool, n)
	kwOnly := make([]bool, n)
	posOnly := make([]bool, n)
	npos := 0
	required := 0
	for i := 0; i < n; i++ {
		name := pairs[2*i].(string)
		if strings.HasPrefix(name, "$") {
			name = name[1:]
			kwOnly[i] = true
		} else {
			npos++
		}
		if strings.HasPrefix(name, "/") {
			name = name[1:]
			posOnly[i] = true
		}
		if strings.HasSuffix(name, "?") {
			name = name[:len(name)-1]
			optional[i] = true
		} else if !kwOnly[i] {
			required++
		}
		names[i] = name
	}
	// CPython counts all the arguments first, then the positional ones
	// (which only differs when there are keyword-only parameters).
	if given := len(args) + len(kw); n > 0 && given > n {
		what := "argument"
		if len(args) == 0 {
			what = "keyword argument"
		}
		return Errorf(TypeError, "%s() takes at most %d %s%s (%d given)", fname, n, what, plural(n), given)
	}
	if len(args) > npos {
		switch {
		case n == 0:
			return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, len(args))
		case npos == 0:
			return Errorf(TypeError, "%s() takes no positional arguments", fname)
		}
		bound := "at most"
		if required == npos {
			bound = "exactly"
		}
		return Errorf(TypeError, "%s() takes %s %d positional argument%s (%d given)", fname, bound, npos, plural(npos), len(args))
	}
	// Missing positional-only arguments are counted before any keyword
	// is looked at.
	for i := len(args); i < n; i++ {
		if posOnly[i] && !optional[i] {
			bound := "at least"
			if required == npos {
				bound = "exactly"
			}
			return Errorf(TypeError, "%s() takes %s %d positional argument%s (%d given)", fname, bound, required, plural(required), len(args))
		}
	}
	set := make([]bool, n)
	for i, a := range args {
		if err := assignArg(fname, names[i], i+1, a, pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for _, k := range kw {
		found := false
		for i, name := range names {
			if name == k.Name && !posOnly[i] {
				if set[i] {
					return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, name, i+1)
				}
				if err := assignArg(fname, name, i+1, k.Value, pairs[2*i+1]); err != nil {
					return err
				}
				set[i] = true
				found = true
				break
			}
		}
		if !found {
			return InvalidKeyword(fname, k.Name)
		}
	}
	for i := range names {
		if !set[i] && !optional[i] {
			if kwOnly[i] {
				return Errorf(TypeError, "%s() missing required keyword-only argument: '%s'", fname, names[i])
			}
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}

func assignArg(fname, name string, pos int, v Value, dst any) error {
	switch d := dst.(type) {
	case *Value:
		*d = v
	case *int64:
		n, err := IndexValue(v)
		if err != nil {
			return err
		}
		*d = n
	case *int:
		n, err := IndexValue(v)
		if err != nil {
			return err
		}
		*d = int(n)
	case *float64:
		f, err := toFloat(v)
		if err != nil {
			return Errorf(TypeError, "must be real number, not %s", v.Type().Name)
		}
		*d = f
	case *string:
		s, ok := As[*StrObj](v)
		if !ok {
			return Errorf(TypeError, "%s() argument %d must be str, not %s", fname, pos, v.Type().Name)
		}
		*d = s.S
	case *bool:
		b, err := Truth(nil, v)
		if err != nil {
			return err
		}
		*d = b
	default:
		panic(fmt.Sprintf("UnpackArgs: unsupported destination %T for %s", dst, name))
	}
	return nil
}
