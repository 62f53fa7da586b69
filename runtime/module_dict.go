package runtime

// This file gives modules their __dict__, which only the interpreter
// can keep in step with the module's globals.

// ModuleDicts is implemented by a Thread's Host that gives modules a
// __dict__.
type ModuleDicts interface {
	ModuleDict(th *Thread, m *Module) (*Dict, error)
}

// moduleDict returns m.__dict__, or false when the host keeps none.
func moduleDict(th *Thread, m *Module) (Value, bool, error) {
	h, ok := th.Host.(ModuleDicts)
	if !ok {
		return Value{}, false, nil
	}
	d, err := h.ModuleDict(th, m)
	if err != nil {
		return Value{}, true, err
	}
	return Obj(d), true, nil
}
