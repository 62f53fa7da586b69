// Package lib links aio's standard library into a program: each module is
// a package lib/<module> that registers itself with the runtime in init
// (runtime.RegisterStdModule for its Go part, runtime.RegisterStdSource
// for its aio source), and this package imports them all for their
// registration. Nothing is built before a script imports it.
package lib

// This file lists the standard modules; add one blank import per module.

import (
	_ "github.com/aio-lang/aio/lib/abc"
	_ "github.com/aio-lang/aio/lib/collectionsabc"
	_ "github.com/aio-lang/aio/lib/concurrent"
	_ "github.com/aio-lang/aio/lib/contextlib"
	_ "github.com/aio-lang/aio/lib/dataclasses"
	_ "github.com/aio-lang/aio/lib/difflib"
	_ "github.com/aio-lang/aio/lib/fnmatch"
	_ "github.com/aio-lang/aio/lib/hashlib"
	_ "github.com/aio-lang/aio/lib/json"
	_ "github.com/aio-lang/aio/lib/re"
	_ "github.com/aio-lang/aio/lib/shlex"
	_ "github.com/aio-lang/aio/lib/signal"
	_ "github.com/aio-lang/aio/lib/socket"
	_ "github.com/aio-lang/aio/lib/string"
	_ "github.com/aio-lang/aio/lib/subprocess"
	_ "github.com/aio-lang/aio/lib/textwrap"
	_ "github.com/aio-lang/aio/lib/typing"
)
