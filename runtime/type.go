package runtime

// This file defines Type, the class object shared by built-in types and
// classes created by `class` statements, and attribute lookup along the
// MRO (computed in mro.go).

import (
	"sync/atomic"
	"weak"
)

// NewFunc creates an instance of cls (Python's __new__ and, for built-in
// types, __init__ too).
type NewFunc func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error)

// Type is an aio class. Built-in types and user classes are both Types;
// attributes (methods, class variables) live in Attrs and are found by
// walking the MRO.
type Type struct {
	Name   string
	Module string // "builtins" for built-in types, the defining module otherwise
	Base   *Type  // __base__: the base that fixes the instance layout; nil only for object
	Attrs  map[string]Value
	order  []string // attribute names in definition order
	New    NewFunc  // inherited from the nearest base that defines it
	// User is true for classes made by a class statement.
	User bool
	// Final types cannot be subclassed.
	Final bool
	// ExcBase is true for BaseException and its subclasses.
	ExcBase bool
	// shared marks a process-wide type that behaves as a user class (the
	// exception groups): interpreters on other goroutines use it too, so
	// it keeps no lookup caches.
	shared bool

	// cache memoizes Lookup for user classes (attribute lookups walk the
	// base chain with a map access per class otherwise); it is valid while
	// cacheEpoch equals classEpoch.
	cache      map[string]cachedAttr
	cacheEpoch uint64
	// dataDescr caches whether the class chain has any data descriptor
	// (property): without one, instance attributes can be read and
	// written straight from the instance dictionary.
	dataDescr      bool
	dataDescrEpoch uint64
	// plainAt is the class epoch at which t was last found to be a user
	// class without data descriptors or attribute hooks (0 otherwise), so
	// that PlainInstances is one comparison; plainShared is that answer,
	// fixed, for a shared type, which keeps no epoch.
	plainAt     uint64
	plainShared bool

	// The fields below come last so that the ones the VM reads on every
	// attribute access (User, the data-descriptor cache) stay together.

	// Bases are the direct bases in order (__bases__).
	Bases []*Type
	// mro is the method resolution order, t first (see mro.go).
	mro []*Type
	// Qual is __qualname__ when it differs from Name (nested classes).
	Qual string
	// noDict is true for a class whose instances have no __dict__ (every
	// user class in its MRO defines __slots__ without "__dict__").
	noDict bool
	// Meta is the metaclass of a class made with one other than type.
	Meta *Type
	// subclasses are the user classes made with t as a direct base
	// (__subclasses__), held weakly as CPython does; kept for user
	// classes only, since built-in types are shared between interpreters.
	subclasses []weak.Pointer[Type]
	// shapes are the attribute layouts shared by the class's instances
	// (see attrshape.go), made with the first instance.
	shapes *shapeTree
}

// ClassEpoch returns a number that changes whenever an attribute of a user
// class changes; caches of class lookups are valid while it is unchanged.
func ClassEpoch() uint64 { return atomic.LoadUint64(&classEpoch) }

// HasDataDescriptors reports whether t or a base defines a data
// descriptor (such as a property) or __getattribute__-like hooks, so that
// instance attribute access must consult the class first.
func (t *Type) HasDataDescriptors() bool {
	if t.dataDescrEpoch != atomic.LoadUint64(&classEpoch) { // never 0: 0 means "not computed"
		t.computeDataDescriptors()
	}
	return t.dataDescr
}

// PlainInstances reports that t is a user class whose instances keep
// their attributes in their dictionary with nothing to consult first: no
// data descriptor (property) and no __getattribute__, __setattr__ or
// __delattr__ hook, on t or a base. The answer is the flag kept by
// computeDataDescriptors; it reads false while a class has changed since
// it was computed, until HasDataDescriptors (which the generic attribute
// path calls) refreshes it. It is a single comparison so that the Go
// compiler inlines it into the VM's large run loop, which inlines only
// the smallest functions.
func (t *Type) PlainInstances() bool {
	return t.plainAt == atomic.LoadUint64(&classEpoch) || t.plainShared
}

// computeDataDescriptors is HasDataDescriptors' slow path, out of line so
// that the check on every attribute access inlines. It is the one place
// that computes PlainInstances' flag.
//
//go:noinline
func (t *Type) computeDataDescriptors() {
	if t.shared {
		// Other goroutines read shared types: their answer was computed
		// once when they were set up (see shareType) and is not written.
		return
	}
	epoch := atomic.LoadUint64(&classEpoch)
	t.dataDescr, t.dataDescrEpoch = t.scanDataDescriptors(), epoch
	t.plainAt = 0
	if t.User && !t.dataDescr {
		t.plainAt = epoch
	}
}

