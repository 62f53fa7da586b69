package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPyParamsBindMessages checks PyParams against the messages CPython
// 3.11 prints for the methods of
//
//	class R:
//	    def f(self, a, b=1, *, k=None): pass
//	    def g(self): pass
//	    def h(self, a, b, c): pass
func TestPyParamsBindMessages(t *testing.T) {
	f := &PyParams{Name: "R.f", Method: true, Params: []string{"a", "b"}, Required: 1, KwOnly: []string{"k"}}
	g := &PyParams{Name: "R.g", Method: true}
	h := &PyParams{Name: "R.h", Method: true, Params: []string{"a", "b", "c"}, Required: 3}
	one := []Value{Int(1)}
	for _, c := range []struct {
		p    *PyParams
		args []Value
		kw   []Kwarg
		want string
	}{
		{f, nil, nil, "R.f() missing 1 required positional argument: 'a'"},
		{f, []Value{Int(1), Int(2), Int(3)}, nil, "R.f() takes from 2 to 3 positional arguments but 4 were given"},
		{f, one, []Kwarg{{Name: "a", Value: Int(2)}}, "R.f() got multiple values for argument 'a'"},
		{f, one, []Kwarg{{Name: "z", Value: Int(2)}}, "R.f() got an unexpected keyword argument 'z'"},
		{g, one, nil, "R.g() takes 1 positional argument but 2 were given"},
		{h, nil, nil, "R.h() missing 3 required positional arguments: 'a', 'b', and 'c'"},
		{h, one, nil, "R.h() missing 2 required positional arguments: 'b' and 'c'"},
	} {
		out := make([]Value, len(c.p.Params)+len(c.p.KwOnly))
		err := c.p.Bind(c.args, c.kw, out)
		require.Error(t, err, c.want)
		assert.Equal(t, "TypeError: "+c.want, err.Error())
	}

	out := make([]Value, 3)
	require.NoError(t, f.Bind(one, []Kwarg{{Name: "k", Value: Int(5)}}, out))
	assert.Equal(t, []Value{Int(1), {}, Int(5)}, out, "b keeps the zero Value, k lands after the positional parameters")
}

// TestUnpackArgsPositionalOnly checks the "/" marker: such a parameter
// cannot be passed by keyword, and a missing one is reported by count,
// as CPython's Argument Clinic does for
// Future.add_done_callback(fn, /, *, context=None).
func TestUnpackArgsPositionalOnly(t *testing.T) {
	var fn, ctx Value
	err := UnpackArgs("add_done_callback", nil, nil, "/fn", &fn, "$context?", &ctx)
	require.Error(t, err)
	assert.Equal(t, "TypeError: add_done_callback() takes exactly 1 positional argument (0 given)", err.Error())

	err = UnpackArgs("add_done_callback", nil, []Kwarg{{Name: "fn", Value: None}}, "/fn", &fn, "$context?", &ctx)
	require.Error(t, err)
	assert.Equal(t, "TypeError: add_done_callback() takes exactly 1 positional argument (0 given)", err.Error(), "fn cannot be given by keyword")

	require.NoError(t, UnpackArgs("add_done_callback", []Value{Int(1)}, []Kwarg{{Name: "context", Value: Int(2)}}, "/fn", &fn, "$context?", &ctx))
	assert.Equal(t, Int(1), fn)
	assert.Equal(t, Int(2), ctx)
}
