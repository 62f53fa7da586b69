// Package uuid is aio's uuid module. The UUID class and the constructors
// are aio source (uuid.aio); Go supplies the random bytes.
package uuid

// This file registers the module and builds its Go part, _urandom.

import (
	"crypto/rand"
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed uuid.aio
var source []byte

func init() {
	runtime.RegisterStdModule("uuid", load)
	runtime.RegisterStdSource("uuid", source)
}

// load builds the Go part of the uuid module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("uuid")
	m.Set("_urandom", runtime.NewBuiltin("_urandom", urandom))
	return m
}

// urandom is _urandom(n): n bytes from the operating system's generator.
func urandom(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n int
	if err := runtime.UnpackArgs("_urandom", args, kw, "n", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "negative argument not allowed")
	}
	if err := th.Alloc(int64(n)); err != nil {
		return runtime.Value{}, err
	}
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.OSError, "%s", err.Error())
	}
	return runtime.NewBytes(b), nil
}