// scanDataDescriptors walks t and its bases for a data descriptor or an
// attribute hook.
func (t *Type) scanDataDescriptors() bool {
	if t.noDict {
		return true
	}
	for _, c := range t.mro {
		for name, v := range c.Attrs {
			if _, ok := v.obj.(DataDescriptor); ok || isUserDataDescr(v) {
				return true
			}
			if name == "__setattr__" || name == "__getattribute__" || name == "__delattr__" {
				if _, builtin := v.obj.(*MethodDescriptor); !builtin {
					return true
				}
			}
		}
	}
	return false
}

// shareType marks t, a process-wide type that behaves as a user class,
// as shared between interpreters once its attributes are set: it keeps no
// lookup caches from then on, and its HasDataDescriptors answer is fixed.
func shareType(t *Type) {
	t.dataDescr = t.scanDataDescriptors()
	t.plainShared = t.User && !t.dataDescr
	t.shared = true
}

type cachedAttr struct {
	v     Value
	found bool
}

// classEpoch changes whenever an attribute of any user class changes, so
// that every lookup cache (which may depend on base classes) is dropped.
var classEpoch uint64 = 1 // read and changed atomically; starts at 1 so 0 means "never computed"

// Type returns the class's metaclass: type unless it was made with another.
func (t *Type) Type() *Type {
	if t.Meta != nil {
		return t.Meta
	}
	return TypeType
}

// NewType makes a class named name deriving from base.
func NewType(name string, base *Type) *Type {
	t := &Type{Name: name, Module: "builtins", Base: base, Attrs: map[string]Value{}}
	t.mro = []*Type{t}
	if base != nil {
		t.New = base.New
		t.ExcBase = base.ExcBase
		t.Bases = []*Type{base}
		t.mro = append(t.mro, base.mro...)
	}
	return t
}

// SetAttr sets a class attribute, remembering definition order.
func (t *Type) SetAttr(name string, v Value) {
	if t.User {
		atomic.AddUint64(&classEpoch, 1)
	}
	if _, ok := t.Attrs[name]; !ok {
		t.order = append(t.order, name)
	}
	t.Attrs[name] = v
}

// DelAttr removes a class attribute; it reports whether it existed.
func (t *Type) DelAttr(name string) bool {
	if _, ok := t.Attrs[name]; !ok {
		return false
	}
	if t.User {
		atomic.AddUint64(&classEpoch, 1)
	}
	delete(t.Attrs, name)
	for i, n := range t.order {
		if n == name {
			t.order = append(t.order[:i], t.order[i+1:]...)
			break
		}
	}
	return true
}

// AttrNames returns the names defined directly on t, in definition order.
func (t *Type) AttrNames() []string { return append([]string(nil), t.order...) }

// Lookup finds name on t or its bases, in MRO order.
func (t *Type) Lookup(name string) (Value, bool) {
	if !t.User || t.shared {
		return t.lookup(name)
	}
	// User classes belong to one interpreter, so their cache is not shared
	// between goroutines; built-in types are, and are not cached.
	epoch := atomic.LoadUint64(&classEpoch)
	if t.cache == nil || t.cacheEpoch != epoch {
		t.cache = make(map[string]cachedAttr, 8)
		t.cacheEpoch = epoch
	}
	if e, ok := t.cache[name]; ok {
		return e.v, e.found
	}
	v, found := t.lookup(name)
	t.cache[name] = cachedAttr{v, found}
	return v, found
}

func (t *Type) lookup(name string) (Value, bool) {
	for _, c := range t.mro {
		if v, ok := c.Attrs[name]; ok {
			return v, true
		}
	}
	return Value{}, false
}

// IsSubtype reports whether t is base or derives from it.
func (t *Type) IsSubtype(base *Type) bool {
	if t == base {
		return true
	}
	for _, c := range t.mro {
		if c == base {
			return true
		}
	}
	return false
}

// QualName returns the name as repr shows it: "int" or "__main__.Foo".
func (t *Type) QualName() string {
	name := t.Name
	if t.Qual != "" {
		name = t.Qual
	}
	if t.Module == "builtins" || t.Module == "" {
		return name
	}
	return t.Module + "." + name
}

