package uuid_test

// This file tests the uuid module's Go part and its name-based UUIDs.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestUUID5IsTheRFCExample(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import uuid
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"))
`)
	assert.Equal(t, "886313e1-3b8a-5372-9b90-0c9aee199e5d 6fa459ea-ee8a-3ca4-894e-db77e160355e\n", out)
}

func TestRandomBytesDiffer(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `import uuid
a, b = uuid.uuid4(), uuid.uuid4()
print(a != b, a.version, len(uuid._urandom(5)))
`)
	assert.Equal(t, "True 4 5\n", out)
}
