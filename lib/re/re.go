// Package re is aio's re module: Python's regular expressions. The
// pattern is parsed here (for CPython's syntax, group numbering and error
// messages) and translated for regexp2, a backtracking engine with the
// features Python's syntax needs (look-around, back-references, atomic
// groups, conditionals); see parse.go for the translation and engine.go
// for how matches are run and bounded.
package re

// This file registers the module and defines its functions and the cache
// of compiled patterns.

import (
	_ "embed"
	"strings"

	"github.com/aio-lang/aio/runtime"
	"github.com/dlclark/regexp2/v2"
)

//go:embed re.aio
var source []byte

func init() {
	// A finer clock than regexp2's default (100 ms) lets a runaway match
	// notice its timeout soon enough for a cancelled script to stop
	// promptly (see engine.go).
	regexp2.SetTimeoutCheckPeriod(clockPeriod)
	runtime.RegisterStdModule("re", load)
	runtime.RegisterStdSource("re", source)
}

// maxCache is how many compiled patterns the module keeps, as CPython's.
const maxCache = 512

// cacheKey identifies a compiled pattern in the module's cache.
type cacheKey struct {
	text    string
	isBytes bool
	flags   int
}

// module is the state of one interpreter's re module.
type module struct {
	mod   *runtime.Module
	cache map[cacheKey]*Pattern
	order []cacheKey
	// lastText and lastSubject are the last immutable text decoded and
	// its decoding (see Pattern.newSubject).
	lastText    runtime.Object
	lastSubject *subject
}

// remember keeps the decoding of an immutable text for the next call.
func (m *module) remember(text runtime.Object, s *subject) {
	m.lastText, m.lastSubject = text, s
}

// load builds the Go part of the module; re.aio completes it (with the
// error class and the flag constants).
func load(th *runtime.Thread) *runtime.Module {
	m := &module{mod: runtime.NewModule("re"), cache: map[cacheKey]*Pattern{}}
	set := m.mod.Set
	set("Pattern", runtime.Obj(PatternType))
	set("Match", runtime.Obj(MatchType))
	fns := map[string]runtime.BuiltinFn{
		"compile": m.compileFn, "purge": m.purge, "escape": escapeFn,
		"search": m.callMethod("search", patternSearch), "match": m.callMethod("match", patternMatch),
		"fullmatch": m.callMethod("fullmatch", patternFullmatch), "findall": m.callMethod("findall", patternFindall),
		"finditer": m.callMethod("finditer", patternFinditer), "split": m.callMethod("split", patternSplit),
		"sub": m.callMethod("sub", patternSub), "subn": m.callMethod("subn", patternSubn),
	}
	for name, fn := range fns {
		set(name, runtime.NewBuiltin(name, fn))
	}
	return m.mod
}

// raise builds a re.error (the class defined in re.aio) for a parse error
// in pattern.
func (m *module) raise(th *runtime.Thread, pe *parseError, pattern runtime.Value) error {
	cls, ok := m.mod.Get("error")
	if !ok {
		return runtime.Errorf(runtime.ValueError, "%s", pe.msg)
	}
	args := []runtime.Value{runtime.Str(pe.msg), runtime.None, runtime.None}
	if pe.pos >= 0 {
		args[1], args[2] = pattern, runtime.Int(int64(pe.pos))
	}
	exc, err := th.Call(cls, args, nil)
	if err != nil {
		return err
	}
	if e, ok := exc.Object().(*runtime.Exception); ok {
		return e
	}
	return runtime.Errorf(runtime.TypeError, "re.error did not build an exception")
}

