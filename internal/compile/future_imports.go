package compile

// This file checks a module's `from __future__ import` statements as
// CPython's compiler does.

import "github.com/aio-lang/aio/ast"

// futureImports checks the module's `from __future__ import` statements
// as CPython's compiler does: they must open the module, after its
// docstring, and name known features (postponesAnnotations notes the
// annotations one).
func (c *compiler) futureImports(body []ast.Stmt) {
	atStart := true
	for i, st := range body {
		s, isFrom := st.(*ast.ImportFrom)
		if !isFrom || s.Module != "__future__" || s.Level != 0 {
			if e, isExpr := st.(*ast.ExprStmt); isExpr && i == 0 {
				if k, isConst := e.Value.(*ast.Constant); isConst && k.Kind == ast.ConstStr {
					continue // the docstring
				}
			}
			atStart = false
			continue
		}
		if !atStart {
			c.errorf(s, "from __future__ imports must occur at the beginning of the file")
			return
		}
		for _, a := range s.Names {
			switch {
			case a.Name == "braces":
				c.errorf(a, "not a chance")
				return
			case !isFutureFeature(a.Name):
				c.errorf(a, "future feature "+a.Name+" is not defined")
				return
			}
		}
	}
}

// isFutureFeature reports whether __future__ defines name.
func isFutureFeature(name string) bool {
	for _, f := range FutureFeatures {
		if f.Name == name {
			return true
		}
	}
	return false
}

// FutureFeature is a feature name of __future__ with the releases in
// which it became optional and mandatory ((0, 0, 0): not yet).
type FutureFeature struct {
	Name                string
	Optional, Mandatory [3]int64
}

// FutureFeatures are CPython 3.11's __future__ features.
var FutureFeatures = []FutureFeature{
	{"nested_scopes", [3]int64{2, 1, 0}, [3]int64{2, 2, 0}},
	{"generators", [3]int64{2, 2, 0}, [3]int64{2, 3, 0}},
	{"division", [3]int64{2, 2, 0}, [3]int64{3, 0, 0}},
	{"absolute_import", [3]int64{2, 5, 0}, [3]int64{3, 0, 0}},
	{"with_statement", [3]int64{2, 5, 0}, [3]int64{2, 6, 0}},
	{"print_function", [3]int64{2, 6, 0}, [3]int64{3, 0, 0}},
	{"unicode_literals", [3]int64{2, 6, 0}, [3]int64{3, 0, 0}},
	{"barry_as_FLUFL", [3]int64{3, 1, 0}, [3]int64{4, 0, 0}},
	{"generator_stop", [3]int64{3, 5, 0}, [3]int64{3, 7, 0}},
	{"annotations", [3]int64{3, 7, 0}, [3]int64{}},
}
