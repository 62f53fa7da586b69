package hashlib_test

// This file tests hashlib's objects: known digests, copy and SHAKE output.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestKnownDigests(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import hashlib
print(hashlib.sha256(b"abc").hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.new("sha1", b"abc").digest_size)
`)
	assert.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\nd41d8cd98f00b204e9800998ecf8427e 20\n", out)
}

func TestCopyKeepsOriginal(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import hashlib
h = hashlib.sha1(b"a")
c = h.copy()
c.update(b"bc")
print(h.hexdigest() == hashlib.sha1(b"a").hexdigest(), c.hexdigest() == hashlib.sha1(b"abc").hexdigest())
s = hashlib.shake_256(b"x")
print(s.hexdigest(4) == s.hexdigest(8)[:8])
`)
	assert.Equal(t, "True True\nTrue\n", out)
}

func TestStrIsRefused(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import hashlib
try:
    hashlib.md5("s")
except TypeError as e:
    print(e)
`)
	assert.Equal(t, "Strings must be encoded before hashing\n", out)
}

func TestHashTypeCannotBeInstantiatedOrSubclassed(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import hashlib
H = type(hashlib.md5())
try:
    H().update(b"x")
except TypeError as e:
    print(e)
try:
    class X(H):
        pass
except TypeError as e:
    print("subclass refused")
`)
	assert.Equal(t, "cannot create '_hashlib.HASH' instances\nsubclass refused\n", out)
}
