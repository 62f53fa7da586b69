package random_test

// This file checks the random module against what CPython 3.11 printed for
// the same calls with the same seeds.

import (
	"testing"

	"github.com/aio-lang/aio/internal/modtest"
	"github.com/stretchr/testify/assert"
)

// TestRandomSequence replays a seeded session and compares every result
// with what CPython 3.11 printed for the same calls.
func TestRandomSequence(t *testing.T) {
	s := modtest.New(t, "import random")
	s.Check([]modtest.Case{
		{`random.seed(42)`, `None`},
		{`random.random()`, `0.6394267984578837`},
		{`random.randint(1, 100)`, `4`},
		{`random.randrange(10)`, `4`},
		{`random.randrange(0, 100, 7)`, `21`},
		{`random.randrange(10, -10, -3)`, `7`},
		{`random.randrange(2**80)`, `247827145382244621271529`},
		{`random.choice('abcdef')`, `'f'`},
		{`random.uniform(1, 2)`, `1.7406677446676757`},
		{`random.getrandbits(70)`, `684133269052610913332`},
		{`random.getrandbits(5)`, `13`},
		{`random.sample(range(100), 5)`, `[4, 3, 11, 27, 29]`},
		{`random.sample('abcdefgh', 3)`, `['a', 'e', 'b']`},
		{`random.sample(range(1000), 10)`, `[733, 665, 718, 558, 429, 225, 459, 603, 284, 828]`},
		{`random.sample(['a', 'b'], 4, counts=[3, 2])`, `['a', 'a', 'a', 'b']`},
		{`random.choices('abc', k=5)`, `['b', 'a', 'c', 'b', 'a']`},
		{`random.choices('abc', weights=[1, 2, 3], k=5)`, `['a', 'c', 'c', 'c', 'c']`},
		{`random.choices('abc', cum_weights=[1, 2, 3], k=3)`, `['b', 'c', 'b']`},
		{`random.gauss(0, 1)`, `-1.7810258028555621`},
		{`random.gauss(10, 2)`, `8.791912157608223`},
		{`random.normalvariate()`, `1.4702391292261876`},
		{`random.expovariate(2)`, `0.4306079706744229`},
		{`random.triangular()`, `0.6156641027791727`},
		{`random.triangular(0, 10, 2)`, `0.9573336268580794`},
		{`random.gammavariate(2.5, 1)`, `1.358229838413648`},
		{`random.gammavariate(0.5, 1)`, `0.008924371341063355`},
		{`random.gammavariate(1, 2)`, `0.21294766902295903`},
		{`random.betavariate(2, 3)`, `0.3299064755768272`},
		{`random.paretovariate(2)`, `1.124737031131089`},
		{`random.weibullvariate(1, 2)`, `0.5572964391955026`},
		{`random.lognormvariate(0, 1)`, `1.2534162756963678`},
		{`random.vonmisesvariate(0, 4)`, `5.276578321310401`},
		{`random.seed('hello')`, `None`},
		{`random.random()`, `0.3537754404730722`},
		{`random.seed(1.5)`, `None`},
		{`random.random()`, `0.551763726942059`},
		{`random.seed(-7)`, `None`},
		{`random.random()`, `0.32383276483316237`},
		{`random.seed(2**100 + 12345)`, `None`},
		{`random.random()`, `0.44487310994347073`},
		{`random.seed('hello', version=1)`, `None`},
		{`random.random()`, `0.8180391270568783`},
		{`random.seed(True)`, `None`},
		{`random.random()`, `0.13436424411240122`},
	})
	s.Exec("l = list(range(10)); random.shuffle(l)")
	s.Check([]modtest.Case{{"l", "[7, 2, 0, 8, 5, 6, 3, 9, 4, 1]"}})
}

