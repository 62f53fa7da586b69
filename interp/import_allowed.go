package interp

// This file computes which standard modules Options.AllowedModules lets
// scripts import: the modules it names, their parent packages, and the
// standard modules their own source imports (so that allowing typing
// does not break it for want of abc and collections.abc).

import (
	"regexp"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// importLine matches the module names of an import statement at the
// start of a line: "import a.b, c as d" or "from a.b import x".
var importLine = regexp.MustCompile(`(?m)^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+([\w.]+)[ \t]+import\b)`)

// stdClosure returns the set of standard modules reachable from names by
// the import statements of their registered sources, with every parent
// package of a dotted name.
func stdClosure(names []string) map[string]bool {
	allowed := map[string]bool{}
	work := append([]string(nil), names...)
	for len(work) > 0 {
		name := work[len(work)-1]
		work = work[:len(work)-1]
		if name == "" || allowed[name] {
			continue
		}
		allowed[name] = true
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			work = append(work, name[:i])
		}
		for _, m := range importLine.FindAllSubmatch(runtime.StdSource(name), -1) {
			if len(m[2]) > 0 {
				work = append(work, string(m[2]))
				continue
			}
			for _, part := range strings.Split(string(m[1]), ",") {
				if f := strings.Fields(part); len(f) > 0 {
					work = append(work, f[0])
				}
			}
		}
	}
	return allowed
}
