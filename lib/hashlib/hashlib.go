// Package hashlib is aio's hashlib module: the message digests of Go's
// crypto packages (and golang.org/x/crypto's BLAKE2, whose keyed and
// variable-size forms Python's blake2b/blake2s expose) behind CPython's
// hash object API.
package hashlib

// This file defines the hash objects and the module's constructors.

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"hash"
	"sort"
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/lib/internal/bufarg"
	"github.com/aio-lang/aio/runtime"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
)

// HashObj is a hash object: hashlib.sha256() and the others.
type HashObj struct {
	name  string
	h     hash.Hash // for shake_128/shake_256 a *shakeHash
	block int
	// remake builds a fresh hash with the same parameters, for copy()
	// when the state cannot be marshalled.
	remake func() hash.Hash
}

// HashType is the class of hash objects (CPython's _hashlib.HASH).
var HashType = runtime.NewType("HASH", runtime.ObjectType)

// Type returns HashType.
func (*HashObj) Type() *runtime.Type { return HashType }

// Attr returns the read-only attributes name, digest_size and block_size.
func (o *HashObj) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "name":
		return runtime.Str(o.name), true
	case "digest_size":
		return runtime.Int(int64(o.h.Size())), true
	case "block_size":
		return runtime.Int(int64(o.block)), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: a hash object's attributes are read-only.
func (*HashObj) SetAttrValue(string, runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (*HashObj) DelAttrValue(string) bool { return false }

// Footprint implements runtime.MemNode: the hash state is a few hundred
// bytes at most.
func (o *HashObj) Footprint() int64 { return int64(unsafe.Sizeof(*o)) + 512 }

// Referents implements runtime.MemNode; a hash object holds no values.
func (*HashObj) Referents(*runtime.MemWalker) {}

// algorithm describes one named digest.
type algorithm struct {
	make  func() hash.Hash
	block int
}

// algorithms are the digests new() knows, by CPython's names.
var algorithms = map[string]algorithm{
	"md5":       {md5.New, md5.BlockSize},
	"sha1":      {sha1.New, sha1.BlockSize},
	"sha224":    {sha256.New224, sha256.BlockSize},
	"sha256":    {sha256.New, sha256.BlockSize},
	"sha384":    {sha512.New384, sha512.BlockSize},
	"sha512":    {sha512.New, sha512.BlockSize},
	"sha3_224":  {func() hash.Hash { return sha3.New224() }, 144},
	"sha3_256":  {func() hash.Hash { return sha3.New256() }, 136},
	"sha3_384":  {func() hash.Hash { return sha3.New384() }, 104},
	"sha3_512":  {func() hash.Hash { return sha3.New512() }, 72},
	"shake_128": {func() hash.Hash { return &shakeHash{sha3.NewSHAKE128(), sha3.NewSHAKE128} }, 168},
	"shake_256": {func() hash.Hash { return &shakeHash{sha3.NewSHAKE256(), sha3.NewSHAKE256} }, 136},
	"blake2b":   {func() hash.Hash { h, _ := blake2b.New512(nil); return h }, blake2b.BlockSize},
	"blake2s":   {func() hash.Hash { h, _ := blake2s.New256(nil); return h }, blake2s.BlockSize},
}

func init() {
	HashType.Module = "_hashlib"
	// Hash objects come only from the constructors, and cannot be
	// subclassed, as in CPython.
	HashType.Final = true
	HashType.New = func(*runtime.Thread, *runtime.Type, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot create '_hashlib.HASH' instances")
	}
	HashType.Methods(map[string]runtime.BuiltinFn{
		"update":    hashUpdate,
		"digest":    hashDigest,
		"hexdigest": hashHexDigest,
		"copy":      hashCopy,
	})
	runtime.RegisterStdModule("hashlib", load)
}

// load builds the hashlib module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("hashlib")
	names := make([]string, 0, len(algorithms))
	for name := range algorithms {
		names = append(names, name)
		if name == "blake2b" || name == "blake2s" {
			continue
		}
		m.Set(name, runtime.NewBuiltin(name, constructor(name)))
	}
	sort.Strings(names)
	m.Set("blake2b", runtime.NewBuiltin("blake2b", blake2Constructor("blake2b", 64)))
	m.Set("blake2s", runtime.NewBuiltin("blake2s", blake2Constructor("blake2s", 32)))
	m.Set("new", runtime.NewBuiltin("new", hashNew))
	m.Set("file_digest", runtime.NewBuiltin("file_digest", fileDigest))
	for _, set := range []string{"algorithms_available", "algorithms_guaranteed"} {
		s := runtime.NewFrozenSet()
		vals := make([]runtime.Value, len(names))
		for i, n := range names {
			vals[i] = runtime.Str(n)
		}
		fs, err := runtime.ConstFrozenSet(nil, vals)
		if err == nil {
			s = fs
		}
		m.Set(set, runtime.Obj(s))
	}
	return m
}

