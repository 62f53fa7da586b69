// Package keyword is aio's keyword module: Python 3.11's reserved words
// and soft keywords, and membership tests for them.
package keyword

// This file registers and builds the module.

import (
	"slices"

	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("keyword", load) }

var (
	hard = []string{"False", "None", "True", "and", "as", "assert", "async", "await", "break",
		"class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
		"global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
		"raise", "return", "try", "while", "with", "yield"}
	soft = []string{"_", "case", "match"}
)

func strList(words []string) runtime.Value {
	items := make([]runtime.Value, len(words))
	for i, w := range words {
		items[i] = runtime.Str(w)
	}
	return runtime.NewList(items)
}

// member makes a test of whether its argument is one of words; anything
// but a str is not.
func member(name string, words []string) runtime.Value {
	return runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		v, err := runtime.OneArg(name, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		s, ok := runtime.As[*runtime.StrObj](v)
		return runtime.MakeBool(ok && slices.Contains(words, s.S)), nil
	})
}

func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("keyword")
	m.Set("__all__", strList([]string{"iskeyword", "issoftkeyword", "kwlist", "softkwlist"}))
	m.Set("kwlist", strList(hard))
	m.Set("softkwlist", strList(soft))
	m.Set("iskeyword", member("iskeyword", hard))
	m.Set("issoftkeyword", member("issoftkeyword", soft))
	return m
}
