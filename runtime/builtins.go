package runtime

// This file defines the builtins namespace and the built-in functions
// that deal with output, input, conversion to text and iteration. The
// numeric built-ins are in builtins_num.go, the ones about attributes
// and classes in builtins_attr.go, and the iterator objects returned by
// enumerate, zip, map, filter and reversed in iterators.go.

import (
	"io"
	"maps"
	"strings"
)

// builtinsMap holds the builtins namespace. Its values are shared by every
// Thread: functions are stateless and types are process-wide anyway.
var builtinsMap map[string]Value

// Builtins returns a new map holding the builtins namespace: the built-in
// functions, types, exception classes, NotImplemented and Ellipsis.
// Callers may modify the map; they should build it once per interpreter.
func Builtins() map[string]Value { return maps.Clone(builtinsMap) }

func init() {
	builtinsMap = map[string]Value{
		"NotImplemented": NotImplemented,
		"Ellipsis":       Ellipsis,
	}
	for name, t := range map[string]*Type{
		"object": ObjectType, "type": TypeType, "int": IntType, "bool": BoolType,
		"float": FloatType, "str": StrType, "list": ListType, "tuple": TupleType,
		"dict": DictType, "set": SetType, "frozenset": FrozenSetType,
		"range": RangeType, "slice": SliceType, "property": PropertyType,
		"staticmethod": StaticMethodType, "classmethod": ClassMethodType,
		"enumerate": EnumerateType, "zip": ZipType, "map": MapType,
		"filter": FilterType, "reversed": ReversedType,
		"bytes": BytesType, "bytearray": ByteArrayType, "memoryview": MemoryViewType, "complex": ComplexType,
	} {
		builtinsMap[name] = Obj(t)
	}
	for _, t := range builtinExceptions {
		builtinsMap[t.Name] = Obj(t)
	}
	// Aliases CPython keeps for compatibility.
	builtinsMap["IOError"] = Obj(OSError)
	builtinsMap["EnvironmentError"] = Obj(OSError)
	for name, fn := range map[string]BuiltinFn{
		"print": builtinPrint, "input": builtinInput, "len": builtinLen,
		"repr": builtinRepr, "ascii": builtinASCII, "format": builtinFormat,
		"iter": builtinIter, "next": builtinNext, "any": builtinAny, "all": builtinAll,
		"sorted": builtinSorted, "hash": builtinHash, "id": builtinID,
		"exit": builtinExit, "quit": builtinExit,
		"abs": builtinAbs, "min": builtinMin, "max": builtinMax, "sum": builtinSum,
		"round": builtinRound, "divmod": builtinDivMod, "pow": builtinPow,
		"chr": builtinChr, "ord": builtinOrd, "hex": builtinHex, "oct": builtinOct, "bin": builtinBin,
		"isinstance": builtinIsInstance, "issubclass": builtinIsSubclass,
		"callable": builtinCallable, "getattr": builtinGetAttr, "setattr": builtinSetAttr,
		"hasattr": builtinHasAttr, "delattr": builtinDelAttr, "dir": builtinDir,
		"vars": builtinVars,
	} {
		builtinsMap[name] = NewBuiltin(name, fn)
	}
}

// biFlush flushes w if it buffers.
func biFlush(w io.Writer) {
	if f, ok := w.(interface{ Flush() error }); ok {
		f.Flush()
	}
}

// sysStreamValue returns the current value of sys.stdout (or sys.stderr), or
// the zero Value if the sys module has not been imported on th, in which
// case the thread's own stream is used.
func sysStreamValue(th *Thread, name string) Value {
	if m, ok := th.Modules["sys"]; ok {
		if v, ok := m.Get(name); ok {
			return v
		}
	}
	return Value{}
}

// printSink is where print and input write: either a Go stream of the
// thread, or a script object with a write method.
type printSink struct {
	w    io.Writer
	text *TextFile // a file of open(), written without a method call
	file Value
}

