// Package operator is Python's operator module: the operators as
// functions, and the itemgetter, attrgetter and methodcaller callables.
package operator

// This file defines the module and its plain functions.

import (
	"strings"

	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("operator", load) }

// binaryOps maps the module's names of binary operators to the runtime's.
var binaryOps = map[string]runtime.Op{
	"add": runtime.OpAdd, "sub": runtime.OpSub, "mul": runtime.OpMul,
	"matmul": runtime.OpMatMul, "truediv": runtime.OpTrueDiv,
	"floordiv": runtime.OpFloorDiv, "mod": runtime.OpMod, "pow": runtime.OpPow,
	"lshift": runtime.OpLShift, "rshift": runtime.OpRShift, "or_": runtime.OpOr,
	"xor": runtime.OpXor, "and_": runtime.OpAnd,
}

// comparisons maps the comparison functions' names to the operators.
var comparisons = map[string]runtime.CmpOp{
	"lt": runtime.CmpLT, "le": runtime.CmpLE, "eq": runtime.CmpEQ,
	"ne": runtime.CmpNE, "gt": runtime.CmpGT, "ge": runtime.CmpGE,
}

// unary are the one-argument functions.
var unary = map[string]func(th *runtime.Thread, v runtime.Value) (runtime.Value, error){
	"neg":    runtime.Neg,
	"pos":    runtime.Pos,
	"invert": runtime.Invert,
	"inv":    runtime.Invert,
	"abs":    runtime.Abs,
	"not_": func(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
		t, err := runtime.Truth(th, v)
		return runtime.MakeBool(!t), err
	},
	"truth": func(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
		t, err := runtime.Truth(th, v)
		return runtime.MakeBool(t), err
	},
	"index": runtime.ToIndex,
}

// dunderName is the __name__ alias of a function ("and_" is __and__).
func dunderName(name string) string { return "__" + strings.TrimSuffix(name, "_") + "__" }

// load builds the operator module.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("operator")
	set := func(name string, fn runtime.BuiltinFn, alias bool) {
		v := runtime.NewBuiltin(name, fn)
		m.Set(name, v)
		if alias {
			m.Set(dunderName(name), v)
		}
	}
	for name, op := range binaryOps {
		set(name, binary(name, op, false), true)
		in := "i" + strings.TrimSuffix(name, "_")
		set(in, binary(in, op, true), true)
	}
	for name, op := range comparisons {
		set(name, compare(name, op), true)
	}
	for name, f := range unary {
		set(name, unaryFn(name, f), name != "truth" && name != "not_")
	}
	m.Set("__not__", runtime.NewBuiltin("not_", unaryFn("not_", unary["not_"])))
	for name, fn := range map[string]runtime.BuiltinFn{
		"is_": isFn(true), "is_not": isFn(false), "concat": concat(false), "iconcat": concat(true),
		"contains": contains, "countOf": countOf, "indexOf": indexOf,
		"getitem": getItem, "setitem": setItem, "delitem": delItem,
		"length_hint": lengthHint, "call": call,
	} {
		set(name, fn, name == "concat" || name == "iconcat" || name == "contains" || name == "getitem" || name == "setitem" || name == "delitem" || name == "call")
	}
	m.Set("itemgetter", runtime.Obj(itemGetterType))
	m.Set("attrgetter", runtime.Obj(attrGetterType))
	m.Set("methodcaller", runtime.Obj(methodCallerType))
	return m
}

// binary returns the function of a binary operator, or of its in-place
// form.
func binary(name string, op runtime.Op, inPlace bool) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		if inPlace {
			return runtime.InPlace(th, op, args[0], args[1])
		}
		return runtime.Binary(th, op, args[0], args[1])
	}
}

// compare returns a rich comparison function.
func compare(name string, op runtime.CmpOp) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Compare(th, op, args[0], args[1])
	}
}

// unaryFn wraps a one-operand function.
func unaryFn(name string, f func(*runtime.Thread, runtime.Value) (runtime.Value, error)) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		x, err := runtime.OneArg("_operator."+name, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		return f(th, x)
	}
}