// feed hashes the bytes-like data into h with CPython's errors.
func feed(th *runtime.Thread, h hash.Hash, data runtime.Value) error {
	if !data.IsValid() {
		return nil
	}
	if runtime.IsInstanceOf(data, runtime.StrType) {
		return runtime.Errorf(runtime.TypeError, "Strings must be encoded before hashing")
	}
	b, ok, err := bufarg.Bytes(th, data)
	if err != nil {
		return err
	}
	if !ok {
		return runtime.Errorf(runtime.TypeError, "object supporting the buffer API required")
	}
	if err := th.Work(int64(len(b) / 64)); err != nil {
		return err
	}
	h.Write(b)
	return nil
}

// constructor returns hashlib.NAME(data=b”, *, usedforsecurity=True).
func constructor(name string) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var data, security runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "string?", &data, "$usedforsecurity?", &security); err != nil {
			return runtime.Value{}, err
		}
		return newHash(th, name, data)
	}
}

// newHash makes a hash object of the algorithm name fed with data.
func newHash(th *runtime.Thread, name string, data runtime.Value) (runtime.Value, error) {
	alg, ok := algorithms[name]
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "unsupported hash type %s", name)
	}
	o := &HashObj{name: name, h: alg.make(), block: alg.block, remake: alg.make}
	if err := feed(th, o.h, data); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(o), nil
}

// hashNew is hashlib.new(name, data=b”, **kwargs).
func hashNew(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) > 0 {
		// BLAKE2 takes its own keyword arguments (digest_size, key); its
		// names are case-sensitive, the OpenSSL digests' are not.
		if n, ok := runtime.As[*runtime.StrObj](args[0]); ok {
			switch n.S {
			case "blake2b":
				return blake2Constructor("blake2b", 64)(th, runtime.Value{}, args[1:], kw)
			case "blake2s":
				return blake2Constructor("blake2s", 32)(th, runtime.Value{}, args[1:], kw)
			}
		}
	}
	var name string
	var data, security runtime.Value
	if err := runtime.UnpackArgs("new", args, kw, "name", &name, "data?", &data, "$usedforsecurity?", &security); err != nil {
		return runtime.Value{}, err
	}
	lower := asciiLower(name)
	if strings.HasPrefix(lower, "blake2") {
		lower = name
	}
	return newHash(th, lower, data)
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// blake2Constructor returns blake2b/blake2s(data=b”, *, digest_size,
// key): the keyed, variable-size BLAKE2 (salt and personalization are
// not supported).
func blake2Constructor(name string, maxSize int) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var data, key, security runtime.Value
		size := maxSize
		if err := runtime.UnpackArgs(name, args, kw, "data?", &data, "$digest_size?", &size, "$key?", &key, "$usedforsecurity?", &security); err != nil {
			return runtime.Value{}, err
		}
		if size < 1 || size > maxSize {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "digest_size must be between 1 and %d bytes", maxSize)
		}
		var k []byte
		if key.IsValid() {
			b, ok, err := bufarg.Bytes(th, key)
			if err != nil {
				return runtime.Value{}, err
			}
			if !ok {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", key.Type().Name)
			}
			if len(b) > maxSize {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "maximum key length is %d bytes", maxSize)
			}
			k = append([]byte(nil), b...)
		}
		mk := func() hash.Hash {
			if name == "blake2b" {
				h, _ := blake2b.New(size, k)
				return h
			}
			if size == 32 {
				h, _ := blake2s.New256(k)
				return h
			}
			h, _ := blake2s.New128(k)
			return h
		}
		if name == "blake2s" && size != 32 && size != 16 {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "blake2s digest_size %d is not supported", size)
		}
		if name == "blake2s" && size == 16 && k == nil {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "blake2s digest_size 16 needs a key")
		}
		block := blake2b.BlockSize
		if name == "blake2s" {
			block = blake2s.BlockSize
		}
		o := &HashObj{name: name, h: mk(), block: block, remake: mk}
		if err := feed(th, o.h, data); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(o), nil
	}
}

