package collections

// This file checks the ring buffer of deque against a plain slice model
// over random operation sequences, wraparounds and growth included.

import (
	"math/rand"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/require"
)

// model applies the deque operations to a slice.
type model struct {
	items  []int64
	maxlen int
}

func (m *model) pushBack(v int64) {
	if m.maxlen == 0 {
		return
	}
	if m.maxlen > 0 && len(m.items) == m.maxlen {
		m.items = m.items[1:]
	}
	m.items = append(m.items, v)
}

func (m *model) pushFront(v int64) {
	if m.maxlen == 0 {
		return
	}
	if m.maxlen > 0 && len(m.items) == m.maxlen {
		m.items = m.items[:len(m.items)-1]
	}
	m.items = append([]int64{v}, m.items...)
}

func (m *model) rotate(k int64) {
	n := int64(len(m.items))
	if n <= 1 {
		return
	}
	k = ((k % n) + n) % n
	m.items = append(append([]int64{}, m.items[n-k:]...), m.items[:n-k]...)
}

func contents(d *Deque) []int64 {
	out := make([]int64, d.n)
	for i := range out {
		out[i] = d.at(i).SmallInt()
	}
	return out
}

func TestDequeRingMatchesSliceModel(t *testing.T) {
	th := runtime.NewThread()
	for seed := int64(1); seed <= 40; seed++ {
		r := rand.New(rand.NewSource(seed))
		maxlen := -1
		if seed%4 == 0 {
			maxlen = r.Intn(12)
		}
		d := &Deque{maxlen: maxlen}
		m := &model{maxlen: maxlen}
		for step := 0; step < 2000; step++ {
			v := int64(r.Intn(1000))
			switch op := r.Intn(9); op {
			case 0, 1:
				require.NoError(t, d.pushBack(th, runtime.Int(v)))
				m.pushBack(v)
			case 2, 3:
				require.NoError(t, d.pushFront(th, runtime.Int(v)))
				m.pushFront(v)
			case 4:
				if d.n > 0 {
					require.Equal(t, m.items[len(m.items)-1], d.popBack().SmallInt())
					m.items = m.items[:len(m.items)-1]
				}
			case 5:
				if d.n > 0 {
					require.Equal(t, m.items[0], d.popFront().SmallInt())
					m.items = m.items[1:]
				}
			case 6:
				k := int64(r.Intn(41) - 20)
				require.NoError(t, d.rotate(th, k))
				m.rotate(k)
			case 7:
				if d.n > 0 && (maxlen < 0 || d.n < maxlen) {
					i := r.Intn(d.n + 1)
					require.NoError(t, d.insertAt(th, i, runtime.Int(v)))
					m.items = append(m.items[:i], append([]int64{v}, m.items[i:]...)...)
				}
			case 8:
				if d.n > 0 {
					i := r.Intn(d.n)
					d.deleteAt(i)
					m.items = append(m.items[:i], m.items[i+1:]...)
				}
			}
			require.Equal(t, len(m.items), d.n, "seed %d step %d", seed, step)
			if len(m.items) > 0 {
				require.Equal(t, m.items, contents(d), "seed %d step %d", seed, step)
			}
		}
	}
}

func TestDequeBufferShrinksAfterDraining(t *testing.T) {
	th := runtime.NewThread()
	d := &Deque{maxlen: -1}
	for i := 0; i < 10000; i++ {
		require.NoError(t, d.pushBack(th, runtime.Int(int64(i))))
	}
	grown := len(d.buf)
	for d.n > 10 {
		d.popFront()
	}
	require.Less(t, len(d.buf), grown/8, "a drained deque gives back its buffer")
	require.Equal(t, []int64{9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999}, contents(d))
}
