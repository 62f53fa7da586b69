package interp

// This file defines host modules: modules made of Go functions and values
// that scripts import like the standard ones (`import shop`).

import (
	"fmt"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// Module is a module defined by the host: a name and members (Go values,
// functions, HostFuncs, exception classes). A Module holds Go values only;
// each interpreter that registers it converts the members into its own
// module object, so one Module may be registered in any number of
// interpreters, concurrently. Build it before registering it.
type Module struct {
	name    string
	names   []string
	members map[string]any
}

// NewModule starts a host module that scripts import as name.
func NewModule(name string) *Module {
	return &Module{name: name, members: map[string]any{}}
}

// Name returns the module's name.
func (m *Module) Name() string { return m.name }

// Set adds a member: any value ToValue converts (a Go func becomes a
// function, see Func), a *HostFunc, an exception class
// (runtime.Value of a *runtime.Type, or the *runtime.Type itself). It
// returns m, for chaining.
func (m *Module) Set(name string, v any) *Module {
	if _, ok := m.members[name]; !ok {
		m.names = append(m.names, name)
	}
	m.members[name] = v
	return m
}

// Func adds the Go function fn as the member name (see Func).
func (m *Module) Func(name string, fn any) *Module { return m.Set(name, Func(name, fn)) }

// AsyncFunc adds fn as the async function name (see AsyncFunc).
func (m *Module) AsyncFunc(name string, fn any) *Module { return m.Set(name, AsyncFunc(name, fn)) }

// build converts the members into a module object.
func (m *Module) build() (*runtime.Module, error) {
	if m.name == "" || strings.ContainsAny(m.name, ". ") {
		return nil, fmt.Errorf("aio: invalid host module name %q", m.name)
	}
	mod := runtime.NewModule(m.name)
	mod.Set("__name__", runtime.Str(m.name))
	mod.Set("__doc__", runtime.None)
	for _, name := range m.names {
		var v runtime.Value
		var err error
		if t, ok := m.members[name].(*runtime.Type); ok {
			v = runtime.Obj(t)
		} else {
			v, err = toValue(m.members[name], name)
		}
		if err != nil {
			return nil, fmt.Errorf("aio: module %s, member %s: %w", m.name, name, err)
		}
		mod.Set(name, v)
	}
	return mod, nil
}

// RegisterModule makes m importable by scripts run by in (replacing a
// standard module of the same name, if any). It fails when a member
// cannot be converted.
func (in *Interp) RegisterModule(m *Module) error {
	mod, err := m.build()
	if err != nil {
		return err
	}
	delete(in.th.Modules, m.name)
	in.imports.modules.Delete(in.th, runtime.Str(m.name))
	in.imports.host[m.name] = true
	in.th.ModuleLoaders[m.name] = func(*runtime.Thread) *runtime.Module { return mod }
	return nil
}
