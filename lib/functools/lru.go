// Package functools is Python's functools module: its hot parts (reduce,
// partial and the lru_cache wrapper) in Go, the rest in functools.aio.
package functools

// This file defines the wrapper that lru_cache and cache put around a
// function: a dict from argument keys to results, with a doubly linked
// recency list when the size is bounded.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// lruLink is one cached call: its key and result, in the recency list
// (the oldest entry follows the sentinel, the newest precedes it).
type lruLink struct {
	key, result runtime.Value
	prev, next  *lruLink
}

// Type makes a link an Object so that the cache dict can hold it; a
// script never sees one.
func (*lruLink) Type() *runtime.Type { return runtime.ObjectType }

// Footprint is the size of the link.
func (l *lruLink) Footprint() int64 { return int64(unsafe.Sizeof(*l)) }

// Referents visits the key and the result.
func (l *lruLink) Referents(w *runtime.MemWalker) { w.Value(l.key); w.Value(l.result) }

// lruWrapper is functools._lru_cache_wrapper: it calls fn through the
// cache. maxsize < 0 means unbounded; 0 means no caching at all.
type lruWrapper struct {
	fn           runtime.Value
	maxsize      int64
	typed        bool
	cache        *runtime.Dict // key -> result, or -> *lruLink when bounded
	ring         lruLink       // sentinel of the recency list
	hits, misses int64
	dict         map[string]runtime.Value
}

// lruWrapperType is functools._lru_cache_wrapper.
var lruWrapperType = runtime.NewType("_lru_cache_wrapper", runtime.ObjectType)

// kwdMark separates positional from keyword arguments in a key; it is a
// value no script can pass.
var kwdMark = runtime.Obj(&lruLink{})

// Type returns functools._lru_cache_wrapper.
func (*lruWrapper) Type() *runtime.Type { return lruWrapperType }

// Attr returns attributes set on the wrapper (update_wrapper's copies).
func (c *lruWrapper) Attr(name string) (runtime.Value, bool) {
	if name == "__wrapped__" {
		if v, ok := c.dict[name]; ok {
			return v, true
		}
		return c.fn, true
	}
	v, ok := c.dict[name]
	return v, ok
}

// SetAttrValue sets an attribute on the wrapper.
func (c *lruWrapper) SetAttrValue(name string, v runtime.Value) bool {
	return setAttr(&c.dict, name, v)
}

// DelAttrValue deletes an attribute of the wrapper.
func (c *lruWrapper) DelAttrValue(name string) bool { return delAttr(c.dict, name) }

// setAttr stores a script attribute in an object's attribute map,
// making the map on first use.
func setAttr(dict *map[string]runtime.Value, name string, v runtime.Value) bool {
	if *dict == nil {
		*dict = map[string]runtime.Value{}
	}
	(*dict)[name] = v
	return true
}

// delAttr deletes a script attribute, reporting whether it was set.
func delAttr(dict map[string]runtime.Value, name string) bool {
	_, ok := dict[name]
	delete(dict, name)
	return ok
}

// Get binds the wrapper to an instance, as a function would be.
func (c *lruWrapper) Get(th *runtime.Thread, obj runtime.Value, cls *runtime.Type) (runtime.Value, error) {
	if !obj.IsValid() || obj.IsNone() {
		return runtime.Obj(c), nil
	}
	return runtime.Obj(&runtime.BoundMethod{Self: obj, Func: runtime.Obj(c)}), nil
}

// Footprint is the size of the wrapper.
func (c *lruWrapper) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents visits the function, the cache and the attributes.
func (c *lruWrapper) Referents(w *runtime.MemWalker) {
	w.Value(c.fn)
	w.Any(c.cache)
	for _, v := range c.dict {
		w.Value(v)
	}
}

// key builds the cache key of a call: the arguments themselves for one
// int or str, else a tuple of the positional arguments, then a mark and
// the keyword pairs, then (when typed) the arguments' types.
func (c *lruWrapper) key(args []runtime.Value, kw []runtime.Kwarg) runtime.Value {
	if !c.typed && len(kw) == 0 && len(args) == 1 {
		if t := args[0].Type(); t == runtime.IntType || t == runtime.StrType {
			return args[0]
		}
	}
	n := len(args)
	if len(kw) > 0 {
		n += 1 + 2*len(kw)
	}
	if c.typed {
		n += len(args) + len(kw)
	}
	items := make([]runtime.Value, 0, n)
	items = append(items, args...)
	if len(kw) > 0 {
		items = append(items, kwdMark)
		for _, k := range kw {
			items = append(items, runtime.Str(k.Name), k.Value)
		}
	}
	if c.typed {
		for _, a := range args {
			items = append(items, runtime.Obj(a.Type()))
		}
		for _, k := range kw {
			items = append(items, runtime.Obj(k.Value.Type()))
		}
	}
	return runtime.Obj(runtime.NewTuple(items))
}

