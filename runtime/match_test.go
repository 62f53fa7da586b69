package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userClass makes a class as a class statement would, with the given
// class attributes.
func userClass(name string, base *Type, attrs map[string]Value) *Type {
	t := NewType(name, base)
	t.Module, t.User = "__main__", true
	for k, v := range attrs {
		t.SetAttr(k, v)
	}
	return t
}

func TestMatchIsSequenceAndMapping(t *testing.T) {
	seq := []Value{Obj(NewList(nil)), TupleOf(Int(1)), Obj(&Range{Start: 0, Stop: 3, Step: 1})}
	for _, v := range seq {
		assert.True(t, MatchIsSequence(v), v.Type().Name)
		assert.False(t, MatchIsMapping(v), v.Type().Name)
	}
	for _, v := range []Value{Str("abc"), Obj(NewDict()), Obj(NewSet()), Int(1), None} {
		assert.False(t, MatchIsSequence(v), v.Type().Name)
	}
	assert.True(t, MatchIsMapping(Obj(NewDict())))

	// A class registered as a sequence (Sequence.register) matches, and
	// so do its subclasses; a class named Sequence in collections.abc
	// makes its subclasses sequences.
	reg := userClass("Reg", ObjectType, nil)
	sub := userClass("Sub", reg, nil)
	assert.False(t, MatchIsSequence(Obj(&Instance{Class: sub})))
	RegisterMatchSequence(reg)
	assert.True(t, MatchIsSequence(Obj(&Instance{Class: sub})))
	abc := userClass("Mapping", ObjectType, nil)
	abc.Module = "collections.abc"
	assert.True(t, MatchIsMapping(Obj(&Instance{Class: userClass("M", abc, nil)})))
}

func TestMatchClassSelfMatchingBuiltins(t *testing.T) {
	th := NewThread()
	attrs, ok, err := MatchClass(th, Int(5), Obj(IntType), 1, nil)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, []Value{Int(5)}, attrs)

	// A subclass of a built-in type inherits the self-match.
	myInt := userClass("MyInt", IntType, nil)
	assert.True(t, matchesSelf(myInt))
	assert.False(t, matchesSelf(userClass("Plain", ObjectType, nil)))

	_, _, err = MatchClass(th, Int(5), Obj(IntType), 2, nil)
	assert.EqualError(t, err, "TypeError: int() accepts 1 positional sub-pattern (2 given)")
	_, ok, err = MatchClass(th, Str("s"), Obj(IntType), 1, nil)
	require.NoError(t, err)
	assert.False(t, ok, "not an instance: no match, no error")
}

func TestMatchClassMatchArgs(t *testing.T) {
	th := NewThread()
	point := userClass("Point", ObjectType, map[string]Value{"__match_args__": TupleOf(Str("x"), Str("y"))})
	p := &Instance{Class: point}
	p.Dict.Set("x", Int(1))
	p.Dict.Set("y", Int(2))
	attrs, ok, err := MatchClass(th, Obj(p), Obj(point), 2, []string{"z"})
	require.NoError(t, err)
	assert.False(t, ok, "a missing keyword attribute fails the match")
	attrs, ok, err = MatchClass(th, Obj(p), Obj(point), 1, []string{"y"})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, []Value{Int(1), Int(2)}, attrs)

	_, _, err = MatchClass(th, Obj(p), Obj(point), 1, []string{"x"})
	assert.EqualError(t, err, "TypeError: Point() got multiple sub-patterns for attribute 'x'")
	_, _, err = MatchClass(th, Obj(p), Obj(point), 3, nil)
	assert.EqualError(t, err, "TypeError: Point() accepts 2 positional sub-patterns (3 given)")
	_, _, err = MatchClass(th, Obj(p), Int(3), 0, nil)
	assert.EqualError(t, err, "TypeError: called match pattern must be a type")

	bad := userClass("Bad", ObjectType, map[string]Value{"__match_args__": Obj(NewList([]Value{Str("x")}))})
	_, _, err = MatchClass(th, Obj(&Instance{Class: bad}), Obj(bad), 1, nil)
	assert.EqualError(t, err, "TypeError: Bad.__match_args__ must be a tuple (got list)")
}

func TestMatchKeys(t *testing.T) {
	th := NewThread()
	d := NewDict()
	require.NoError(t, d.SetItem(th, Str("a"), Int(1)))
	require.NoError(t, d.SetItem(th, Int(1), Str("one")))
	vals, ok, err := MatchKeys(th, Obj(d), []Value{Float(1.0), Str("a")})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, []Value{Str("one"), Int(1)}, vals)
	_, ok, err = MatchKeys(th, Obj(d), []Value{Str("missing")})
	require.NoError(t, err)
	assert.False(t, ok)
	_, _, err = MatchKeys(th, Obj(d), []Value{Str("a"), Str("a")})
	assert.EqualError(t, err, "ValueError: mapping pattern checks duplicate key ('a')")
}
