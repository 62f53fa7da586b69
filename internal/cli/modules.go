package cli

// This file grants scripts run by the command the file system to import
// their own modules from, as CPython does: the script's directory (the
// current directory for -c, - and the REPL), then the directories of
// AIO_PATH, the counterpart of PYTHONPATH.

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/aio-lang/aio/interp"
)

// grantModules sets opts' module file system and sys.path for the script
// filename (fromCwd: the program does not come from a file).
func grantModules(opts *interp.Options, filename string, fromCwd bool) {
	var path []string
	if fromCwd || filename == "<stdin>" {
		path = append(path, "") // CPython's entry for the current directory
	} else if abs, err := filepath.Abs(filepath.Dir(filename)); err == nil {
		path = append(path, filepath.ToSlash(abs))
	}
	for _, p := range strings.Split(os.Getenv("AIO_PATH"), string(os.PathListSeparator)) {
		if p == "" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			path = append(path, filepath.ToSlash(abs))
		}
	}
	// sys.path holds absolute paths, which the importer reads relative
	// to this root, and relative ones, relative to the current directory.
	opts.ModuleFS = os.DirFS("/")
	opts.ModulePath = path
	if wd, err := os.Getwd(); err == nil {
		opts.ModuleDir = filepath.ToSlash(wd)
	}
}
