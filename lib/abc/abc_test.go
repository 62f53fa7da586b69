package abc_test

// This file tests abstract classes: the instantiation check the runtime
// makes from __abstractmethods__, __isabstractmethod__ of descriptors,
// and virtual subclasses.

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run executes src and returns what it printed.
func run(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out})
	require.NoError(t, in.Exec(context.Background(), "main.aio", src))
	return out.String()
}

func TestAbstractClassesCannotBeInstantiated(t *testing.T) {
	out := run(t, `
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
class Half(Shape):
    def area(self): return 1
class Whole(Half):
    def perimeter(self): return 2
for cls in (Shape, Half, Whole):
    try:
        print(type(cls()).__name__)
    except TypeError as e:
        print(e)
`)
	assert.Equal(t, "Can't instantiate abstract class Shape with abstract methods area, perimeter\n"+
		"Can't instantiate abstract class Half with abstract method perimeter\n"+
		"Whole\n", out)
}

func TestDescriptorsReportAbstractness(t *testing.T) {
	out := run(t, `
from abc import abstractmethod
f = abstractmethod(lambda self: 0)
g = lambda self: 0
print(property(f).__isabstractmethod__, property(g).__isabstractmethod__,
      classmethod(f).__isabstractmethod__, staticmethod(g).__isabstractmethod__)
print(object.__subclasshook__(int))
`)
	assert.Equal(t, "True False True False\nNotImplemented\n", out)
}

func TestRegisterAndSubclassHook(t *testing.T) {
	out := run(t, `
from abc import ABC
class Walker(ABC):
    @classmethod
    def __subclasshook__(cls, other):
        return hasattr(other, "walk") or NotImplemented
class Duck:
    def walk(self): pass
class Stone: pass
print(isinstance(Duck(), Walker), isinstance(Stone(), Walker))
Walker.register(Stone)
print(isinstance(Stone(), Walker), issubclass(Stone, Walker))
`)
	assert.Equal(t, "True False\nTrue True\n", out)
}
