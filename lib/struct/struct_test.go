package pystruct_test

// This file tests the struct module's layout rules and half floats.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestNativeAlignment(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import struct
print(struct.calcsize("@bq"), struct.calcsize("=bq"), struct.calcsize("@c0i"), struct.pack("@bh", 1, 2))
`)
	assert.Equal(t, "16 9 4 b'\\x01\\x00\\x02\\x00'\n", out)
}

func TestHalfFloatRounding(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import struct
print(struct.pack("<e", 0.1), struct.unpack("<e", struct.pack("<e", 65519.0)), struct.pack("<e", 6e-8))
`)
	assert.Equal(t, "b'f.' (65504.0,) b'\\x01\\x00'\n", out)
}

func TestUnsignedRangeMessages(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import struct
for f, v in (("B", -1), ("<I", -1), ("<I", 2**32)):
    try:
        struct.pack(f, v)
    except struct.error as e:
        print(e)
`)
	assert.Equal(t, "ubyte format requires 0 <= number <= 255\nargument out of range\n'I' format requires 0 <= number <= 4294967295\n", out)
}
