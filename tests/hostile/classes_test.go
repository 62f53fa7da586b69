package hostile

// This file holds attacks through the class machinery: hooks that call
// themselves (__getattr__, __setattr__, descriptors, a metaclass's
// __call__) must end in RecursionError, and a script that makes classes
// without end must stay within its budgets.

import "testing"

var classesCases = register(
	hostileCase{Name: "class_getattr_recursion", Source: "class A:\n    def __getattr__(self, n):\n        return self.missing\nA().x", WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded"},
	hostileCase{Name: "class_setattr_recursion", Source: "class B:\n    def __setattr__(self, n, v):\n        setattr(self, n, v)\nB().x = 1", WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded"},
	hostileCase{Name: "class_descriptor_recursion", Source: "class G:\n    def __get__(self, o, t):\n        return o.g\nclass H:\n    g = G()\nH().g", WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded"},
	hostileCase{Name: "class_metaclass_call_recursion", Source: "class M(type):\n    def __call__(cls, *a):\n        return cls(*a)\nclass D(metaclass=M):\n    pass\nD()", WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded"},
	hostileCase{Name: "class_creation_loop", Source: "class A:\n    pass\nwhile True:\n    type('X', (A,), {'v': 1})", WantType: "RuntimeError", WantMessage: "maximum execution steps exceeded"},
)

func TestClasses(t *testing.T) { runCases(t, classesCases) }
