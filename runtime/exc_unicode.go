package runtime

// This file gives UnicodeDecodeError, UnicodeEncodeError and
// UnicodeTranslateError their constructor arguments (encoding, object,
// start, end, reason; the translate error has no encoding), kept as
// attributes, and the message CPython builds from them.

import "fmt"

// unicodeErrorParams returns how many constructor arguments cls takes and
// whether its object is bytes (decoding) rather than str; n is 0 for
// other classes.
func unicodeErrorParams(cls *Type) (n int, bytesObject bool) {
	switch {
	case cls.IsSubtype(UnicodeDecodeError):
		return 5, true
	case cls.IsSubtype(UnicodeEncodeError):
		return 5, false
	case cls.IsSubtype(UnicodeTranslateError):
		return 4, false
	}
	return 0, false
}

// newUnicodeError builds one of the three from its arguments, checking
// them as CPython's constructors do.
func newUnicodeError(cls *Type, args []Value) (*Exception, error) {
	n, bytesObject := unicodeErrorParams(cls)
	if len(args) != n {
		return nil, Errorf(TypeError, "function takes exactly %d arguments (%d given)", n, len(args))
	}
	e := &Exception{Class: cls, Args: append([]Value(nil), args...), Dict: map[string]Value{}}
	rest := args
	if n == 5 {
		if _, ok := args[0].obj.(*StrObj); !ok {
			return nil, Errorf(TypeError, "argument 1 must be str, not %s", args[0].Type().Name)
		}
		e.Dict["encoding"] = args[0]
		rest = args[1:]
	}
	obj := rest[0]
	if bytesObject {
		b, ok := bufferOf(obj)
		if !ok {
			return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", obj.Type().Name)
		}
		obj = NewBytes(append([]byte(nil), b...))
	} else if _, ok := obj.obj.(*StrObj); !ok {
		return nil, Errorf(TypeError, "argument %d must be str, not %s", n-3, obj.Type().Name)
	}
	e.Dict["object"] = obj
	for i, name := range []string{"start", "end"} {
		if _, ok := asInt64(rest[1+i]); !ok {
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", rest[1+i].Type().Name)
		}
		e.Dict[name] = rest[1+i]
	}
	if _, ok := rest[3].obj.(*StrObj); !ok {
		return nil, Errorf(TypeError, "argument %d must be str, not %s", n, rest[3].Type().Name)
	}
	e.Dict["reason"] = rest[3]
	return e, nil
}

// unicodeErrorMessage is str() of one of the three when it has its
// attributes: "'utf-8' codec can't decode byte 0xff in position 0:
// invalid start byte" and the like.
func unicodeErrorMessage(e *Exception) (string, bool) {
	reason, ok1 := e.Dict["reason"].obj.(*StrObj)
	start, ok2 := asInt64(e.Dict["start"])
	end, ok3 := asInt64(e.Dict["end"])
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	encoding := ""
	if s, ok := e.Dict["encoding"].obj.(*StrObj); ok {
		encoding = s.S
	}
	one := end == start+1
	switch obj := e.Dict["object"].obj.(type) {
	case *Bytes:
		if one && start >= 0 && start < int64(len(obj.B)) {
			return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", encoding, obj.B[start], start, reason.S), true
		}
		return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", encoding, start, end-1, reason.S), true
	case *StrObj:
		runes := []rune(obj.S)
		verb := "encode"
		prefix := fmt.Sprintf("'%s' codec can't ", encoding)
		if e.Class.IsSubtype(UnicodeTranslateError) {
			verb, prefix = "translate", "can't "
		}
		if one && start >= 0 && start < int64(len(runes)) {
			return fmt.Sprintf("%s%s character '%s' in position %d: %s", prefix, verb, escapeRune(runes[start]), start, reason.S), true
		}
		return fmt.Sprintf("%s%s characters in position %d-%d: %s", prefix, verb, start, end-1, reason.S), true
	}
	return "", false
}
