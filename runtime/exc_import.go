package runtime

// This file gives ImportError (and ModuleNotFoundError) CPython's extra
// constructor keywords and attributes: name, path and msg.

// newImportError makes an ImportError of class cls from its arguments
// and the keywords name= and path=, the only ones it accepts.
func newImportError(cls *Type, args []Value, kw []Kwarg) (Value, error) {
	e := &Exception{Class: cls, Args: append([]Value(nil), args...)}
	for _, k := range kw {
		switch k.Name {
		case "name":
			if s, ok := k.Value.obj.(*StrObj); ok {
				e.Name = s.S
			} else if !k.Value.IsNone() {
				e.setDict("name", k.Value)
			}
		case "path":
			e.setDict("path", k.Value)
		default:
			return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", k.Name, cls.Name)
		}
	}
	return Obj(e), nil
}

// setDict sets an attribute kept in the exception's dict.
func (e *Exception) setDict(name string, v Value) {
	if e.Dict == nil {
		e.Dict = map[string]Value{}
	}
	e.Dict[name] = v
}

// importErrorAttr returns ImportError's msg and path attributes (name is
// shared with NameError's); found is false for other names.
func importErrorAttr(e *Exception, name string) (Value, bool) {
	switch name {
	case "msg":
		if len(e.Args) == 1 {
			return e.Args[0], true
		}
		return None, true
	case "path":
		return None, true // unless set, which Attr finds in Dict first
	}
	return Value{}, false
}
