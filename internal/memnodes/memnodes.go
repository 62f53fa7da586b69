// Package memnodes finds, in a package's source, the object types that do
// not tell the memory walker their size: every type with a `Type()`
// method returning a *Type (an aio object) must also have `Footprint` and
// `Referents` methods (runtime.MemNode). The runtime and interp packages'
// tests call it, so that a new object type that forgets them fails a test
// instead of going unmeasured.
package memnodes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Missing parses the non-test Go files of dir and returns the names of
// the receiver types that have a Type method returning *Type (or
// *runtime.Type) but lack Footprint or Referents, except those in skip,
// and how many such object types it found in all.
func Missing(dir string, skip ...string) (missing []string, found int, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	fset := token.NewFileSet()
	objects := map[string]bool{}
	methods := map[string]map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, 0, err
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
				continue
			}
			recv := receiverName(fd.Recv.List[0].Type)
			if methods[recv] == nil {
				methods[recv] = map[string]bool{}
			}
			methods[recv][fd.Name.Name] = true
			if fd.Name.Name == "Type" && fd.Type.Params.NumFields() == 0 && returnsType(fd.Type.Results) {
				objects[recv] = true
			}
		}
	}
	for _, s := range skip {
		delete(objects, s)
	}
	for name := range objects {
		if !methods[name]["Footprint"] || !methods[name]["Referents"] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	return missing, len(objects), nil
}

// receiverName returns the type name of a method receiver (T or *T).
func receiverName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// returnsType reports whether a result list is a single *Type or
// *pkg.Type.
func returnsType(r *ast.FieldList) bool {
	if r == nil || len(r.List) != 1 {
		return false
	}
	s, ok := r.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	switch x := s.X.(type) {
	case *ast.Ident:
		return x.Name == "Type"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Type"
	}
	return false
}