// isFn is is_ (same) or is_not.
func isFn(same bool) runtime.BuiltinFn {
	name := "is_"
	if !same {
		name = "is_not"
	}
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeBool(args[0].Is(args[1]) == same), nil
	}
}

// concat is concat(a, b) (or iconcat): a + b for sequences only.
func concat(inPlace bool) runtime.BuiltinFn {
	name := "concat"
	if inPlace {
		name = "iconcat"
	}
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		if !isSequence(args[0]) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object can't be concatenated", args[0].Type().Name)
		}
		if inPlace {
			return runtime.InPlace(th, runtime.OpAdd, args[0], args[1])
		}
		return runtime.Binary(th, runtime.OpAdd, args[0], args[1])
	}
}

// isSequence reports whether v supports indexing as a sequence.
func isSequence(v runtime.Value) bool {
	switch v.Type() {
	case runtime.DictType:
		return false
	case runtime.StrType, runtime.ListType, runtime.TupleType:
		return true
	}
	_, ok := v.Type().Lookup("__getitem__")
	return ok
}

// contains is contains(a, b): b in a.
func contains(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("contains", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	in, err := runtime.Contains(th, args[0], args[1])
	return runtime.MakeBool(in), err
}

// scan calls f with the index of each item of a equal to b until f
// returns false.
func scan(th *runtime.Thread, a, b runtime.Value, f func(i int64) bool) error {
	it, err := runtime.Iter(th, a)
	if err != nil {
		return err
	}
	for i := int64(0); ; i++ {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		eq, err := runtime.Equal(th, v, b)
		if err != nil {
			return err
		}
		if eq && !f(i) {
			return nil
		}
		if i&4095 == 4095 {
			if err := th.Work(4096); err != nil {
				return err
			}
		}
	}
}

// countOf is countOf(a, b): how many items of a equal b.
func countOf(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("countOf", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	n := int64(0)
	err := scan(th, args[0], args[1], func(int64) bool { n++; return true })
	return runtime.Int(n), err
}

// indexOf is indexOf(a, b): the index of the first item of a equal to b.
func indexOf(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("indexOf", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	at := int64(-1)
	if err := scan(th, args[0], args[1], func(i int64) bool { at = i; return false }); err != nil {
		return runtime.Value{}, err
	}
	if at < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "sequence.index(x): x not in sequence")
	}
	return runtime.Int(at), nil
}

// getItem is getitem(a, b): a[b].
func getItem(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("getitem", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	return runtime.GetItem(th, args[0], args[1])
}

// setItem is setitem(a, b, c): a[b] = c.
func setItem(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("setitem", args, kw, 3, 3); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, runtime.SetItem(th, args[0], args[1], args[2])
}

// delItem is delitem(a, b): del a[b].
func delItem(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("delitem", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, runtime.DelItem(th, args[0], args[1])
}

// lengthHint is length_hint(obj, default=0): len(obj), else its
// __length_hint__, else default.
func lengthHint(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("length_hint", args, kw, 1, 2); err != nil {
		return runtime.Value{}, err
	}
	def := int64(0)
	if len(args) == 2 {
		if !args[1].IsSmallInt() && args[1].Type() != runtime.IntType {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", args[1].Type().Name)
		}
		def, _ = runtime.IndexValue(args[1])
	}
	if n, err := runtime.Len(th, args[0]); err == nil {
		return runtime.Int(int64(n)), nil
	} else if !runtime.IsInstance(err, runtime.TypeError) {
		return runtime.Value{}, err
	}
	r, found, err := th.CallMethod(args[0], "__length_hint__")
	if !found {
		return runtime.Int(def), nil
	}
	if err != nil {
		return runtime.Value{}, err
	}
	if r.Is(runtime.NotImplemented) {
		return runtime.Int(def), nil
	}
	n, err := runtime.IndexValue(r)
	if err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "__length_hint__ must be an integer, not %s", r.Type().Name)
	}
	if n < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "__length_hint__() should return >= 0")
	}
	return runtime.Int(n), nil
}

// call is call(obj, /, *args, **kwargs).
func call(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "call() missing 1 required positional argument: 'obj'")
	}
	return th.Call(args[0], append([]runtime.Value(nil), args[1:]...), kw)
}
