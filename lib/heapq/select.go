package heapq

// This file defines keepBest, the bounded-heap selection behind
// nlargest and nsmallest when n is small against the input.

import (
	"sort"

	"github.com/aio-lang/aio/runtime"
)

// candidate is an item, its key and its position in the input.
type candidate struct {
	key, value runtime.Value
	at         int
}

// keepBest returns the n items that a stable sort (descending when
// largest) would put first, in input order. A heap holds the best n seen
// so far with the worst at its root; a later item enters only when it
// beats that worst strictly, since on a tie the earlier item sorts first.
func keepBest(th *runtime.Thread, items []runtime.Value, key runtime.Value, n int, largest bool) ([]runtime.Value, error) {
	// beats reports whether key a ranks before key b.
	beats := func(a, b runtime.Value) (bool, error) {
		if largest {
			return less(th, b, a)
		}
		return less(th, a, b)
	}
	// worse orders the heap: the candidate that ranks later is "smaller",
	// so the root is the one to drop first.
	worse := func(a, b *candidate) (bool, error) {
		if lt, err := beats(b.key, a.key); err != nil || lt {
			return lt, err
		}
		gt, err := beats(a.key, b.key)
		if err != nil || gt {
			return false, err
		}
		return a.at > b.at, nil
	}
	h := make([]*candidate, 0, n)
	down := func(i int) error {
		for {
			w := i
			for _, c := range [2]int{2*i + 1, 2*i + 2} {
				if c < len(h) {
					lt, err := worse(h[c], h[w])
					if err != nil {
						return err
					}
					if lt {
						w = c
					}
				}
			}
			if w == i {
				return nil
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for i, v := range items {
		k := v
		if !key.IsNone() {
			var err error
			if k, err = th.Call(key, []runtime.Value{v}, nil); err != nil {
				return nil, err
			}
		}
		if len(h) < n {
			h = append(h, &candidate{key: k, value: v, at: i})
			if len(h) == n {
				for j := n/2 - 1; j >= 0; j-- {
					if err := down(j); err != nil {
						return nil, err
					}
				}
			}
			continue
		}
		better, err := beats(k, h[0].key)
		if err != nil {
			return nil, err
		}
		if better {
			h[0] = &candidate{key: k, value: v, at: i}
			if err := down(0); err != nil {
				return nil, err
			}
		}
		if i&4095 == 4095 {
			if err := th.Work(4096); err != nil {
				return nil, err
			}
		}
	}
	sort.Slice(h, func(a, b int) bool { return h[a].at < h[b].at })
	out := make([]runtime.Value, len(h))
	for i, c := range h {
		out[i] = c.value
	}
	return out, nil
}