// Call looks the call up in the cache, calling the function on a miss.
func (c *lruWrapper) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if c.maxsize == 0 {
		c.misses++
		return th.Call(c.fn, args, kw)
	}
	key := c.key(args, kw)
	v, ok, err := c.cache.Get(th, key)
	if err != nil {
		return runtime.Value{}, err
	}
	if ok {
		c.hits++
		if c.maxsize < 0 {
			return v, nil
		}
		l := v.Object().(*lruLink)
		c.unlink(l)
		c.pushNewest(l)
		return l.result, nil
	}
	c.misses++
	r, err := th.Call(c.fn, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	// A recursive call may have cached this key meanwhile: keep that one.
	if _, ok, err := c.cache.Get(th, key); err != nil || ok {
		return r, err
	}
	if c.maxsize < 0 {
		return r, c.cache.SetItem(th, key, r)
	}
	if int64(c.cache.Len()) >= c.maxsize {
		old := c.ring.next
		c.unlink(old)
		if _, _, err := c.cache.Delete(th, old.key); err != nil {
			return runtime.Value{}, err
		}
	}
	l := &lruLink{key: key, result: r}
	c.pushNewest(l)
	return r, c.cache.SetItem(th, key, runtime.Obj(l))
}

// unlink takes l out of the recency list.
func (c *lruWrapper) unlink(l *lruLink) {
	l.prev.next, l.next.prev = l.next, l.prev
	l.prev, l.next = nil, nil
}

// pushNewest puts l at the newest end of the recency list.
func (c *lruWrapper) pushNewest(l *lruLink) {
	last := c.ring.prev
	l.prev, l.next = last, &c.ring
	last.next = l
	c.ring.prev = l
}

// clear empties the cache and its statistics.
func (c *lruWrapper) clear() {
	c.cache = runtime.NewDict()
	c.ring.prev, c.ring.next = &c.ring, &c.ring
	c.hits, c.misses = 0, 0
}

// newLRUWrapper is _lru_cache_wrapper(user_function, maxsize, typed,
// cache_info_type): maxsize None for no bound.
func newLRUWrapper(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var fn, maxsize, typed runtime.Value
	if err := runtime.UnpackArgs("_lru_cache_wrapper", args, kw, "user_function", &fn, "maxsize", &maxsize, "typed", &typed); err != nil {
		return runtime.Value{}, err
	}
	if !runtime.IsCallable(fn) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "the first argument must be callable")
	}
	c := &lruWrapper{fn: fn, maxsize: -1}
	if !maxsize.IsNone() {
		n, err := runtime.IndexValue(maxsize)
		if err != nil {
			return runtime.Value{}, err
		}
		c.maxsize = max(n, 0)
	}
	t, err := runtime.Truth(th, typed)
	if err != nil {
		return runtime.Value{}, err
	}
	c.typed = t
	c.clear()
	return runtime.Obj(c), nil
}

func init() {
	lruWrapperType.Module = "functools"
	lruWrapperType.Methods(map[string]runtime.BuiltinFn{
		"cache_clear": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("cache_clear", args, kw); err != nil {
				return runtime.Value{}, err
			}
			self.Object().(*lruWrapper).clear()
			return runtime.None, nil
		},
		// cache_info builds the source part's CacheInfo.
		"cache_info": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("cache_info", args, kw); err != nil {
				return runtime.Value{}, err
			}
			c := self.Object().(*lruWrapper)
			info, err := moduleAttr(th, "_CacheInfo")
			if err != nil {
				return runtime.Value{}, err
			}
			return th.Call(info, []runtime.Value{runtime.Int(c.hits), runtime.Int(c.misses), c.maxsizeValue(), runtime.Int(int64(c.cache.Len()))}, nil)
		},
		"cache_parameters": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("cache_parameters", args, kw); err != nil {
				return runtime.Value{}, err
			}
			c := self.Object().(*lruWrapper)
			d := runtime.NewDict()
			if err := d.SetItem(th, runtime.Str("maxsize"), c.maxsizeValue()); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(d), d.SetItem(th, runtime.Str("typed"), runtime.MakeBool(c.typed))
		},
	})
}

// maxsizeValue is the cache's maxsize as a script sees it.
func (c *lruWrapper) maxsizeValue() runtime.Value {
	if c.maxsize < 0 {
		return runtime.None
	}
	return runtime.Int(c.maxsize)
}

// moduleAttr reads an attribute of the functools module of th.
func moduleAttr(th *runtime.Thread, name string) (runtime.Value, error) {
	m := th.Modules["functools"]
	if m == nil {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "functools is not imported")
	}
	v, ok := m.Get(name)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.AttributeError, "module 'functools' has no attribute '%s'", name)
	}
	return v, nil
}
