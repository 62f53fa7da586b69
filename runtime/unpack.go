package runtime

// This file defines UnpackArgs, the one argument-unpacking helper that
// every built-in uses, so that arity and type errors read like CPython's.

import (
	"fmt"
	"strings"
)

// UnpackArgs assigns args and kw to the destinations described by pairs,
// which alternate a parameter name and a pointer. A name ending in "?" is
// optional (the destination keeps its value when the argument is absent);
// a name starting with "$" is keyword-only. Destination types:
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
		if strings.HasSuffix(name, "?") {
			name = name[:len(name)-1]
			optional[i] = true
		} else if !kwOnly[i] {
			required++
		}
		names[i] = name
	}
	if len(args) > npos {
		switch {
		case npos == 0:
			return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, len(args))
		case npos == required:
			if npos == 1 {
				return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, len(args))
			}
			return Errorf(TypeError, "%s() takes exactly %d arguments (%d given)", fname, npos, len(args))
		}
		return Errorf(TypeError, "%s() takes at most %d arguments (%d given)", fname, npos, len(args))
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
			if name == k.Name {
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
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", k.Name, fname)
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

// ArgCount checks the number of positional arguments of a built-in that
// takes between min and max of them (max < 0: unbounded) and no keywords.
func ArgCount(fname string, args []Value, kw []Kwarg, min, max int) error {
	if err := NoKwargs(fname, kw); err != nil {
		return err
	}
	n := len(args)
	switch {
	case min == max && n != min:
		if min == 0 {
			return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, n)
		}
		if min == 1 {
			return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, n)
		}
		return Errorf(TypeError, "%s expected %d arguments, got %d", fname, min, n)
	case n < min:
		if min == 1 {
			return Errorf(TypeError, "%s expected at least 1 argument, got %d", fname, n)
		}
		return Errorf(TypeError, "%s expected at least %d arguments, got %d", fname, min, n)
	case max >= 0 && n > max:
		if max == 1 {
			return Errorf(TypeError, "%s expected at most 1 argument, got %d", fname, n)
		}
		return Errorf(TypeError, "%s expected at most %d arguments, got %d", fname, max, n)
	}
	return nil
}
