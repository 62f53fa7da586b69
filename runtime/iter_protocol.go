package runtime

// This file gives the built-in iterator types their Python-visible
// __iter__ and __next__ methods: the interpreter drives them through the Go
// Iterator interface, but scripts also call it.__next__() directly and
// test hasattr(it, "__next__") (collections.abc.Iterator does).

func init() {
	for _, t := range []*Type{
		listIteratorType, tupleIteratorType, strIteratorType, rangeIteratorType,
		setIteratorType, dictIteratorTypes[0], dictIteratorTypes[1], dictIteratorTypes[2],
		bytesIteratorType, byteArrayIteratorType, IteratorType,
	} {
		AddIteratorMethods(t)
	}
}

// AddIteratorMethods installs __iter__ (returning the iterator itself) and
// __next__ (raising StopIteration when exhausted) on t, whose instances must
// implement Iterator. Lib packages call it for their own iterator types.
func AddIteratorMethods(t *Type) {
	t.Methods(biIteratorMethods)
}
