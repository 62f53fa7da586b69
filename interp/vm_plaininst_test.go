package interp

// This file tests that the VM's instance-attribute fast paths notice a
// class that gains a data descriptor or an attribute hook after its
// instances were used.

import "testing"

// Each attribute instruction (load, store, delete, method load) runs on
// a plain class first, then after a property and a __setattr__ hook were
// added to it: the second round must go through them.
func TestPlainInstancesFlagFollowsClassChanges(t *testing.T) {
	expectRun(t, `class C:
    def m(self):
        return "m"
def use(c):
    c.x = 1
    r = [c.x, c.m()]
    c.y = 2
    del c.y
    return r
c = C()
print(use(c), use(c))
C.x = property(lambda self: "prop", lambda self, v: print("set", v))
print(use(c))
def hook(self, name, v):
    print("hook", name, v)
    object.__setattr__(self, name, v)
C.__setattr__ = hook
try:
    print(use(c))
except AttributeError as e:
    print("AttributeError", e)
`, "[1, 'm'] [1, 'm']\nset 1\n['prop', 'm']\nhook x 1\nset 1\nhook y 2\n['prop', 'm']\n")
}
