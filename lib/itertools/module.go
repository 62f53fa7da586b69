package itertools

// This file registers the itertools module and its classes.

import (
	"github.com/aio-lang/aio/runtime"
)

// The classes of the module, and the types of the objects groupby and
// tee hand out.
var (
	chainType   = newClass("chain", chainNew)
	grouperType = newClass("_grouper", nil)
	teeType     = newClass("_tee", nil)
)

// classes are the module's classes by name; built in init so that the
// step functions that keep state get a fresh closure per object.
var classes map[string]*runtime.Type

func init() {
	chainType.SetAttr("from_iterable", runtime.NewBuiltin("from_iterable", chainFromIterable))
	grouperType.New = noNew
	teeType.New = noNew
	teeType.Methods(map[string]runtime.BuiltinFn{"__copy__": teeCopy})
	classes = map[string]*runtime.Type{
		"count":      newClass("count", countNew),
		"cycle":      newClass("cycle", cycleNew),
		"repeat":     newClass("repeat", repeatNew),
		"accumulate": newClass("accumulate", accumulateNew),
		"chain":      chainType,
		"compress":   newClass("compress", compressNew),
		"dropwhile": newClass("dropwhile", func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return predicateIter("dropwhile", dropwhileStep())(th, cls, args, kw)
		}),
		"takewhile": newClass("takewhile", func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return predicateIter("takewhile", takewhileStep())(th, cls, args, kw)
		}),
		"filterfalse":                   newClass("filterfalse", predicateIter("filterfalse", filterfalseStep)),
		"groupby":                       newClass("groupby", groupbyNew),
		"islice":                        newClass("islice", isliceNew),
		"pairwise":                      newClass("pairwise", pairwiseNew),
		"starmap":                       newClass("starmap", starmapNew),
		"zip_longest":                   newClass("zip_longest", zipLongestNew),
		"product":                       newClass("product", productNew),
		"permutations":                  newClass("permutations", permutationsNew),
		"combinations":                  newClass("combinations", combinationsNew),
		"combinations_with_replacement": newClass("combinations_with_replacement", cwrNew),
		"_grouper":                      grouperType,
		"_tee":                          teeType,
	}
	runtime.RegisterStdModule("itertools", load)
}

// noNew refuses to make the types that only groupby and tee create.
func noNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot create 'itertools.%s' instances", cls.Name)
}

// load builds the module: its classes and the tee function.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("itertools")
	for name, cls := range classes {
		m.Set(name, runtime.Obj(cls))
	}
	m.Set("tee", runtime.NewBuiltin("tee", tee))
	return m
}
