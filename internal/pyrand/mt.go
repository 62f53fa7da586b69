// Package pyrand is a Python-compatible random number generator: the
// Mersenne Twister (MT19937) with CPython's seeding, and the algorithms
// of CPython 3.11's random module, so that a seeded aio program draws
// exactly the numbers CPython draws. It knows nothing of interpreter
// values: sequence operations work on indices.
package pyrand

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"
	"math/bits"
	"time"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// Random is one generator, the state of a random.Random instance. The
// zero value is not seeded; use New or a Seed method.
type Random struct {
	mt    [n]uint32
	index int
}

// New returns a generator seeded as random.seed() with no argument does:
// from the operating system's randomness (or the time if that fails).
func New() *Random {
	r := &Random{}
	r.SeedRandom()
	return r
}

// NewSeeded returns a generator seeded with Seed(seed).
func NewSeeded(seed *big.Int) *Random {
	r := &Random{}
	r.Seed(seed)
	return r
}

// initGenrand is MT19937's init_genrand.
func (r *Random) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < n; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.index = n
}

// initByArray is MT19937's init_by_array, as CPython uses it.
func (r *Random) initByArray(key []uint32) {
	r.initGenrand(19650218)
	mt := &r.mt
	i, j := 1, 0
	k := max(n, len(key))
	for ; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			mt[0] = mt[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			mt[0] = mt[n-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
}

// Seed seeds the generator as random.seed(x) does for an int x: the
// 32-bit words of |x|, least significant first, feed init_by_array (0
// gives the key [0]). For seed(float) pass hash(x) as an unsigned value;
// for seed(str) use SeedString.
func (r *Random) Seed(x *big.Int) {
	a := new(big.Int).Abs(x)
	words := a.Bits()
	var key []uint32
	for _, w := range words {
		key = append(key, uint32(w))
		if bits.UintSize == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

// SeedInt64 is Seed for a small int.
func (r *Random) SeedInt64(x int64) {
	r.Seed(big.NewInt(x))
}

// SeedBytes seeds as random.seed(b) does for bytes (version 2): the
// integer whose big-endian bytes are b followed by SHA-512(b).
func (r *Random) SeedBytes(b []byte) {
	r.Seed(bytesSeed(b))
}

// SeedString seeds as random.seed(s) does for a str (version 2): its
// UTF-8 encoding is used as with SeedBytes.
func (r *Random) SeedString(s string) {
	r.SeedBytes([]byte(s))
}

// SeedRandom seeds as random.seed() / random.seed(None) does: 624 words
// of operating-system randomness, or the time when that is unavailable.
func (r *Random) SeedRandom() {
	buf := make([]byte, 4*n)
	if _, err := rand.Read(buf); err != nil {
		r.Seed(big.NewInt(time.Now().UnixNano()))
		return
	}
	key := make([]uint32, n)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.initByArray(key)
}

// Uint32 returns the next 32 random bits (genrand_uint32).
func (r *Random) Uint32() uint32 {
	mt := &r.mt
	if r.index >= n {
		mag01 := [2]uint32{0, matrixA}
		var kk int
		for kk = 0; kk < n-m; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+m] ^ (y >> 1) ^ mag01[y&1]
		}
		for ; kk < n-1; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+(m-n)] ^ (y >> 1) ^ mag01[y&1]
		}
		y := (mt[n-1] & upperMask) | (mt[0] & lowerMask)
		mt[n-1] = mt[m-1] ^ (y >> 1) ^ mag01[y&1]
		r.index = 0
	}
	y := mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Random returns random.random(): a float in [0, 1) with 53 random bits
// (genrand_res53).
func (r *Random) Random() float64 {
	a := r.Uint32() >> 5
	b := r.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}