func self(v runtime.Value) *HashObj { return v.Object().(*HashObj) }

func hashUpdate(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data runtime.Value
	if err := runtime.UnpackArgs("update", args, kw, "obj", &data); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, feed(th, self(s).h, data)
}

// sum is the digest of a hash object: digest() and hexdigest() take no
// argument, except a SHAKE's, which take the length wanted.
func sum(th *runtime.Thread, fname string, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) ([]byte, error) {
	o := self(s)
	sh, ok := o.h.(*shakeHash)
	if !ok {
		if err := runtime.UnpackArgs(fname, args, kw); err != nil {
			return nil, err
		}
		return o.h.Sum(nil), nil
	}
	var n int
	if err := runtime.UnpackArgs(fname, args, kw, "length", &n); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, runtime.Errorf(runtime.ValueError, "length must be non-negative")
	}
	if err := th.Alloc(int64(n)); err != nil {
		return nil, err
	}
	return sh.read(n)
}

func hashDigest(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	b, err := sum(th, "digest", s, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewBytes(b), nil
}

func hashHexDigest(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	b, err := sum(th, "hexdigest", s, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(hex.EncodeToString(b)), nil
}

// shakeHash adapts a SHAKE to hash.Hash so that it shares the rest of
// the code; its output length is chosen at digest time.
type shakeHash struct {
	*sha3.SHAKE
	fresh func() *sha3.SHAKE // a new SHAKE of the same kind
}

// Sum is unused for a SHAKE (read gives its output).
func (s *shakeHash) Sum(b []byte) []byte { return b }

// Size is 0, as CPython reports a SHAKE's digest_size.
func (*shakeHash) Size() int { return 0 }

// BlockSize is the SHAKE's rate.
func (s *shakeHash) BlockSize() int { return s.SHAKE.BlockSize() }

// read returns n bytes of output without disturbing the state.
func (s *shakeHash) read(n int) ([]byte, error) {
	state, err := s.MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := s.fresh()
	if err := c.UnmarshalBinary(state); err != nil {
		return nil, err
	}
	out := make([]byte, n)
	_, err = c.Read(out)
	return out, err
}

// hashCopy is copy(): a hash object with the same state, through the
// digest's marshalled state.
func hashCopy(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("copy", args, kw); err != nil {
		return runtime.Value{}, err
	}
	o := self(s)
	c := &HashObj{name: o.name, block: o.block, remake: o.remake, h: o.remake()}
	var m, u any = o.h, c.h
	if sh, ok := o.h.(*shakeHash); ok {
		m, u = sh.SHAKE, c.h.(*shakeHash).SHAKE
	}
	mm, ok1 := m.(encoding.BinaryMarshaler)
	uu, ok2 := u.(encoding.BinaryUnmarshaler)
	if !ok1 || !ok2 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s objects cannot be copied", o.name)
	}
	state, err := mm.MarshalBinary()
	if err == nil {
		err = uu.UnmarshalBinary(state)
	}
	if err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s objects cannot be copied", o.name)
	}
	return runtime.Obj(c), nil
}
