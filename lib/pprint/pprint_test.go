package pprint_test

// This file tests pprint's line breaking through the interpreter.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestBreaksOnlyWhatDoesNotFit(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import pprint
pprint.pprint({"b": [1, 2, 3], "a": "x" * 10}, width=20)
pprint.pprint([1, 2], width=20)
`)
	assert.Equal(t, "{'a': 'xxxxxxxxxx',\n 'b': [1, 2, 3]}\n[1, 2]\n", out)
}

func TestSubclassWithoutReprIsLaidOut(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import pprint
class P:
    def __repr__(self):
        return "P" * 30
class L(list):
    pass
print(pprint.pformat(L([P(), P()]), width=40))
`)
	assert.Equal(t, "[PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP,\n PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP]\n", out)
}
