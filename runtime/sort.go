package runtime

// This file implements list.sort and SortValues as a port of CPython
// 3.11's listsort (Objects/listobject.c): timsort with binary insertion,
// galloping merges and the powersort merge policy. Porting the algorithm
// rather than using any stable sort makes the sequence of __lt__ calls,
// the result for inconsistent orders (NaNs, sets), the error raised first
// and the list's contents after a failed comparison all agree with
// CPython.

const (
	sortMinGallop = 7 // MIN_GALLOP
)

// sortRun is a pending run on the merge stack.
type sortRun struct {
	base, len int
	power     int
}

// sorter holds a MergeState for items of type T compared by lt.
type sorter[T any] struct {
	a         []T // the array being sorted
	tmp       []T // merge scratch space
	lt        func(x, y T) (bool, error)
	minGallop int
	pending   []sortRun
}

// binarySort sorts a[lo:hi] by binary insertion given that a[lo:start]
// is sorted. On error nothing of the current pivot has moved.
func (s *sorter[T]) binarySort(lo, hi, start int) error {
	a := s.a
	if lo == start {
		start++
	}
	for ; start < hi; start++ {
		l, r := lo, start
		pivot := a[r]
		for l < r {
			p := l + (r-l)>>1
			lt, err := s.lt(pivot, a[p])
			if err != nil {
				return err
			}
			if lt {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
	return nil
}

// countRun returns the length of the run starting at lo: non-descending,
// or strictly descending (then descending is true).
func (s *sorter[T]) countRun(lo, hi int) (n int, descending bool, err error) {
	a := s.a
	lo++
	if lo == hi {
		return 1, false, nil
	}
	n = 2
	lt, err := s.lt(a[lo], a[lo-1])
	if err != nil {
		return 0, false, err
	}
	if lt {
		descending = true
		for lo = lo + 1; lo < hi; lo, n = lo+1, n+1 {
			lt, err := s.lt(a[lo], a[lo-1])
			if err != nil {
				return 0, false, err
			}
			if !lt {
				break
			}
		}
	} else {
		for lo = lo + 1; lo < hi; lo, n = lo+1, n+1 {
			lt, err := s.lt(a[lo], a[lo-1])
			if err != nil {
				return 0, false, err
			}
			if lt {
				break
			}
		}
	}
	return n, descending, nil
}

// gallopLeft returns k such that a[k-1] < key <= a[k], searching from hint.
func (s *sorter[T]) gallopLeft(key T, a []T, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	lt, err := s.lt(a[hint], key)
	if err != nil {
		return -1, err
	}
	if lt {
		// a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
		maxofs := n - hint
		for ofs < maxofs {
			lt, err := s.lt(a[hint+ofs], key)
			if err != nil {
				return -1, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs += hint
		ofs += hint
	} else {
		// key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := s.lt(a[hint-ofs], key)
			if err != nil {
				return -1, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := s.lt(a[m], key)
		if err != nil {
			return -1, err
		}
		if lt {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight returns k such that a[k-1] <= key < a[k], searching from hint.
func (s *sorter[T]) gallopRight(key T, a []T, hint int) (int, error) {
	n := len(a)
	lastofs, ofs := 0, 1
	lt, err := s.lt(key, a[hint])
	if err != nil {
		return -1, err
	}
	if lt {
		// key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := s.lt(key, a[hint-ofs])
			if err != nil {
				return -1, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		// a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
		maxofs := n - hint
		for ofs < maxofs {
			lt, err := s.lt(key, a[hint+ofs])
			if err != nil {
				return -1, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs += hint
		ofs += hint
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := s.lt(key, a[m])
		if err != nil {
			return -1, err
		}
		if lt {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// scratch returns a temporary slice of n elements.
func (s *sorter[T]) scratch(n int) []T {
	if cap(s.tmp) < n {
		s.tmp = make([]T, n)
	}
	return s.tmp[:n]
}

// mergeLo merges a[pa:pa+na] with a[pb:pb+nb] (pb == pa+na, na <= nb),
// copying the first run aside. On error the array stays a permutation.
func (s *sorter[T]) mergeLo(pa, na, pb, nb int) (err error) {
	a := s.a
	tmp := s.scratch(na)
	copy(tmp, a[pa:pa+na])
	dest, ia, ib := pa, 0, pb
	a[dest] = a[ib]
	dest, ib, nb = dest+1, ib+1, nb-1
	if nb == 0 {
		goto done
	}
	if na == 1 {
		goto copyB
	}
	for minGallop := s.minGallop; ; {
		acount, bcount := 0, 0
		// Straightforward merging until one run wins consistently.
		for {
			lt, e := s.lt(a[ib], tmp[ia])
			if e != nil {
				err = e
				goto done
			}
			if lt {
				a[dest] = a[ib]
				dest, ib, nb = dest+1, ib+1, nb-1
				bcount++
				acount = 0
				if nb == 0 {
					goto done
				}
				if bcount >= minGallop {
					break
				}
			} else {
				a[dest] = tmp[ia]
				dest, ia, na = dest+1, ia+1, na-1
				acount++
				bcount = 0
				if na == 1 {
					goto copyB
				}
				if acount >= minGallop {
					break
				}
			}
		}
		// Gallop while either run keeps winning by MIN_GALLOP or more.
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			k, e := s.gallopRight(a[ib], tmp[ia:ia+na], 0)
			if e != nil {
				err = e
				goto done
			}
			acount = k
			if k > 0 {
				copy(a[dest:dest+k], tmp[ia:ia+k])
				dest, ia, na = dest+k, ia+k, na-k
				if na == 1 {
					goto copyB
				}
				if na == 0 {
					goto done
				}
			}
			a[dest] = a[ib]
			dest, ib, nb = dest+1, ib+1, nb-1
			if nb == 0 {
				goto done
			}
			k, e = s.gallopLeft(tmp[ia], a[ib:ib+nb], 0)
			if e != nil {
				err = e
				goto done
			}
			bcount = k
			if k > 0 {
				copy(a[dest:dest+k], a[ib:ib+k])
				dest, ib, nb = dest+k, ib+k, nb-k
				if nb == 0 {
					goto done
				}
			}
			a[dest] = tmp[ia]
			dest, ia, na = dest+1, ia+1, na-1
			if na == 1 {
				goto copyB
			}
			if acount < sortMinGallop && bcount < sortMinGallop {
				break
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
done:
	if na > 0 {
		copy(a[dest:dest+na], tmp[ia:ia+na])
	}
	return err
copyB:
	// The last element of run A belongs at the end of the merge.
	copy(a[dest:dest+nb], a[ib:ib+nb])
	a[dest+nb] = tmp[ia]
	return nil
}

// mergeHi merges a[pa:pa+na] with a[pb:pb+nb] (pb == pa+na, na >= nb),
// copying the second run aside and filling from the right.
func (s *sorter[T]) mergeHi(pa, na, pb, nb int) (err error) {
	a := s.a
	tmp := s.scratch(nb)
	copy(tmp, a[pb:pb+nb])
	basea := pa
	dest := pb + nb - 1
	ib := nb - 1
	ia := pa + na - 1
	a[dest] = a[ia]
	dest, ia, na = dest-1, ia-1, na-1
	if na == 0 {
		goto done
	}
	if nb == 1 {
		goto copyA
	}
	for minGallop := s.minGallop; ; {
		acount, bcount := 0, 0
		for {
			lt, e := s.lt(tmp[ib], a[ia])
			if e != nil {
				err = e
				goto done
			}
			if lt {
				a[dest] = a[ia]
				dest, ia, na = dest-1, ia-1, na-1
				acount++
				bcount = 0
				if na == 0 {
					goto done
				}
				if acount >= minGallop {
					break
				}
			} else {
				a[dest] = tmp[ib]
				dest, ib, nb = dest-1, ib-1, nb-1
				bcount++
				acount = 0
				if nb == 1 {
					goto copyA
				}
				if bcount >= minGallop {
					break
				}
			}
		}
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			k, e := s.gallopRight(tmp[ib], a[basea:basea+na], na-1)
			if e != nil {
				err = e
				goto done
			}
			k = na - k
			acount = k
			if k > 0 {
				dest, ia = dest-k, ia-k
				copy(a[dest+1:dest+1+k], a[ia+1:ia+1+k])
				na -= k
				if na == 0 {
					goto done
				}
			}
			a[dest] = tmp[ib]
			dest, ib, nb = dest-1, ib-1, nb-1
			if nb == 1 {
				goto copyA
			}
			k, e = s.gallopLeft(a[ia], tmp[:nb], nb-1)
			if e != nil {
				err = e
				goto done
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest, ib = dest-k, ib-k
				copy(a[dest+1:dest+1+k], tmp[ib+1:ib+1+k])
				nb -= k
				if nb == 1 {
					goto copyA
				}
				if nb == 0 {
					goto done
				}
			}
			a[dest] = a[ia]
			dest, ia, na = dest-1, ia-1, na-1
			if na == 0 {
				goto done
			}
			if acount < sortMinGallop && bcount < sortMinGallop {
				break
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
done:
	if nb > 0 {
		copy(a[dest-(nb-1):dest+1], tmp[:nb])
	}
	return err
copyA:
	// The first element of run B belongs at the front of the merge.
	copy(a[dest+1-na:dest+1], a[ia+1-na:ia+1])
	dest -= na
	a[dest] = tmp[ib]
	return nil
}

// mergeAt merges the runs at stack indices i and i+1.
func (s *sorter[T]) mergeAt(i int) error {
	a := s.a
	p := s.pending
	pa, na := p[i].base, p[i].len
	pb, nb := p[i+1].base, p[i+1].len
	p[i].len = na + nb
	if i == len(p)-3 {
		p[i+1] = p[i+2]
	}
	s.pending = p[:len(p)-1]
	// Elements of A before where B's first element goes are in place.
	k, err := s.gallopRight(a[pb], a[pa:pa+na], 0)
	if err != nil {
		return err
	}
	pa += k
	na -= k
	if na == 0 {
		return nil
	}
	// Elements of B after where A's last element goes are in place.
	nb, err = s.gallopLeft(a[pa+na-1], a[pb:pb+nb], nb-1)
	if err != nil || nb <= 0 {
		return err
	}
	if na <= nb {
		return s.mergeLo(pa, na, pb, nb)
	}
	return s.mergeHi(pa, na, pb, nb)
}

// powerloop computes the powersort "power" of the boundary between two
// adjacent runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in a list of length n.
func powerloop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// foundNewRun applies the powersort policy before a run of length n2 is
// pushed.
func (s *sorter[T]) foundNewRun(n2 int) error {
	if len(s.pending) == 0 {
		return nil
	}
	top := s.pending[len(s.pending)-1]
	power := powerloop(top.base, top.len, n2, len(s.a))
	for len(s.pending) > 1 && s.pending[len(s.pending)-2].power > power {
		if err := s.mergeAt(len(s.pending) - 2); err != nil {
			return err
		}
	}
	s.pending[len(s.pending)-1].power = power
	return nil
}

// forceCollapse merges all pending runs.
func (s *sorter[T]) forceCollapse() error {
	for len(s.pending) > 1 {
		n := len(s.pending) - 2
		if n > 0 && s.pending[n-1].len < s.pending[n+1].len {
			n--
		}
		if err := s.mergeAt(n); err != nil {
			return err
		}
	}
	return nil
}

// computeMinrun is merge_compute_minrun.
func computeMinrun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

func reverseSlice[T any](a []T) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// timsort sorts a in place, stably; on error a is a permutation of its
// input, exactly as CPython leaves it.
func timsort[T any](a []T, lt func(x, y T) (bool, error)) error {
	n := len(a)
	if n < 2 {
		return nil
	}
	s := &sorter[T]{a: a, lt: lt, minGallop: sortMinGallop}
	minrun := computeMinrun(n)
	for lo, remaining := 0, n; remaining > 0; {
		run, desc, err := s.countRun(lo, lo+remaining)
		if err != nil {
			return err
		}
		if desc {
			reverseSlice(a[lo : lo+run])
		}
		if run < minrun {
			force := minrun
			if remaining <= minrun {
				force = remaining
			}
			if err := s.binarySort(lo, lo+force, lo+run); err != nil {
				return err
			}
			run = force
		}
		if err := s.foundNewRun(run); err != nil {
			return err
		}
		s.pending = append(s.pending, sortRun{base: lo, len: run})
		lo += run
		remaining -= run
	}
	return s.forceCollapse()
}

// sortLess is the comparison of list.sort: Python's <, with fast paths
// for the homogeneous cases CPython also specializes.
func sortLess(th *Thread, x, y Value) (bool, error) {
	if x.IsSmallInt() && y.IsSmallInt() {
		return x.SmallInt() < y.SmallInt(), nil
	}
	if x.IsFloat() && y.IsFloat() {
		return x.FloatVal() < y.FloatVal(), nil
	}
	if a, ok := x.obj.(*StrObj); ok {
		if b, ok := y.obj.(*StrObj); ok {
			return a.S < b.S, nil
		}
	}
	return Less(th, x, y)
}

// keyedValue pairs an item with its sort key.
type keyedValue struct{ key, value Value }

// SortValues sorts items in place as list.sort(key=key, reverse=reverse)
// does; key may be None or the zero Value. If the key function fails the
// items are unchanged; if a comparison fails they are left permuted as
// CPython leaves them. sorted() uses it.
func SortValues(th *Thread, items []Value, key Value, reverse bool) error {
	if !key.IsValid() || key.IsNone() {
		if reverse {
			reverseValues(items)
		}
		// Each comparison is a unit of work, charged in batches.
		m := workMeter{th: th}
		err := timsort(items, func(x, y Value) (bool, error) {
			if err := m.add(1); err != nil {
				return false, err
			}
			return sortLess(th, x, y)
		})
		if reverse {
			reverseValues(items)
		}
		return err
	}
	if err := th.Alloc(int64(len(items)) * 2 * valueSize); err != nil {
		return err
	}
	pairs := make([]keyedValue, len(items))
	arg := make([]Value, 1)
	for i, v := range items {
		arg[0] = v
		k, err := th.Call(key, arg, nil)
		if err != nil {
			return err
		}
		pairs[i] = keyedValue{k, v}
	}
	if reverse {
		reverseSlice(pairs)
	}
	m := workMeter{th: th}
	err := timsort(pairs, func(x, y keyedValue) (bool, error) {
		if err := m.add(1); err != nil {
			return false, err
		}
		return sortLess(th, x.key, y.key)
	})
	for i := range pairs {
		items[i] = pairs[i].value
	}
	if reverse {
		reverseValues(items)
	}
	return err
}

// sortReverseArg converts reverse= as CPython's bool(accept={int}): an int
// that fits a C int.
func sortReverseArg(v Value) (bool, error) {
	n, ok := asInt64(v)
	if !ok {
		if isIntLike(v) {
			return false, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return false, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if n < -1<<31 || n >= 1<<31 {
		return false, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return n != 0, nil
}

// listSort is list.sort(*, key=None, reverse=False). As in CPython the
// list looks empty while it is being sorted, and a change made meanwhile
// by a key function or comparison raises ValueError.
func listSort(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 0 {
		return Value{}, Errorf(TypeError, "sort() takes no positional arguments")
	}
	key := None
	reverse := false
	for _, k := range kw {
		switch k.Name {
		case "key":
			key = k.Value
		case "reverse":
			r, err := sortReverseArg(k.Value)
			if err != nil {
				return Value{}, err
			}
			reverse = r
		default:
			return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for sort()", k.Name)
		}
	}
	l := asList(self)
	items := l.Items
	sentinel := make([]Value, 0, 1)
	l.Items = sentinel
	err := SortValues(th, items, key, reverse)
	modified := len(l.Items) != 0 || cap(l.Items) != 1 || &l.Items[:1][0] != &sentinel[:1][0]
	l.Items = items
	if err != nil {
		return Value{}, err
	}
	if modified {
		return Value{}, Errorf(ValueError, "list modified during sort")
	}
	return None, nil
}
