package pyrand

import (
	"crypto/sha512"
	"fmt"
	"math"
	"math/big"
	"math/bits"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// bytesSeed is int.from_bytes(b + sha512(b).digest()), big-endian.
func bytesSeed(b []byte) *big.Int {
	sum := sha512.Sum512(b)
	buf := append(append([]byte{}, b...), sum[:]...)
	return new(big.Int).SetBytes(buf)
}

func valueError(msg string) error { return &pyfmt.Error{Type: "ValueError", Msg: msg} }

// GetRandBits returns random.getrandbits(k) for k >= 0 (the caller
// raises ValueError "number of bits must be non-negative" for k < 0).
func (r *Random) GetRandBits(k int) *big.Int {
	if k <= 64 {
		return new(big.Int).SetUint64(r.GetRandBits64(k))
	}
	words := (k-1)/32 + 1
	// Words are drawn least significant first; the last (most
	// significant) one keeps only its top k%32 bits.
	ws := make([]big.Word, 0, (words*32+bits.UintSize-1)/bits.UintSize)
	var acc uint64
	accBits := 0
	for i := 0; i < words; i, k = i+1, k-32 {
		w := r.Uint32()
		if k < 32 {
			w >>= 32 - k
		}
		acc |= uint64(w) << accBits
		accBits += 32
		if accBits == bits.UintSize {
			ws = append(ws, big.Word(acc))
			acc, accBits = 0, 0
		}
	}
	if accBits > 0 {
		ws = append(ws, big.Word(acc))
	}
	return new(big.Int).SetBits(ws)
}

// GetRandBits64 is GetRandBits for 0 <= k <= 64, drawing the same words.
func (r *Random) GetRandBits64(k int) uint64 {
	switch {
	case k <= 0:
		return 0
	case k <= 32:
		return uint64(r.Uint32() >> (32 - k))
	}
	lo := uint64(r.Uint32())
	hi := uint64(r.Uint32() >> (64 - k))
	return hi<<32 | lo
}

// RandBelow returns a random int in [0, n) for n > 0, as CPython's
// _randbelow_with_getrandbits draws it (0 for n <= 0).
func (r *Random) RandBelow(n *big.Int) *big.Int {
	if n.Sign() <= 0 {
		return new(big.Int)
	}
	if n.IsUint64() {
		return new(big.Int).SetUint64(r.RandBelow64(n.Uint64()))
	}
	k := n.BitLen()
	for {
		x := r.GetRandBits(k)
		if x.Cmp(n) < 0 {
			return x
		}
	}
}

// RandBelow64 is RandBelow for a uint64 bound.
func (r *Random) RandBelow64(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	k := bits.Len64(n)
	for {
		x := r.GetRandBits64(k)
		if x < n {
			return x
		}
	}
}

// randBelowInt is RandBelow64 for an int bound.
func (r *Random) randBelowInt(n int) int {
	return int(r.RandBelow64(uint64(n)))
}

// RandRange returns random.randrange(start, stop, step) for ints. A nil
// stop is the one-argument form randrange(start); a nil step means 1.
// Errors are CPython's ValueErrors.
func (r *Random) RandRange(start, stop, step *big.Int) (*big.Int, error) {
	if stop == nil {
		if start.Sign() > 0 {
			return r.RandBelow(start), nil
		}
		return nil, valueError("empty range for randrange()")
	}
	width := new(big.Int).Sub(stop, start)
	if step == nil || (step.IsInt64() && step.Int64() == 1) {
		if width.Sign() > 0 {
			return new(big.Int).Add(start, r.RandBelow(width)), nil
		}
		return nil, valueError(fmt.Sprintf("empty range for randrange() (%s, %s, %s)", start, stop, width))
	}
	var cnt *big.Int
	switch step.Sign() {
	case 1:
		cnt = new(big.Int).Add(width, step)
		cnt.Sub(cnt, big.NewInt(1))
	case -1:
		cnt = new(big.Int).Add(width, step)
		cnt.Add(cnt, big.NewInt(1))
	default:
		return nil, valueError("zero step for randrange()")
	}
	floorDiv(cnt, step)
	if cnt.Sign() <= 0 {
		return nil, valueError("empty range for randrange()")
	}
	x := r.RandBelow(cnt)
	x.Mul(x, step)
	return x.Add(x, start), nil
}

// floorDiv sets a to a // b (Python's floor division).
func floorDiv(a, b *big.Int) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && m.Sign() != b.Sign() {
		q.Sub(q, big.NewInt(1))
	}
	a.Set(q)
}

// RandRange64 is RandRange(start, stop, step) for int64 arguments.
func (r *Random) RandRange64(start, stop, step int64) (int64, error) {
	if step == 1 && stop > start {
		// The difference fits in a uint64, and so does the wrapped sum.
		width := uint64(stop) - uint64(start)
		return int64(uint64(start) + r.RandBelow64(width)), nil
	}
	x, err := r.RandRange(big.NewInt(start), big.NewInt(stop), big.NewInt(step))
	if err != nil {
		return 0, err
	}
	return x.Int64(), nil
}

// RandInt returns random.randint(a, b): randrange(a, b+1).
func (r *Random) RandInt(a, b *big.Int) (*big.Int, error) {
	return r.RandRange(a, new(big.Int).Add(b, big.NewInt(1)), nil)
}

// RandInt64 is RandInt for int64 bounds.
func (r *Random) RandInt64(a, b int64) (int64, error) {
	if b == math.MaxInt64 {
		x, err := r.RandInt(big.NewInt(a), big.NewInt(b))
		if err != nil {
			return 0, err
		}
		return x.Int64(), nil
	}
	return r.RandRange64(a, b+1, 1)
}

// Choice returns the index random.choice picks in a sequence of length
// size, or CPython's IndexError for an empty one.
func (r *Random) Choice(size int) (int, error) {
	if size <= 0 {
		return 0, &pyfmt.Error{Type: "IndexError", Msg: "Cannot choose from an empty sequence"}
	}
	return r.randBelowInt(size), nil
}

// Shuffle performs random.shuffle's swaps on a sequence of length size:
// for i from size-1 down to 1, swap(i, randbelow(i+1)).
func (r *Random) Shuffle(size int, swap func(i, j int)) {
	for i := size - 1; i >= 1; i-- {
		j := r.randBelowInt(i + 1)
		swap(i, j)
	}
}

// Sample returns the indices random.sample(population, k) selects from a
// population of size n, in selection order, using CPython 3.11's
// algorithm (a pool for small populations, a set of selected indices
// otherwise). It fails with CPython's ValueError unless 0 <= k <= n.
func (r *Random) Sample(n, k int) ([]int, error) {
	if k < 0 || k > n {
		return nil, valueError("Sample larger than population or is negative")
	}
	result := make([]int, k)
	setsize := 21
	if k > 5 {
		e := math.Ceil(math.Log(float64(k*3)) / math.Log(4))
		setsize += 1 << (2 * int(e))
	}
	if n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := r.randBelowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	selected := make(map[int]struct{}, k)
	for i := 0; i < k; i++ {
		j := r.randBelowInt(n)
		for {
			if _, dup := selected[j]; !dup {
				break
			}
			j = r.randBelowInt(n)
		}
		selected[j] = struct{}{}
		result[i] = j
	}
	return result, nil
}

// Uniform returns random.uniform(a, b): a + (b-a)*random().
func (r *Random) Uniform(a, b float64) float64 {
	return a + (b-a)*r.Random()
}