// compile returns the compiled pattern for a pattern value and flags,
// from the cache when it was compiled before.
func (m *module) compile(th *runtime.Thread, pattern runtime.Value, flags int) (*Pattern, error) {
	if p, ok := pattern.Object().(*Pattern); ok {
		if flags != 0 {
			return nil, runtime.Errorf(runtime.ValueError, "cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	var key cacheKey
	var runes []rune
	switch o := pattern.Object().(type) {
	case *runtime.StrObj:
		key = cacheKey{text: o.S, flags: flags}
	case *runtime.Bytes:
		key = cacheKey{text: string(o.B), isBytes: true, flags: flags}
	default:
		return nil, runtime.Errorf(runtime.TypeError, "first argument must be string or compiled pattern")
	}
	if p, ok := m.cache[key]; ok {
		return p, nil
	}
	if key.isBytes {
		runes = bytesRunes([]byte(key.text))
	} else {
		runes = []rune(key.text)
	}
	if err := th.Work(int64(len(runes))); err != nil {
		return nil, err
	}
	tr, err := translate(runes, flags, key.isBytes)
	if err != nil {
		if pe, ok := err.(*parseError); ok && pe.pos == flagConflict {
			return nil, runtime.Errorf(runtime.ValueError, "%s", pe.msg)
		}
		if pe, ok := err.(*parseError); ok {
			return nil, m.raise(th, pe, pattern)
		}
		return nil, err
	}
	p := &Pattern{mod: m, source: pattern, isBytes: key.isBytes, eng: &engine{tr: tr}}
	if len(m.order) >= maxCache {
		delete(m.cache, m.order[0])
		m.order = m.order[1:]
	}
	m.cache[key] = p
	m.order = append(m.order, key)
	return p, nil
}

// bytesRunes widens bytes to one rune per byte, the engine's view of a
// bytes subject or pattern.
func bytesRunes(b []byte) []rune {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return r
}

func (m *module) compileFn(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pattern runtime.Value
	flags := 0
	if err := runtime.UnpackArgs("compile", args, kw, "pattern", &pattern, "flags?", &flags); err != nil {
		return runtime.Value{}, err
	}
	p, err := m.compile(th, pattern, flags)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(p), nil
}

func (m *module) purge(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("purge", args, kw); err != nil {
		return runtime.Value{}, err
	}
	m.cache = map[cacheKey]*Pattern{}
	m.order = nil
	return runtime.None, nil
}

// callMethod makes the module-level form of a Pattern method: the
// pattern (and a trailing flags argument) come first, the method's own
// arguments follow.
func (m *module) callMethod(name string, method runtime.BuiltinFn) runtime.BuiltinFn {
	// nargs is the number of the method's own parameters that the
	// module-level function takes before flags.
	nargs := map[string]int{"sub": 3, "subn": 3, "split": 2}[name]
	if nargs == 0 {
		nargs = 1
	}
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var pattern runtime.Value
		flags := 0
		var a [3]runtime.Value
		var pairs []any
		pairs = append(pairs, "pattern", &pattern)
		switch name {
		case "sub", "subn":
			pairs = append(pairs, "repl", &a[0], "string", &a[1], "count?", &a[2])
		case "split":
			pairs = append(pairs, "string", &a[0], "maxsplit?", &a[1])
		default:
			pairs = append(pairs, "string", &a[0])
		}
		pairs = append(pairs, "flags?", &flags)
		if err := runtime.UnpackArgs(name, args, kw, pairs...); err != nil {
			return runtime.Value{}, err
		}
		p, err := m.compile(th, pattern, flags)
		if err != nil {
			return runtime.Value{}, err
		}
		margs := make([]runtime.Value, 0, nargs)
		for i := 0; i < nargs; i++ {
			if a[i].IsValid() {
				margs = append(margs, a[i])
			}
		}
		return method(th, runtime.Obj(p), margs, nil)
	}
}

// escapeFn is re.escape: every character that could be special gets a
// backslash.
func escapeFn(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pattern runtime.Value
	if err := runtime.UnpackArgs("escape", args, kw, "pattern", &pattern); err != nil {
		return runtime.Value{}, err
	}
	const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
	switch o := pattern.Object().(type) {
	case *runtime.StrObj:
		if err := th.Work(int64(len(o.S))); err != nil {
			return runtime.Value{}, err
		}
		var b strings.Builder
		for _, r := range o.S {
			if r < 0x80 && strings.ContainsRune(special, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return runtime.Str(b.String()), nil
	case *runtime.Bytes:
		if err := th.Work(int64(len(o.B))); err != nil {
			return runtime.Value{}, err
		}
		out := make([]byte, 0, len(o.B))
		for _, c := range o.B {
			if c < 0x80 && strings.IndexByte(special, c) >= 0 {
				out = append(out, '\\')
			}
			out = append(out, c)
		}
		return runtime.NewBytes(out), nil
	}
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected str or bytes, got '%s'", pattern.Type().Name)
}
