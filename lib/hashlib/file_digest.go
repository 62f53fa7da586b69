package hashlib

// This file has file_digest, which hashes what a binary file-like object
// reads.

import (
	"github.com/aio-lang/aio/runtime"
)

// fileChunk is how many bytes file_digest asks readinto for at a time.
const fileChunk = 1 << 18

// fileDigest is file_digest(fileobj, digest, /): the hash object (made by
// name or by calling digest) fed with the contents of fileobj, read with
// getbuffer() when it has one, else with readinto().
func fileDigest(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("file_digest", nil, kw, 0, -1); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.PositionalArgs("file_digest", args, kw, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	file, digest := args[0], args[1]
	var h runtime.Value
	var err error
	if name, ok := runtime.As[*runtime.StrObj](digest); ok {
		h, err = newHash(th, asciiLower(name.S), runtime.Value{})
	} else {
		h, err = th.Call(digest, nil, nil)
	}
	if err != nil {
		return runtime.Value{}, err
	}
	update := func(data runtime.Value) error {
		_, _, err := th.CallMethod(h, "update", data)
		return err
	}
	if ok, err := runtime.HasAttr(th, file, "getbuffer"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		getbuf, err := runtime.GetAttr(th, file, "getbuffer")
		if err != nil {
			return runtime.Value{}, err
		}
		b, err := th.Call(getbuf, nil, nil)
		if err == nil {
			err = update(b)
		}
		return h, err
	}
	if !canReadInto(th, file) {
		r, err := runtime.Repr(th, file)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "'%s' is not a file-like object in binary reading mode.", r)
	}
	if err := th.Alloc(fileChunk); err != nil {
		return runtime.Value{}, err
	}
	buf := runtime.NewByteArray(make([]byte, fileChunk))
	readinto, err := runtime.GetAttr(th, file, "readinto")
	if err != nil {
		return runtime.Value{}, err
	}
	for {
		n, err := th.Call(readinto, []runtime.Value{buf}, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		size, err := runtime.IndexValue(n)
		if err != nil {
			return runtime.Value{}, err
		}
		if size <= 0 {
			return h, nil
		}
		data := buf.Object().(*runtime.ByteArray).B
		if err := update(runtime.NewBytes(append([]byte(nil), data[:min(int(size), len(data))]...))); err != nil {
			return runtime.Value{}, err
		}
	}
}

// canReadInto reports whether file has readinto and says it is readable.
func canReadInto(th *runtime.Thread, file runtime.Value) bool {
	if ok, err := runtime.HasAttr(th, file, "readinto"); err != nil || !ok {
		return false
	}
	readable, err := runtime.GetAttr(th, file, "readable")
	if err != nil {
		return false
	}
	r, err := th.Call(readable, nil, nil)
	if err != nil {
		return false
	}
	t, err := runtime.Truth(th, r)
	return err == nil && t
}