// The built-in types. Their methods are installed by init functions in the
// files that implement each type.
var (
	ObjectType             = newObjectType()
	TypeType               = NewType("type", ObjectType)
	NoneTypeType           = finalType("NoneType")
	NotImplementedTypeType = finalType("NotImplementedType")
	EllipsisTypeType       = finalType("ellipsis")
	IntType                = NewType("int", ObjectType)
	BoolType               = finalSub("bool", IntType)
	FloatType              = NewType("float", ObjectType)
	StrType                = NewType("str", ObjectType)
	ListType               = NewType("list", ObjectType)
	TupleType              = NewType("tuple", ObjectType)
	DictType               = NewType("dict", ObjectType)
	SetType                = NewType("set", ObjectType)
	FrozenSetType          = NewType("frozenset", ObjectType)
	RangeType              = finalType("range")
	SliceType              = finalType("slice")
	ModuleType             = NewType("module", ObjectType)
	BuiltinFunctionType    = finalType("builtin_function_or_method")
	MethodType             = finalType("method")
	PropertyType           = NewType("property", ObjectType)
	StaticMethodType       = NewType("staticmethod", ObjectType)
	ClassMethodType        = NewType("classmethod", ObjectType)
	SuperType              = NewType("super", ObjectType)
	IteratorType           = finalType("iterator")
)

func newObjectType() *Type {
	t := &Type{Name: "object", Module: "builtins", Attrs: map[string]Value{}}
	t.mro = []*Type{t}
	return t
}

func finalType(name string) *Type {
	t := NewType(name, ObjectType)
	t.Final = true
	return t
}

func finalSub(name string, base *Type) *Type {
	t := NewType(name, base)
	t.Final = true
	return t
}

// Call instantiates the class: a metaclass's own __call__ when it has
// one, otherwise construct. type(x) with one argument returns x's class.
func (t *Type) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if t == TypeType && len(args) == 1 && len(kw) == 0 {
		return Obj(args[0].Type()), nil
	}
	if t.Meta != nil {
		if c, ok := metaCall(t); ok {
			fn, err := bindAttr(th, c, Obj(t))
			if err != nil {
				return Value{}, err
			}
			return th.Call(fn, args, kw)
		}
	}
	if t.User {
		// Instantiating a class counts a level, as in CPython.
		if err := th.Nest(InCall); err != nil {
			return Value{}, err
		}
		defer th.Unnest()
	}
	return t.construct(th, args, kw)
}

// construct is type.__call__: __new__ (the user's, or New) creates the
// object, then a user-defined __init__ initialises it when the object is
// an instance of t.
func (t *Type) construct(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	var obj Value
	if nf, ok := userNew(t); ok {
		full := make([]Value, 0, len(args)+1)
		full = append(append(full, Obj(t)), args...)
		r, err := th.Call(nf, full, kw)
		if err != nil {
			return Value{}, err
		}
		obj = r
	} else {
		if t.New == nil {
			return Value{}, Errorf(TypeError, "cannot create '%s' instances", t.QualName())
		}
		r, err := t.New(th, t, args, kw)
		if err != nil {
			return Value{}, err
		}
		obj = r
	}
	if !t.User || !obj.Type().IsSubtype(t) {
		return obj, nil
	}
	init, ok := t.Lookup("__init__")
	if !ok {
		return obj, nil
	}
	if md, builtin := init.obj.(*MethodDescriptor); builtin {
		if _, fills := mutableDerivable[md.Owner]; !fills {
			return obj, nil
		}
	}
	if di, ok := init.obj.(DirectInit); ok {
		return obj, di.InitInstance(th, obj, args, kw)
	}
	r, err := callClassAttr(th, init, obj, args, kw)
	if err != nil {
		return Value{}, err
	}
	if !r.IsNone() {
		return Value{}, Errorf(TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return obj, nil
}

func init() {
	ObjectType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 0 || len(kw) > 0 {
			if _, ok := cls.Lookup("__init__"); !ok || cls == ObjectType || !hasUserInit(cls) {
				return Value{}, Errorf(TypeError, "%s() takes no arguments", cls.Name)
			}
		}
		if cls == ObjectType {
			return Obj(&Instance{Class: ObjectType}), nil
		}
		if err := checkAbstract(th, cls); err != nil {
			return Value{}, err
		}
		return Obj(newInstance(cls)), nil
	}
	ObjectType.Methods(map[string]BuiltinFn{
		"__repr__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := defaultRepr(th, self)
			return Str(s), err
		},
		"__str__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := Repr(th, self)
			return Str(s), err
		},
	})
}

// hasUserInit reports whether cls or a base other than object defines
// __init__ in a class statement.
func hasUserInit(cls *Type) bool {
	for _, c := range cls.mro {
		if c == ObjectType {
			break
		}
		if v, ok := c.Attrs["__init__"]; ok {
			_, builtin := v.obj.(*MethodDescriptor)
			return !builtin || c.ExcBase
		}
	}
	return false
}
