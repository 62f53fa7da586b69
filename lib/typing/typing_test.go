package typing_test

// This file tests the typing module and the runtime's generic aliases
// and unions it builds on, through scripts.

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

func TestBuiltinGenericAliasesPrintAndCompare(t *testing.T) {
	out := run(t, `
a = dict[str, list[int]]
print(a, a.__origin__, a.__args__, type(a).__name__, type(a).__module__)
print(list[int] == list[int], list[int] == list[str], tuple[()], tuple[int, ...])
print(list[int]([1, 2]))
`)
	assert.Equal(t, "dict[str, list[int]] <class 'dict'> (<class 'str'>, list[int]) GenericAlias types\n"+
		"True False tuple[()] tuple[int, ...]\n[1, 2]\n", out)
}

func TestUnionsOfTypes(t *testing.T) {
	out := run(t, `
u = int | None
print(u, u.__args__, int | int, (int | str) == (str | int))
print(isinstance(None, u), isinstance("x", u), issubclass(bool, int | str))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
`)
	assert.Equal(t, "int | None (<class 'int'>, <class 'NoneType'>) <class 'int'> True\n"+
		"True False True\n"+
		"isinstance() argument 2 cannot be a parameterized generic\n"+
		"unsupported operand type(s) for |: 'type' and 'int'\n", out)
}

func TestMroEntriesReplaceBases(t *testing.T) {
	out := run(t, `
class Alias:
    def __mro_entries__(self, bases):
        return (dict,)
class D(Alias()):
    pass
print(D.__bases__, len(D.__orig_bases__), type(D.__orig_bases__[0]).__name__)
class L(list[int]):
    pass
print(L.__bases__, L.__orig_bases__)
`)
	assert.Equal(t, "(<class 'dict'>,) 1 Alias\n(<class 'list'>,) (list[int],)\n", out)
}

func TestTypingFormsAndGenerics(t *testing.T) {
	out := run(t, `
from typing import Optional, Union, List, Dict, Callable, Generic, TypeVar, Literal
T = TypeVar("T")
class Box(Generic[T]):
    pass
print(Optional[int], Union[int, str], List[int], Dict[str, T][int], Callable[[int], str])
print(Box[int], Box.__parameters__, Literal["a", 1], Optional[int] == (int | None))
`)
	assert.Equal(t, "typing.Optional[int] typing.Union[int, str] typing.List[int] typing.Dict[str, int] typing.Callable[[int], str]\n"+
		"__main__.Box[int] (~T,) typing.Literal['a', 1] True\n", out)
}

func TestRuntimeCheckableProtocol(t *testing.T) {
	out := run(t, `
from typing import Protocol, runtime_checkable
@runtime_checkable
class Closer(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
`)
	assert.Equal(t, "True False\n", out)
}
