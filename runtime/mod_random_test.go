package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRandomSequence replays a seeded session and compares every result
// with what CPython 3.11 printed for the same calls.
func TestRandomSequence(t *testing.T) {
	th := NewThread()
	big80 := btBig(t, "1208925819614629174706176")
	steps := []btCase{
		{py: `random.seed(42)`, fn: "random.seed", args: []Value{Int(42)}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.6394267984578837`},
		{py: `random.randint(1, 100)`, fn: "random.randint", args: []Value{Int(1), Int(100)}, want: `4`},
		{py: `random.randrange(10)`, fn: "random.randrange", args: []Value{Int(10)}, want: `4`},
		{py: `random.randrange(0, 100, 7)`, fn: "random.randrange", args: []Value{Int(0), Int(100), Int(7)}, want: `21`},
		{py: `random.randrange(10, -10, -3)`, fn: "random.randrange", args: []Value{Int(10), Int(-10), Int(-3)}, want: `7`},
		{py: `random.randrange(2**80)`, fn: "random.randrange", args: []Value{big80}, want: `247827145382244621271529`},
		{py: `random.choice('abcdef')`, fn: "random.choice", args: []Value{Str("abcdef")}, want: `'f'`},
		{py: `random.uniform(1, 2)`, fn: "random.uniform", args: []Value{Int(1), Int(2)}, want: `1.7406677446676757`},
		{py: `random.getrandbits(70)`, fn: "random.getrandbits", args: []Value{Int(70)}, want: `684133269052610913332`},
		{py: `random.getrandbits(5)`, fn: "random.getrandbits", args: []Value{Int(5)}, want: `13`},
		{py: `random.sample(range(100), 5)`, fn: "random.sample", args: []Value{btRange(0, 100, 1), Int(5)}, want: `[4, 3, 11, 27, 29]`},
		{py: `random.sample('abcdefgh', 3)`, fn: "random.sample", args: []Value{Str("abcdefgh"), Int(3)}, want: `['a', 'e', 'b']`},
		{py: `random.sample(range(1000), 10)`, fn: "random.sample", args: []Value{btRange(0, 1000, 1), Int(10)}, want: `[733, 665, 718, 558, 429, 225, 459, 603, 284, 828]`},
		{py: `random.sample(['a', 'b'], 4, counts=[3, 2])`, fn: "random.sample", args: []Value{btStrs("a", "b"), Int(4)}, kw: []Kwarg{btKw("counts", btInts(3, 2))}, want: `['a', 'a', 'a', 'b']`},
		{py: `random.choices('abc', k=5)`, fn: "random.choices", args: []Value{Str("abc")}, kw: []Kwarg{btKw("k", Int(5))}, want: `['b', 'a', 'c', 'b', 'a']`},
		{py: `random.choices('abc', weights=[1, 2, 3], k=5)`, fn: "random.choices", args: []Value{Str("abc")}, kw: []Kwarg{btKw("weights", btInts(1, 2, 3)), btKw("k", Int(5))}, want: `['a', 'c', 'c', 'c', 'c']`},
		{py: `random.choices('abc', cum_weights=[1, 2, 3], k=3)`, fn: "random.choices", args: []Value{Str("abc")}, kw: []Kwarg{btKw("cum_weights", btInts(1, 2, 3)), btKw("k", Int(3))}, want: `['b', 'c', 'b']`},
		{py: `random.gauss(0, 1)`, fn: "random.gauss", args: []Value{Int(0), Int(1)}, want: `-1.7810258028555621`},
		{py: `random.gauss(10, 2)`, fn: "random.gauss", args: []Value{Int(10), Int(2)}, want: `8.791912157608223`},
		{py: `random.normalvariate()`, fn: "random.normalvariate", want: `1.4702391292261876`},
		{py: `random.expovariate(2)`, fn: "random.expovariate", args: []Value{Int(2)}, want: `0.4306079706744229`},
		{py: `random.triangular()`, fn: "random.triangular", want: `0.6156641027791727`},
		{py: `random.triangular(0, 10, 2)`, fn: "random.triangular", args: []Value{Int(0), Int(10), Int(2)}, want: `0.9573336268580794`},
		{py: `random.gammavariate(2.5, 1)`, fn: "random.gammavariate", args: []Value{Float(2.5), Int(1)}, want: `1.358229838413648`},
		{py: `random.gammavariate(0.5, 1)`, fn: "random.gammavariate", args: []Value{Float(0.5), Int(1)}, want: `0.008924371341063355`},
		{py: `random.gammavariate(1, 2)`, fn: "random.gammavariate", args: []Value{Int(1), Int(2)}, want: `0.21294766902295903`},
		{py: `random.betavariate(2, 3)`, fn: "random.betavariate", args: []Value{Int(2), Int(3)}, want: `0.3299064755768272`},
		{py: `random.paretovariate(2)`, fn: "random.paretovariate", args: []Value{Int(2)}, want: `1.124737031131089`},
		{py: `random.weibullvariate(1, 2)`, fn: "random.weibullvariate", args: []Value{Int(1), Int(2)}, want: `0.5572964391955026`},
		{py: `random.lognormvariate(0, 1)`, fn: "random.lognormvariate", args: []Value{Int(0), Int(1)}, want: `1.2534162756963678`},
		{py: `random.vonmisesvariate(0, 4)`, fn: "random.vonmisesvariate", args: []Value{Int(0), Int(4)}, want: `5.276578321310401`},
		{py: `random.seed('hello')`, fn: "random.seed", args: []Value{Str("hello")}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.3537754404730722`},
		{py: `random.seed(1.5)`, fn: "random.seed", args: []Value{Float(1.5)}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.551763726942059`},
		{py: `random.seed(-7)`, fn: "random.seed", args: []Value{Int(-7)}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.32383276483316237`},
		{py: `random.seed(2**100 + 12345)`, fn: "random.seed", args: []Value{btBig(t, "1267650600228229401496703217721")}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.44487310994347073`},
		{py: `random.seed('hello', version=1)`, fn: "random.seed", args: []Value{Str("hello")}, kw: []Kwarg{btKw("version", Int(1))}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.8180391270568783`},
		{py: `random.seed(True)`, fn: "random.seed", args: []Value{True}, want: `None`},
		{py: `random.random()`, fn: "random.random", want: `0.13436424411240122`},
	}
	for _, c := range steps {
		v, err := btCall(th, c.fn, c.args, c.kw...)
		assert.Equal(t, c.want, btOut(th, v, err), c.py)
	}
	l := btInts(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	v, err := btCall(th, "random.shuffle", []Value{l})
	assert.Equal(t, "None", btOut(th, v, err))
	assert.Equal(t, "[7, 2, 0, 8, 5, 6, 3, 9, 4, 1]", btOut(th, l, nil))
}

func TestRandomErrors(t *testing.T) {
	runBtCases(t, []btCase{
		{py: `random.seed(1, 2, 3)`, fn: "random.seed", args: []Value{Int(1), Int(2), Int(3)}, want: `TypeError: Random.seed() takes from 1 to 3 positional arguments but 4 were given`},
		{py: `random.seed([1])`, fn: "random.seed", args: []Value{btInts(1)}, want: "TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray."},
		{py: `random.seed(x=1)`, fn: "random.seed", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: Random.seed() got an unexpected keyword argument 'x'`},
		{py: `random.random(1)`, fn: "random.random", args: []Value{Int(1)}, want: `TypeError: Random.random() takes no arguments (1 given)`},
		{py: `random.getrandbits()`, fn: "random.getrandbits", want: `TypeError: Random.getrandbits() takes exactly one argument (0 given)`},
		{py: `random.getrandbits(-1)`, fn: "random.getrandbits", args: []Value{Int(-1)}, want: `ValueError: number of bits must be non-negative`},
		{py: `random.getrandbits(1.5)`, fn: "random.getrandbits", args: []Value{Float(1.5)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `random.getrandbits(0)`, fn: "random.getrandbits", args: []Value{Int(0)}, want: `0`},
		{py: `random.randrange()`, fn: "random.randrange", want: `TypeError: Random.randrange() missing 1 required positional argument: 'start'`},
		{py: `random.randrange(0)`, fn: "random.randrange", args: []Value{Int(0)}, want: `ValueError: empty range for randrange()`},
		{py: `random.randrange(5.5)`, fn: "random.randrange", args: []Value{Float(5.5)}, want: `ValueError: non-integer arg 1 for randrange()`},
		{py: `random.randrange(1, 5.5)`, fn: "random.randrange", args: []Value{Int(1), Float(5.5)}, want: `ValueError: non-integer stop for randrange()`},
		{py: `random.randrange(5, 1)`, fn: "random.randrange", args: []Value{Int(5), Int(1)}, want: `ValueError: empty range for randrange() (5, 1, -4)`},
		{py: `random.randrange(1, 5, 0)`, fn: "random.randrange", args: []Value{Int(1), Int(5), Int(0)}, want: `ValueError: zero step for randrange()`},
		{py: `random.randrange(5, step=2)`, fn: "random.randrange", args: []Value{Int(5)}, kw: []Kwarg{btKw("step", Int(2))}, want: `TypeError: Missing a non-None stop argument`},
		{py: `random.randrange(1, 5, -1)`, fn: "random.randrange", args: []Value{Int(1), Int(5), Int(-1)}, want: `ValueError: empty range for randrange()`},
		{py: `random.randint(1)`, fn: "random.randint", args: []Value{Int(1)}, want: `TypeError: Random.randint() missing 1 required positional argument: 'b'`},
		{py: `random.randint(5, 1)`, fn: "random.randint", args: []Value{Int(5), Int(1)}, want: `ValueError: empty range for randrange() (5, 2, -3)`},
		{py: `random.randint(1.5, 3)`, fn: "random.randint", args: []Value{Float(1.5), Int(3)}, want: `ValueError: non-integer arg 1 for randrange()`},
		{py: `random.choice()`, fn: "random.choice", want: `TypeError: Random.choice() missing 1 required positional argument: 'seq'`},
		{py: `random.choice([])`, fn: "random.choice", args: []Value{btList()}, want: `IndexError: Cannot choose from an empty sequence`},
		{py: `random.choice(5)`, fn: "random.choice", args: []Value{Int(5)}, want: `TypeError: object of type 'int' has no len()`},
		{py: `random.shuffle((1, 2))`, fn: "random.shuffle", args: []Value{btTuple(Int(1), Int(2))}, want: `TypeError: 'tuple' object does not support item assignment`},
		{py: `random.shuffle(5)`, fn: "random.shuffle", args: []Value{Int(5)}, want: `TypeError: object of type 'int' has no len()`},
		{py: `random.sample([1, 2, 3])`, fn: "random.sample", args: []Value{btInts(1, 2, 3)}, want: `TypeError: Random.sample() missing 1 required positional argument: 'k'`},
		{py: `random.sample({1, 2}, 1)`, fn: "random.sample", args: []Value{btSet(t, Int(1), Int(2)), Int(1)}, want: `TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).`},
		{py: `random.sample([1, 2], 3)`, fn: "random.sample", args: []Value{btInts(1, 2), Int(3)}, want: `ValueError: Sample larger than population or is negative`},
		{py: `random.sample([1, 2], -1)`, fn: "random.sample", args: []Value{btInts(1, 2), Int(-1)}, want: `ValueError: Sample larger than population or is negative`},
		{py: `random.sample('abc', 2, counts=[1])`, fn: "random.sample", args: []Value{Str("abc"), Int(2)}, kw: []Kwarg{btKw("counts", btInts(1))}, want: `ValueError: The number of counts does not match the population`},
		{py: `random.sample(range(10), k=3.0)`, fn: "random.sample", args: []Value{btRange(0, 10, 1)}, kw: []Kwarg{btKw("k", Float(3))}, want: `TypeError: can't multiply sequence by non-int of type 'float'`},
		{py: `random.choices([])`, fn: "random.choices", args: []Value{btList()}, want: `IndexError: list index out of range`},
		{py: `random.choices([1, 2], [1])`, fn: "random.choices", args: []Value{btInts(1, 2), btInts(1)}, want: `ValueError: The number of weights does not match the population`},
		{py: `random.choices([1, 2], [0, 0])`, fn: "random.choices", args: []Value{btInts(1, 2), btInts(0, 0)}, want: `ValueError: Total of weights must be greater than zero`},
		{py: `random.choices([1, 2], 2)`, fn: "random.choices", args: []Value{btInts(1, 2), Int(2)}, want: `TypeError: The number of choices must be a keyword argument: k=2`},
		{py: `random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])`, fn: "random.choices", args: []Value{btInts(1, 2)}, kw: []Kwarg{btKw("weights", btInts(1, 1)), btKw("cum_weights", btInts(1, 2))}, want: `TypeError: Cannot specify both weights and cumulative weights`},
		{py: `random.choices([1, 2], k=-1)`, fn: "random.choices", args: []Value{btInts(1, 2)}, kw: []Kwarg{btKw("k", Int(-1))}, want: `[]`},
		{py: `random.uniform(1)`, fn: "random.uniform", args: []Value{Int(1)}, want: `TypeError: Random.uniform() missing 1 required positional argument: 'b'`},
		{py: `random.uniform('a', 2)`, fn: "random.uniform", args: []Value{Str("a"), Int(2)}, want: `TypeError: unsupported operand type(s) for -: 'int' and 'str'`},
		{py: `random.triangular(1, 1)`, fn: "random.triangular", args: []Value{Int(1), Int(1)}, want: `1.0`},
		{py: `random.triangular(1, 1, 1)`, fn: "random.triangular", args: []Value{Int(1), Int(1), Int(1)}, want: `1`},
		{py: `random.expovariate()`, fn: "random.expovariate", want: `TypeError: Random.expovariate() missing 1 required positional argument: 'lambd'`},
		{py: `random.expovariate(0)`, fn: "random.expovariate", args: []Value{Int(0)}, want: `ZeroDivisionError: float division by zero`},
		{py: `random.gauss(x=1)`, fn: "random.gauss", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: Random.gauss() got an unexpected keyword argument 'x'`},
		{py: `random.gammavariate(0, 1)`, fn: "random.gammavariate", args: []Value{Int(0), Int(1)}, want: `ValueError: gammavariate: alpha and beta must be > 0.0`},
		{py: `random.Random('x', 2)`, fn: "random.Random", args: []Value{Str("x"), Int(2)}, want: `TypeError: Random.__init__() takes from 1 to 2 positional arguments but 3 were given`},
	})
}

func TestRandomInstances(t *testing.T) {
	th := NewThread()
	r, err := btCall(th, "random.Random", []Value{Int(1)})
	require.NoError(t, err)
	assert.Equal(t, "<class 'random.Random'>", btOut(th, Obj(r.Type()), nil))
	f, err := GetAttr(th, r, "random")
	require.NoError(t, err)
	v, err := th.Call(f, nil, nil)
	assert.Equal(t, "0.13436424411240122", btOut(th, v, err))
	r2, err := btCall(th, "random.Random", nil, btKw("x", Int(1)))
	require.NoError(t, err)
	f, err = GetAttr(th, r2, "random")
	require.NoError(t, err)
	v, err = th.Call(f, nil, nil)
	assert.Equal(t, "0.13436424411240122", btOut(th, v, err), "instances do not share state")

	// Each thread has its own generator for the module functions.
	th2 := NewThread()
	for _, x := range []*Thread{th, th2} {
		_, err := btCall(x, "random.seed", []Value{Int(5)})
		require.NoError(t, err)
	}
	a, err := btCall(th, "random.random", nil)
	require.NoError(t, err)
	_, err = btCall(th, "random.random", nil)
	require.NoError(t, err)
	b, err := btCall(th2, "random.random", nil)
	require.NoError(t, err)
	assert.Equal(t, btOut(th, a, nil), btOut(th2, b, nil))
}
