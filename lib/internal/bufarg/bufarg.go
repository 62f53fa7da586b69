// Package bufarg reads the bytes of a bytes-like argument (bytes,
// bytearray, memoryview) for the lib modules that take binary data.
package bufarg

// This file has the one helper; the modules word their own errors.

import "github.com/aio-lang/aio/runtime"

// Bytes returns the contents of the bytes-like v, and false when v is not
// bytes-like. The slice may alias a bytearray's storage: callers copy it
// before running Python code that could change the array.
func Bytes(th *runtime.Thread, v runtime.Value) ([]byte, bool, error) {
	// As also finds the value inside an instance of a bytes or bytearray
	// subclass.
	if b, ok := runtime.As[*runtime.Bytes](v); ok {
		return b.B, true, nil
	}
	if b, ok := runtime.As[*runtime.ByteArray](v); ok {
		return b.B, true, nil
	}
	if _, ok := v.Object().(*runtime.MemoryView); ok {
		b, err := th.Call(runtime.Obj(runtime.BytesType), []runtime.Value{v}, nil)
		if err != nil {
			return nil, true, err
		}
		return b.Object().(*runtime.Bytes).B, true, nil
	}
	return nil, false, nil
}
