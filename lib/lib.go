// Package lib links aio's standard library into a program: each module is
// a package lib/<module> that registers itself with the runtime in init
// (runtime.RegisterStdModule for its Go part, runtime.RegisterStdSource
// for its aio source), and this package imports them all for their
// registration. Nothing is built before a script imports it.
package lib

// This file lists the standard modules; add one blank import per module.

import (
	_ "github.com/aio-lang/aio/lib/abc"
	_ "github.com/aio-lang/aio/lib/array"
	_ "github.com/aio-lang/aio/lib/base64"
	_ "github.com/aio-lang/aio/lib/bisect"
	_ "github.com/aio-lang/aio/lib/calendar"
	_ "github.com/aio-lang/aio/lib/collections"
	_ "github.com/aio-lang/aio/lib/collectionsabc"
	_ "github.com/aio-lang/aio/lib/contextlib"
	_ "github.com/aio-lang/aio/lib/contextvars"
	_ "github.com/aio-lang/aio/lib/copy"
	_ "github.com/aio-lang/aio/lib/csv"
	_ "github.com/aio-lang/aio/lib/dataclasses"
	_ "github.com/aio-lang/aio/lib/datetime"
	_ "github.com/aio-lang/aio/lib/decimal"
	_ "github.com/aio-lang/aio/lib/difflib"
	_ "github.com/aio-lang/aio/lib/enum"
	_ "github.com/aio-lang/aio/lib/fnmatch"
	_ "github.com/aio-lang/aio/lib/fractions"
	_ "github.com/aio-lang/aio/lib/functools"
	_ "github.com/aio-lang/aio/lib/graphlib"
	_ "github.com/aio-lang/aio/lib/hashlib"
	_ "github.com/aio-lang/aio/lib/heapq"
	_ "github.com/aio-lang/aio/lib/inspect"
	_ "github.com/aio-lang/aio/lib/itertools"
	_ "github.com/aio-lang/aio/lib/json"
	_ "github.com/aio-lang/aio/lib/logging"
	_ "github.com/aio-lang/aio/lib/math"
	_ "github.com/aio-lang/aio/lib/operator"
	_ "github.com/aio-lang/aio/lib/pprint"
	_ "github.com/aio-lang/aio/lib/random"
	_ "github.com/aio-lang/aio/lib/re"
	_ "github.com/aio-lang/aio/lib/shlex"
	_ "github.com/aio-lang/aio/lib/statistics"
	_ "github.com/aio-lang/aio/lib/string"
	_ "github.com/aio-lang/aio/lib/struct"
	_ "github.com/aio-lang/aio/lib/textwrap"
	_ "github.com/aio-lang/aio/lib/time"
	_ "github.com/aio-lang/aio/lib/traceback"
	_ "github.com/aio-lang/aio/lib/types"
	_ "github.com/aio-lang/aio/lib/typing"
	_ "github.com/aio-lang/aio/lib/uuid"
	_ "github.com/aio-lang/aio/lib/weakref"
	_ "github.com/aio-lang/aio/lib/zoneinfo"
)
