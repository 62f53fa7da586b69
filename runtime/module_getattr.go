package runtime

// This file implements a module's own __getattr__ (PEP 562): when the
// ordinary lookup of an attribute of a module fails, a function named
// __getattr__ in the module's namespace is called with the name, and
// its result (or exception) stands for the lookup's. Standard modules
// use it to load rarely used parts only when a program asks for them.

// moduleGetattr retries a failed attribute lookup on m through m's
// __getattr__; err is the lookup's error, returned as it is when it is
// not an AttributeError or m defines no __getattr__.
func moduleGetattr(th *Thread, m *Module, name string, err error) (Value, error) {
	e, ok := err.(*Exception)
	if !ok || !e.Class.IsSubtype(AttributeError) {
		return Value{}, err
	}
	hook, ok := m.Get("__getattr__")
	if !ok || !hook.IsValid() {
		return Value{}, err
	}
	return th.Call(hook, []Value{Str(name)}, nil)
}
