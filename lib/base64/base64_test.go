package base64_test

// This file tests the base64 module's decoders, whose padding rules are
// this package's own.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestLenientDecodeStopsAtClosingPadding(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import base64
print(base64.b64decode(b"YW==Jj"), base64.b64decode(b"Y!W!J!j"), base64.b64decode(b"YWI="))
`)
	assert.Equal(t, "b'a' b'abc' b'ab'\n", out)
}

func TestStrictDecodeErrors(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import base64, binascii
for s in (b"=YWJj", b"YW=Jj", b"YWJj\n", b"YWJjZA===", b"YWJjZ"):
    try:
        base64.b64decode(s, validate=True)
    except binascii.Error as e:
        print(e)
`)
	assert.Equal(t, "Leading padding not allowed\nDiscontinuous padding not allowed\nOnly base64 data is allowed\n"+
		"Excess data after padding\nInvalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4\n", out)
}

func TestBase85RoundTripShortGroup(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import base64
e = base64.b85encode(b"hello")
print(e, base64.b85decode(e), base64.a85encode(b"\0\0\0\0\0"))
`)
	assert.Equal(t, "b'Xk~0{Zv' b'hello' b'z!!'\n", out)
}