func TestRandomErrors(t *testing.T) {
	modtest.Run(t, "import random", []modtest.Case{
		{`random.seed(1, 2, 3)`, `TypeError: Random.seed() takes from 1 to 3 positional arguments but 4 were given`},
		{`random.seed([1])`, "TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray."},
		{`random.seed(x=1)`, `TypeError: Random.seed() got an unexpected keyword argument 'x'`},
		{`random.random(1)`, `TypeError: Random.random() takes no arguments (1 given)`},
		{`random.getrandbits()`, `TypeError: Random.getrandbits() takes exactly one argument (0 given)`},
		{`random.getrandbits(-1)`, `ValueError: number of bits must be non-negative`},
		{`random.getrandbits(1.5)`, `TypeError: 'float' object cannot be interpreted as an integer`},
		{`random.getrandbits(0)`, `0`},
		{`random.randrange()`, `TypeError: Random.randrange() missing 1 required positional argument: 'start'`},
		{`random.randrange(0)`, `ValueError: empty range for randrange()`},
		{`random.randrange(5.5)`, `ValueError: non-integer arg 1 for randrange()`},
		{`random.randrange(1, 5.5)`, `ValueError: non-integer stop for randrange()`},
		{`random.randrange(5, 1)`, `ValueError: empty range for randrange() (5, 1, -4)`},
		{`random.randrange(1, 5, 0)`, `ValueError: zero step for randrange()`},
		{`random.randrange(5, step=2)`, `TypeError: Missing a non-None stop argument`},
		{`random.randrange(1, 5, -1)`, `ValueError: empty range for randrange()`},
		{`random.randint(1)`, `TypeError: Random.randint() missing 1 required positional argument: 'b'`},
		{`random.randint(5, 1)`, `ValueError: empty range for randrange() (5, 2, -3)`},
		{`random.randint(1.5, 3)`, `ValueError: non-integer arg 1 for randrange()`},
		{`random.choice()`, `TypeError: Random.choice() missing 1 required positional argument: 'seq'`},
		{`random.choice([])`, `IndexError: Cannot choose from an empty sequence`},
		{`random.choice(5)`, `TypeError: object of type 'int' has no len()`},
		{`random.shuffle((1, 2))`, `TypeError: 'tuple' object does not support item assignment`},
		{`random.shuffle(5)`, `TypeError: object of type 'int' has no len()`},
		{`random.sample([1, 2, 3])`, `TypeError: Random.sample() missing 1 required positional argument: 'k'`},
		{`random.sample({1, 2}, 1)`, `TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).`},
		{`random.sample([1, 2], 3)`, `ValueError: Sample larger than population or is negative`},
		{`random.sample([1, 2], -1)`, `ValueError: Sample larger than population or is negative`},
		{`random.sample('abc', 2, counts=[1])`, `ValueError: The number of counts does not match the population`},
		{`random.sample(range(10), k=3.0)`, `TypeError: can't multiply sequence by non-int of type 'float'`},
		{`random.choices([])`, `IndexError: list index out of range`},
		{`random.choices([1, 2], [1])`, `ValueError: The number of weights does not match the population`},
		{`random.choices([1, 2], [0, 0])`, `ValueError: Total of weights must be greater than zero`},
		{`random.choices([1, 2], 2)`, `TypeError: The number of choices must be a keyword argument: k=2`},
		{`random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])`, `TypeError: Cannot specify both weights and cumulative weights`},
		{`random.choices([1, 2], k=-1)`, `[]`},
		{`random.uniform(1)`, `TypeError: Random.uniform() missing 1 required positional argument: 'b'`},
		{`random.uniform('a', 2)`, `TypeError: unsupported operand type(s) for -: 'int' and 'str'`},
		{`random.triangular(1, 1)`, `1.0`},
		{`random.triangular(1, 1, 1)`, `1`},
		{`random.expovariate()`, `TypeError: Random.expovariate() missing 1 required positional argument: 'lambd'`},
		{`random.expovariate(0)`, `ZeroDivisionError: float division by zero`},
		{`random.gauss(x=1)`, `TypeError: Random.gauss() got an unexpected keyword argument 'x'`},
		{`random.gammavariate(0, 1)`, `ValueError: gammavariate: alpha and beta must be > 0.0`},
		{`random.Random('x', 2)`, `TypeError: Random.__init__() takes from 1 to 2 positional arguments but 3 were given`},
	})
}

func TestRandomInstances(t *testing.T) {
	modtest.Run(t, "import random", []modtest.Case{
		{"type(random.Random(1))", "<class 'random.Random'>"},
		{"random.Random(1).random()", "0.13436424411240122"},
		{"random.Random(x=1).random()", "0.13436424411240122"},
	})
	// Each interpreter has its own generator behind the module functions.
	a := modtest.New(t, "import random; random.seed(5)")
	b := modtest.New(t, "import random; random.seed(5)")
	first := a.Repr("random.random()")
	assert.Equal(t, "0.6229016948897019", first)
	assert.NotEqual(t, first, a.Repr("random.random()"))
	assert.Equal(t, first, b.Repr("random.random()"), "b's generator did not advance with a's")
}
