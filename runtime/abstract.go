package runtime

// This file supports abstract base classes (the abc module): creating an
// instance of a class whose __abstractmethods__ is not empty fails, as in
// CPython; property, staticmethod and classmethod report whether what
// they wrap is abstract; and object.__subclasshook__ exists for ABCMeta
// to call.

import (
	"sort"
	"strings"
)

// checkAbstract fails when cls still has abstract methods. Only the
// class's own __abstractmethods__ counts: ABCMeta computes it for every
// class it makes, as CPython keeps it per type.
func checkAbstract(th *Thread, cls *Type) error {
	v, ok := cls.Attrs["__abstractmethods__"]
	if !ok || !cls.User {
		return nil
	}
	items, err := Collect(th, v)
	if err != nil || len(items) == 0 {
		return err
	}
	names := make([]string, 0, len(items))
	for _, it := range items {
		s, err := ToStr(th, it)
		if err != nil {
			return err
		}
		names = append(names, s)
	}
	sort.Strings(names)
	word := "method"
	if len(names) > 1 {
		word = "methods"
	}
	return Errorf(TypeError, "Can't instantiate abstract class %s with abstract %s %s", cls.Name, word, strings.Join(names, ", "))
}

// isAbstract is getattr(v, "__isabstractmethod__", False) as a truth.
func isAbstract(th *Thread, v Value) (bool, error) {
	if !v.IsValid() || v.IsNone() {
		return false, nil
	}
	a, err := GetAttr(th, v, "__isabstractmethod__")
	if err != nil {
		if IsInstance(err, AttributeError) {
			return false, nil
		}
		return false, err
	}
	return Truth(th, a)
}

// abstractGetset installs __isabstractmethod__ on a descriptor type,
// true when any of the values parts gives is abstract.
func abstractGetset(owner *Type, parts func(self Value) []Value) {
	fn := NewBuiltin("__isabstractmethod__", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		for _, p := range parts(args[0]) {
			yes, err := isAbstract(th, p)
			if err != nil || yes {
				return MakeBool(yes), err
			}
		}
		return False, nil
	})
	owner.SetAttr("__isabstractmethod__", Obj(&Property{Fget: fn, Fset: None, Fdel: None, Name: "__isabstractmethod__", readOnlyAttr: true}))
}

func init() {
	abstractGetset(PropertyType, func(self Value) []Value {
		p := self.obj.(*Property)
		return []Value{p.Fget, p.Fset, p.Fdel}
	})
	abstractGetset(StaticMethodType, func(self Value) []Value { return []Value{self.obj.(*StaticMethod).Func} })
	abstractGetset(ClassMethodType, func(self Value) []Value { return []Value{self.obj.(*ClassMethod).Func} })
	ObjectType.SetAttr("__subclasshook__", Obj(&ClassMethod{Func: NewBuiltin("__subclasshook__", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return NotImplemented, nil
	})}))
}