// printSinkFor resolves print's file argument (invalid or None: sys.stdout).
// ok is false when there is nowhere to write (sys.stdout set to None).
func printSinkFor(th *Thread, file Value) (printSink, bool) {
	if !file.IsValid() || file.IsNone() {
		file = sysStreamValue(th, "stdout")
		if !file.IsValid() {
			return printSink{w: th.Stdout}, true
		}
		if file.IsNone() {
			return printSink{}, false
		}
	}
	if s, ok := file.obj.(*StdStream); ok {
		return printSink{w: s.writer(th)}, true
	}
	if t, ok := file.obj.(*TextFile); ok {
		return printSink{text: t}, true
	}
	return printSink{file: file}, true
}

// write writes s to the sink; a script object's write method is called.
func (k printSink) write(th *Thread, s string) error {
	if k.text != nil {
		if err := k.text.check(false, true); err != nil {
			return err
		}
		return k.text.write(th, s)
	}
	if k.w != nil {
		io.WriteString(k.w, s)
		return nil
	}
	wr, err := GetAttr(th, k.file, "write")
	if err != nil {
		return err
	}
	_, err = th.Call(wr, []Value{Str(s)}, nil)
	return err
}

// flush flushes the sink; a script object's flush method is called.
func (k printSink) flush(th *Thread) error {
	if k.text != nil {
		if err := k.text.check(false, false); err != nil {
			return err
		}
		return k.text.b.c.flush()
	}
	if k.w != nil {
		biFlush(k.w)
		return nil
	}
	fl, err := GetAttr(th, k.file, "flush")
	if err != nil {
		return err
	}
	_, err = th.Call(fl, nil, nil)
	return err
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
func builtinPrint(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	sep, end := " ", "\n"
	var file, flush Value
	for _, k := range kw {
		switch k.Name {
		case "sep", "end":
			if !k.Value.IsNone() {
				s, ok := k.Value.obj.(*StrObj)
				if !ok {
					return Value{}, Errorf(TypeError, "%s must be None or a string, not %s", k.Name, k.Value.Type().Name)
				}
				if k.Name == "sep" {
					sep = s.S
				} else {
					end = s.S
				}
			}
		case "file":
			file = k.Value
		case "flush":
			flush = k.Value
		default:
			return Value{}, InvalidKeyword("print", k.Name)
		}
	}
	sink, ok := printSinkFor(th, file)
	if !ok {
		return None, nil
	}
	if sink.w != nil {
		// Writing to a stream of the thread: build the line and write it
		// once. If a __str__ fails, what was built so far is still
		// written, as CPython has written it piecewise by then.
		var b strings.Builder
		for i, a := range args {
			if i > 0 {
				b.WriteString(sep)
			}
			if s, ok := a.obj.(*StrObj); ok {
				b.WriteString(s.S)
				continue
			}
			s, err := ToStr(th, a)
			if err != nil {
				io.WriteString(sink.w, b.String())
				return Value{}, err
			}
			b.WriteString(s)
		}
		b.WriteString(end)
		io.WriteString(sink.w, b.String())
	} else {
		for i, a := range args {
			if i > 0 {
				if err := sink.write(th, sep); err != nil {
					return Value{}, err
				}
			}
			s, err := ToStr(th, a)
			if err != nil {
				return Value{}, err
			}
			if err := sink.write(th, s); err != nil {
				return Value{}, err
			}
		}
		if err := sink.write(th, end); err != nil {
			return Value{}, err
		}
	}
	if flush.IsValid() {
		f, err := Truth(th, flush)
		if err != nil {
			return Value{}, err
		}
		if f {
			if err := sink.flush(th); err != nil {
				return Value{}, err
			}
		}
	}
	return None, nil
}

// input([prompt]) writes the prompt to stdout and reads a line from the
// thread's stdin, without its newline.
func builtinInput(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("input", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	biFlush(th.Stderr)
	if sink, ok := printSinkFor(th, Value{}); ok {
		if len(args) == 1 {
			s, err := ToStr(th, args[0])
			if err != nil {
				return Value{}, err
			}
			if err := sink.write(th, s); err != nil {
				return Value{}, err
			}
		}
		if err := sink.flush(th); err != nil {
			return Value{}, err
		}
	}
	if th.Stdin == nil {
		return Value{}, Errorf(RuntimeError, "input(): lost sys.stdin")
	}
	line, err := readStdinLine(th)
	if err != nil {
		return Value{}, err
	}
	if line == "" {
		return Value{}, Errorf(EOFError, "EOF when reading a line")
	}
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	return Str(line), nil
}

func builtinLen(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("len", args, kw); err != nil {
		return Value{}, err
	}
	n, err := Len(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Int(int64(n)), nil
}

func builtinRepr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("repr", args, kw); err != nil {
		return Value{}, err
	}
	s, err := Repr(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// ascii(obj) is repr(obj) with non-ASCII characters escaped.
func builtinASCII(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("ascii", args, kw); err != nil {
		return Value{}, err
	}
	s, err := ASCII(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// format(value[, format_spec]) calls type(value).__format__.
func builtinFormat(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var v Value
	spec := ""
	if err := UnpackArgs("format", args, kw, "value", &v, "format_spec?", &spec); err != nil {
		return Value{}, err
	}
	s, err := Format(th, v, spec)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// iter(obj) or iter(callable, sentinel).
func builtinIter(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("iter", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	if len(args) == 2 {
		if !IsCallable(args[0]) {
			return Value{}, Errorf(TypeError, "iter(v, w): v must be callable")
		}
		return Obj(&callableIter{fn: args[0], sentinel: args[1]}), nil
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return biIterValue(it), nil
}

// biIterValue returns the script-visible object behind an Iterator: what a
// user __iter__ returned rather than the adapter that drives it.
func biIterValue(it Iterator) Value {
	if u, ok := it.(*userIter); ok {
		return u.obj
	}
	return Obj(it)
}

// next(iterator[, default])
func builtinNext(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("next", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	v, err := Next(th, args[0])
	if err != nil {
		if len(args) == 2 && IsInstance(err, StopIteration) {
			return args[1], nil
		}
		return Value{}, err
	}
	return v, nil
}

// Next advances the iterator v (Python's next(v)): StopIteration when it
// is exhausted, TypeError if v is not an iterator.
func Next(th *Thread, v Value) (Value, error) {
	if it, ok := v.obj.(Iterator); ok && !v.Type().User {
		r, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, NewException(StopIteration)
		}
		return r, nil
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__next__"); found {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "'%s' object is not an iterator", v.Type().Name)
}

func builtinAny(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biAnyAll(th, "any", args, kw, true)
}

func builtinAll(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biAnyAll(th, "all", args, kw, false)
}

// biAnyAll stops at the first item whose truth is stop.
func biAnyAll(th *Thread, fname string, args []Value, kw []Kwarg, stop bool) (Value, error) {
	if _, err := OneArg(fname, args, kw); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	m := workMeter{th: th}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return MakeBool(!stop), nil
		}
		if err := m.add(1); err != nil {
			return Value{}, err
		}
		t, err := Truth(th, x)
		if err != nil {
			return Value{}, err
		}
		if t == stop {
			return MakeBool(stop), nil
		}
	}
}

// sorted(iterable, /, *, key=None, reverse=False)
func builtinSorted(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("sorted", args, nil, 1, 1); err != nil {
		return Value{}, err
	}
	key, reverse := None, false
	for _, k := range kw {
		switch k.Name {
		case "key":
			key = k.Value
		case "reverse":
			// list.sort converts reverse to a C int, not by truth.
			n, err := biCInt(k.Value)
			if err != nil {
				return Value{}, err
			}
			reverse = n != 0
		default:
			return Value{}, InvalidKeyword("sort", k.Name)
		}
	}
	items, err := Collect(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if err := SortValues(th, items, key, reverse); err != nil {
		return Value{}, err
	}
	return NewList(items), nil
}

func builtinHash(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("hash", args, kw); err != nil {
		return Value{}, err
	}
	h, err := Hash(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Int(h), nil
}

func builtinID(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("id", args, kw); err != nil {
		return Value{}, err
	}
	return biUint(ID(args[0])), nil
}

// exit(code=None) and quit(code=None), as the site module defines them.
func builtinExit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var code Value
	if err := UnpackArgs("__call__", args, kw, "code?", &code); err != nil {
		return Value{}, err
	}
	if !code.IsValid() {
		code = None
	}
	return Value{}, NewException(SystemExit, code)
}
