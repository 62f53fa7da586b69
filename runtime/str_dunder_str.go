package runtime

// This file defines str.__str__. Without it str inherited object.__str__,
// which returns the repr, so str.__str__("a") gave "'a'" and a str
// subclass calling super().__str__() got quotes around its text.

func init() {
	StrType.Methods(map[string]BuiltinFn{
		"__str__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("__str__", args, kw); err != nil {
				return Value{}, err
			}
			s, err := strArg(self)
			if err != nil {
				return Value{}, err
			}
			// An exact str is returned as is; a subclass instance yields
			// the plain str it carries, as CPython's str.__str__ does.
			return Obj(s), nil
		},
	})
}
