// Package pyjson is aio's json module. The encoder and the decoder are Go
// (encode.go, decode.go); the public classes and functions are aio source
// (json.aio) over three private functions, so that scripts can subclass
// JSONEncoder and JSONDecoder as they do in CPython.
package pyjson

// This file registers the module and builds its Go part: _encode,
// _iterencode and _decode, which take the encoder or decoder object and
// read its options from its attributes.

import (
	_ "embed"
	"unicode/utf8"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

//go:embed json.aio
var source []byte

func init() {
	runtime.RegisterStdModule("json", load)
	runtime.RegisterStdSource("json", source)
	runtime.RegisterStdSource("json.decoder", []byte("from json import JSONDecoder, JSONDecodeError\n"))
	runtime.RegisterStdSource("json.encoder", []byte("from json import JSONEncoder\n"+
		"from json import _quote as encode_basestring, _quote_ascii as encode_basestring_ascii\n"+
		"INFINITY = float('inf')\n"))
}

// load builds the Go part of the json module.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("json")
	m.Set("_encode", runtime.NewBuiltin("_encode", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return encodeFn(th, args, kw, false)
	}))
	m.Set("_iterencode", runtime.NewBuiltin("_iterencode", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return encodeFn(th, args, kw, true)
	}))
	m.Set("_decode", runtime.NewBuiltin("_decode", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return decodeFn(th, m, args, kw)
	}))
	return m
}

// attr reads an option attribute of an encoder or decoder object.
func attr(th *runtime.Thread, o runtime.Value, name string) (runtime.Value, error) {
	return runtime.GetAttr(th, o, name)
}

// boolAttr reads an option attribute as a truth value.
func boolAttr(th *runtime.Thread, o runtime.Value, name string) (bool, error) {
	v, err := attr(th, o, name)
	if err != nil {
		return false, err
	}
	return runtime.Truth(th, v)
}

// newEncoder reads the options of the encoder object enc.
func newEncoder(th *runtime.Thread, enc runtime.Value) (*encoder, error) {
	e := &encoder{th: th}
	var err error
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"skipkeys", &e.skipKeys}, {"ensure_ascii", &e.ensureASCII}, {"check_circular", &e.checkCircular},
		{"allow_nan", &e.allowNaN}, {"sort_keys", &e.sortKeys}} {
		if *b.dst, err = boolAttr(th, enc, b.name); err != nil {
			return nil, err
		}
	}
	ind, err := attr(th, enc, "indent")
	if err != nil {
		return nil, err
	}
	if e.indent, e.hasIndent, err = indentText(th, ind); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		name string
		dst  *string
	}{{"item_separator", &e.itemSep}, {"key_separator", &e.keySep}} {
		v, err := attr(th, enc, s.name)
		if err != nil {
			return nil, err
		}
		if *s.dst, err = runtime.ToStr(th, v); err != nil {
			return nil, err
		}
	}
	if e.deflt, err = attr(th, enc, "default"); err != nil {
		return nil, err
	}
	return e, nil
}

// encodeFn is _encode(encoder, obj) and _iterencode(encoder, obj): the
// JSON text of obj as one str, or as the list of chunks that CPython's
// iterencode yields.
func encodeFn(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg, chunked bool) (runtime.Value, error) {
	var enc, obj runtime.Value
	if err := runtime.UnpackArgs("_encode", args, kw, "encoder", &enc, "obj", &obj); err != nil {
		return runtime.Value{}, err
	}
	e, err := newEncoder(th, enc)
	if err != nil {
		return runtime.Value{}, err
	}
	e.chunked = chunked
	if err := e.encode(obj); err != nil {
		return runtime.Value{}, err
	}
	if err := th.Alloc(int64(len(e.buf))); err != nil { // the str made from it
		return runtime.Value{}, err
	}
	if len(e.buf) == 0 {
		return runtime.Str(""), nil
	}
	// The buffer is not touched again: the str takes it over uncopied.
	out := unsafe.String(&e.buf[0], len(e.buf))
	if !chunked {
		return runtime.Str(out), nil
	}
	e.cut()
	chunks := make([]runtime.Value, 0, len(e.cuts))
	prev := 0
	for _, c := range e.cuts {
		chunks = append(chunks, runtime.Str(out[prev:c]))
		prev = c
	}
	return runtime.NewList(chunks), nil
}

// decodeFn is _decode(decoder, s, idx, whole): with whole, the value of
// the entire document s (white space around it allowed); otherwise the
// tuple (value, end) of raw_decode for the value starting at index idx.
func decodeFn(th *runtime.Thread, m *runtime.Module, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var dec, doc runtime.Value
	var idx int
	var whole bool
	if err := runtime.UnpackArgs("_decode", args, kw, "decoder", &dec, "s", &doc, "idx", &idx, "whole", &whole); err != nil {
		return runtime.Value{}, err
	}
	s, ok := runtime.As[*runtime.StrObj](doc)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "first argument must be a string, not %s", doc.Type().Name)
	}
	errClass, _ := m.Get("JSONDecodeError")
	d := &decoder{th: th, doc: s.S, docValue: doc, ascii: isASCII(s.S), errClass: errClass}
	var err error
	if d.strict, err = boolAttr(th, dec, "strict"); err != nil {
		return runtime.Value{}, err
	}
	for _, h := range []struct {
		name string
		dst  *runtime.Value
	}{{"object_hook", &d.objectHook}, {"object_pairs_hook", &d.pairsHook}, {"parse_float", &d.parseFloat},
		{"parse_int", &d.parseInt}, {"parse_constant", &d.parseConstant}} {
		if *h.dst, err = attr(th, dec, h.name); err != nil {
			return runtime.Value{}, err
		}
	}
	// The built-in conversions are what the scanner does itself.
	if d.parseFloat.Is(runtime.Obj(runtime.FloatType)) {
		d.parseFloat = runtime.None
	}
	if d.parseInt.Is(runtime.Obj(runtime.IntType)) {
		d.parseInt = runtime.None
	}
	if idx < 0 {
		return runtime.Value{}, d.raise(d.fail("Expecting value", 0))
	}
	start := byteOffset(d.doc, d.ascii, idx)
	if start < 0 {
		return runtime.Value{}, d.raise(&syntaxError{"Expecting value", len(d.doc)})
	}
	if whole {
		start = d.skipSpace(start)
	}
	v, end, err := d.value(start)
	if err != nil {
		return runtime.Value{}, d.raise(err)
	}
	if whole {
		end = d.skipSpace(end)
		if end != len(d.doc) {
			return runtime.Value{}, d.raise(d.fail("Extra data", end))
		}
		return v, nil
	}
	return runtime.TupleOf(v, runtime.Int(int64(d.charPos(end)))), nil
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
