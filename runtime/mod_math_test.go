package runtime

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMathModule(t *testing.T) {
	big2000 := BigInt(new(bigInt).Lsh(new(bigInt).SetInt64(1), 2000))
	inf, nan := Float(math.Inf(1)), Float(math.NaN())
	runBtCases(t, []btCase{
		{py: `math.sqrt(2)`, fn: "math.sqrt", args: []Value{Int(2)}, want: `1.4142135623730951`},
		{py: `math.sqrt(True)`, fn: "math.sqrt", args: []Value{True}, want: `1.0`},
		{py: `math.sqrt(-0.0)`, fn: "math.sqrt", args: []Value{Float(math.Copysign(0, -1))}, want: `-0.0`},
		{py: `math.sqrt()`, fn: "math.sqrt", want: `TypeError: math.sqrt() takes exactly one argument (0 given)`},
		{py: `math.sqrt(1, 2)`, fn: "math.sqrt", args: []Value{Int(1), Int(2)}, want: `TypeError: math.sqrt() takes exactly one argument (2 given)`},
		{py: `math.sqrt(x=1)`, fn: "math.sqrt", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: math.sqrt() takes no keyword arguments`},
		{py: `math.sqrt('a')`, fn: "math.sqrt", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.sqrt(-1)`, fn: "math.sqrt", args: []Value{Int(-1)}, want: `ValueError: math domain error`},
		{py: `math.sqrt(2**2000)`, fn: "math.sqrt", args: []Value{big2000}, want: `OverflowError: int too large to convert to float`},
		{py: `math.exp(1000)`, fn: "math.exp", args: []Value{Int(1000)}, want: `OverflowError: math range error`},
		{py: `math.exp(-1000)`, fn: "math.exp", args: []Value{Int(-1000)}, want: `0.0`},
		{py: `math.exp(math.inf)`, fn: "math.exp", args: []Value{inf}, want: `inf`},
		{py: `math.exp(math.nan)`, fn: "math.exp", args: []Value{nan}, want: `nan`},
		{py: `math.exp(0)`, fn: "math.exp", args: []Value{Int(0)}, want: `1.0`},
		{py: `math.sin(math.inf)`, fn: "math.sin", args: []Value{inf}, want: `ValueError: math domain error`},
		{py: `math.sin(0)`, fn: "math.sin", args: []Value{Int(0)}, want: `0.0`},
		{py: `math.cos(0)`, fn: "math.cos", args: []Value{Int(0)}, want: `1.0`},
		{py: `math.acos(2)`, fn: "math.acos", args: []Value{Int(2)}, want: `ValueError: math domain error`},
		{py: `math.atanh(1)`, fn: "math.atanh", args: []Value{Int(1)}, want: `ValueError: math domain error`},
		{py: `math.acosh(0)`, fn: "math.acosh", args: []Value{Int(0)}, want: `ValueError: math domain error`},
		{py: `math.cosh(1000)`, fn: "math.cosh", args: []Value{Int(1000)}, want: `OverflowError: math range error`},
		{py: `math.sinh(1000)`, fn: "math.sinh", args: []Value{Int(1000)}, want: `OverflowError: math range error`},
		{py: `math.expm1(1000)`, fn: "math.expm1", args: []Value{Int(1000)}, want: `OverflowError: math range error`},
		{py: `math.log1p(-1)`, fn: "math.log1p", args: []Value{Int(-1)}, want: `ValueError: math domain error`},
		{py: `math.log1p(-2)`, fn: "math.log1p", args: []Value{Int(-2)}, want: `ValueError: math domain error`},
		{py: `math.exp2(10)`, fn: "math.exp2", args: []Value{Int(10)}, want: `1024.0`},
		{py: `math.exp2(2000)`, fn: "math.exp2", args: []Value{Int(2000)}, want: `OverflowError: math range error`},
		{py: `math.fabs(-3)`, fn: "math.fabs", args: []Value{Int(-3)}, want: `3.0`},
		{py: `math.fabs('a')`, fn: "math.fabs", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.atan2(1)`, fn: "math.atan2", args: []Value{Int(1)}, want: `TypeError: atan2 expected 2 arguments, got 1`},
		{py: `math.atan2(1, 'a')`, fn: "math.atan2", args: []Value{Int(1), Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.atan2(0.0, -0.0)`, fn: "math.atan2", args: []Value{Float(0), Float(math.Copysign(0, -1))}, want: `3.141592653589793`},
		{py: `math.copysign(3, -0.0)`, fn: "math.copysign", args: []Value{Int(3), Float(math.Copysign(0, -1))}, want: `-3.0`},
		{py: `math.copysign(1)`, fn: "math.copysign", args: []Value{Int(1)}, want: `TypeError: copysign expected 2 arguments, got 1`},
		{py: `math.remainder(5, 3)`, fn: "math.remainder", args: []Value{Int(5), Int(3)}, want: `-1.0`},
		{py: `math.remainder(5, 0)`, fn: "math.remainder", args: []Value{Int(5), Int(0)}, want: `ValueError: math domain error`},
		{py: `math.remainder(math.inf, 1)`, fn: "math.remainder", args: []Value{inf, Int(1)}, want: `ValueError: math domain error`},
		{py: `math.pow(2, 3)`, fn: "math.pow", args: []Value{Int(2), Int(3)}, want: `8.0`},
		{py: `math.pow(2, 0.5)`, fn: "math.pow", args: []Value{Int(2), Float(0.5)}, want: `1.4142135623730951`},
		{py: `math.pow(1)`, fn: "math.pow", args: []Value{Int(1)}, want: `TypeError: pow expected 2 arguments, got 1`},
		{py: `math.pow(0, -1)`, fn: "math.pow", args: []Value{Int(0), Int(-1)}, want: `ValueError: math domain error`},
		{py: `math.pow(-8, 0.5)`, fn: "math.pow", args: []Value{Int(-8), Float(0.5)}, want: `ValueError: math domain error`},
		{py: `math.pow(10, 400)`, fn: "math.pow", args: []Value{Int(10), Int(400)}, want: `OverflowError: math range error`},
		{py: `math.pow(math.nan, 0)`, fn: "math.pow", args: []Value{nan, Int(0)}, want: `1.0`},
		{py: `math.pow(1, math.nan)`, fn: "math.pow", args: []Value{Int(1), nan}, want: `1.0`},
		{py: `math.pow(0.0, -math.inf)`, fn: "math.pow", args: []Value{Float(0), Float(math.Inf(-1))}, want: `inf`},
		{py: `math.pow(-math.inf, 3)`, fn: "math.pow", args: []Value{Float(math.Inf(-1)), Int(3)}, want: `-inf`},
		{py: `math.pow(-math.inf, -3)`, fn: "math.pow", args: []Value{Float(math.Inf(-1)), Int(-3)}, want: `-0.0`},
		{py: `math.pow(0.5, math.inf)`, fn: "math.pow", args: []Value{Float(0.5), inf}, want: `0.0`},
		{py: `math.pow(-1, math.inf)`, fn: "math.pow", args: []Value{Int(-1), inf}, want: `1.0`},
		{py: `math.log()`, fn: "math.log", want: `TypeError: math.log requires 1 to 2 arguments`},
		{py: `math.log(1, 2, 3)`, fn: "math.log", args: []Value{Int(1), Int(2), Int(3)}, want: `TypeError: math.log requires 1 to 2 arguments`},
		{py: `math.log(x=1)`, fn: "math.log", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: log() takes no keyword arguments`},
		{py: `math.log(0)`, fn: "math.log", args: []Value{Int(0)}, want: `ValueError: math domain error`},
		{py: `math.log(-1)`, fn: "math.log", args: []Value{Int(-1)}, want: `ValueError: math domain error`},
		{py: `math.log(0.0)`, fn: "math.log", args: []Value{Float(0)}, want: `ValueError: math domain error`},
		{py: `math.log(-0.5)`, fn: "math.log", args: []Value{Float(-0.5)}, want: `ValueError: math domain error`},
		{py: `math.log(1, 1)`, fn: "math.log", args: []Value{Int(1), Int(1)}, want: `ZeroDivisionError: float division by zero`},
		{py: `math.log(8, 2)`, fn: "math.log", args: []Value{Int(8), Int(2)}, want: `3.0`},
		{py: `math.log(2**2000)`, fn: "math.log", args: []Value{big2000}, want: `1386.2943611198907`},
		{py: `math.log(2**2000, 2)`, fn: "math.log", args: []Value{big2000, Int(2)}, want: `2000.0000000000002`},
		{py: `math.log('a')`, fn: "math.log", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.log(math.inf)`, fn: "math.log", args: []Value{inf}, want: `inf`},
		{py: `math.log(1.0)`, fn: "math.log", args: []Value{Float(1)}, want: `0.0`},
		{py: `math.log2(2**2000)`, fn: "math.log2", args: []Value{big2000}, want: `2000.0`},
		{py: `math.log2(8)`, fn: "math.log2", args: []Value{Int(8)}, want: `3.0`},
		{py: `math.log2(0.0)`, fn: "math.log2", args: []Value{Float(0)}, want: `ValueError: math domain error`},
		{py: `math.log10(1000)`, fn: "math.log10", args: []Value{Int(1000)}, want: `3.0`},
		{py: `math.log10(0)`, fn: "math.log10", args: []Value{Int(0)}, want: `ValueError: math domain error`},
		{py: `math.floor(1.5)`, fn: "math.floor", args: []Value{Float(1.5)}, want: `1`},
		{py: `math.floor(-1.5)`, fn: "math.floor", args: []Value{Float(-1.5)}, want: `-2`},
		{py: `math.floor(-0.0)`, fn: "math.floor", args: []Value{Float(math.Copysign(0, -1))}, want: `0`},
		{py: `math.floor(1e300)`, fn: "math.floor", args: []Value{Float(1e300)}, want: `1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160`},
		{py: `math.floor(math.inf)`, fn: "math.floor", args: []Value{inf}, want: `OverflowError: cannot convert float infinity to integer`},
		{py: `math.floor(math.nan)`, fn: "math.floor", args: []Value{nan}, want: `ValueError: cannot convert float NaN to integer`},
		{py: `math.floor('a')`, fn: "math.floor", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.floor(True)`, fn: "math.floor", args: []Value{True}, want: `1`},
		{py: `math.floor(2**70)`, fn: "math.floor", args: []Value{btBig(t, "1180591620717411303424")}, want: `1180591620717411303424`},
		{py: `math.floor()`, fn: "math.floor", want: `TypeError: math.floor() takes exactly one argument (0 given)`},
		{py: `math.ceil(1.2)`, fn: "math.ceil", args: []Value{Float(1.2)}, want: `2`},
		{py: `math.ceil(-0.5)`, fn: "math.ceil", args: []Value{Float(-0.5)}, want: `0`},
		{py: `math.ceil(math.inf)`, fn: "math.ceil", args: []Value{inf}, want: `OverflowError: cannot convert float infinity to integer`},
		{py: `math.trunc(-1.7)`, fn: "math.trunc", args: []Value{Float(-1.7)}, want: `-1`},
		{py: `math.trunc(1e20)`, fn: "math.trunc", args: []Value{Float(1e20)}, want: `100000000000000000000`},
		{py: `math.trunc('a')`, fn: "math.trunc", args: []Value{Str("a")}, want: `TypeError: type str doesn't define __trunc__ method`},
		{py: `math.trunc(5)`, fn: "math.trunc", args: []Value{Int(5)}, want: `5`},
		{py: `math.isclose(1)`, fn: "math.isclose", args: []Value{Int(1)}, want: `TypeError: isclose() missing required argument 'b' (pos 2)`},
		{py: `math.isclose(1, 1.0000000001)`, fn: "math.isclose", args: []Value{Int(1), Float(1.0000000001)}, want: `True`},
		{py: `math.isclose(1, 1.001)`, fn: "math.isclose", args: []Value{Int(1), Float(1.001)}, want: `False`},
		{py: `math.isclose(1, 1.001, rel_tol=0.01)`, fn: "math.isclose", args: []Value{Int(1), Float(1.001)}, kw: []Kwarg{btKw("rel_tol", Float(0.01))}, want: `True`},
		{py: `math.isclose(1, 2, rel_tol=-1)`, fn: "math.isclose", args: []Value{Int(1), Int(2)}, kw: []Kwarg{btKw("rel_tol", Int(-1))}, want: `ValueError: tolerances must be non-negative`},
		{py: `math.isclose(1, 2, abs_tol=1)`, fn: "math.isclose", args: []Value{Int(1), Int(2)}, kw: []Kwarg{btKw("abs_tol", Int(1))}, want: `True`},
		{py: `math.isclose(1, 2, 3)`, fn: "math.isclose", args: []Value{Int(1), Int(2), Int(3)}, want: `TypeError: isclose() takes exactly 2 positional arguments (3 given)`},
		{py: `math.isclose(1, 2, foo=3)`, fn: "math.isclose", args: []Value{Int(1), Int(2)}, kw: []Kwarg{btKw("foo", Int(3))}, want: `TypeError: 'foo' is an invalid keyword argument for isclose()`},
		{py: `math.isclose(a=1, b=1)`, fn: "math.isclose", kw: []Kwarg{btKw("a", Int(1)), btKw("b", Int(1))}, want: `True`},
		{py: `math.isclose(math.inf, math.inf)`, fn: "math.isclose", args: []Value{inf, inf}, want: `True`},
		{py: `math.isclose(math.nan, math.nan)`, fn: "math.isclose", args: []Value{nan, nan}, want: `False`},
		{py: `math.isclose('a', 1)`, fn: "math.isclose", args: []Value{Str("a"), Int(1)}, want: `TypeError: must be real number, not str`},
		{py: `math.isnan(1)`, fn: "math.isnan", args: []Value{Int(1)}, want: `False`},
		{py: `math.isnan(math.nan)`, fn: "math.isnan", args: []Value{nan}, want: `True`},
		{py: `math.isinf('a')`, fn: "math.isinf", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.isinf(-math.inf)`, fn: "math.isinf", args: []Value{Float(math.Inf(-1))}, want: `True`},
		{py: `math.isfinite(1e308)`, fn: "math.isfinite", args: []Value{Float(1e308)}, want: `True`},
		{py: `math.isfinite(math.nan)`, fn: "math.isfinite", args: []Value{nan}, want: `False`},
		{py: `math.gcd()`, fn: "math.gcd", want: `0`},
		{py: `math.gcd(12, 18)`, fn: "math.gcd", args: []Value{Int(12), Int(18)}, want: `6`},
		{py: `math.gcd(-12, 18, 27)`, fn: "math.gcd", args: []Value{Int(-12), Int(18), Int(27)}, want: `3`},
		{py: `math.gcd(1.5)`, fn: "math.gcd", args: []Value{Float(1.5)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `math.gcd(x=1)`, fn: "math.gcd", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: math.gcd() takes no keyword arguments`},
		{py: `math.lcm(4, 6)`, fn: "math.lcm", args: []Value{Int(4), Int(6)}, want: `12`},
		{py: `math.lcm(-4, 6)`, fn: "math.lcm", args: []Value{Int(-4), Int(6)}, want: `12`},
		{py: `math.lcm()`, fn: "math.lcm", want: `1`},
		{py: `math.lcm(0, 5)`, fn: "math.lcm", args: []Value{Int(0), Int(5)}, want: `0`},
		{py: `math.factorial(-1)`, fn: "math.factorial", args: []Value{Int(-1)}, want: `ValueError: factorial() not defined for negative values`},
		{py: `math.factorial(1.0)`, fn: "math.factorial", args: []Value{Float(1)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `math.factorial(2**70)`, fn: "math.factorial", args: []Value{btBig(t, "1180591620717411303424")}, want: `OverflowError: factorial() argument should not exceed 9223372036854775807`},
		{py: `math.factorial(25)`, fn: "math.factorial", args: []Value{Int(25)}, want: `15511210043330985984000000`},
		{py: `math.factorial(0)`, fn: "math.factorial", args: []Value{Int(0)}, want: `1`},
		{py: `math.factorial(True)`, fn: "math.factorial", args: []Value{True}, want: `1`},
		{py: `math.factorial()`, fn: "math.factorial", want: `TypeError: math.factorial() takes exactly one argument (0 given)`},
		{py: `math.comb(5, 2)`, fn: "math.comb", args: []Value{Int(5), Int(2)}, want: `10`},
		{py: `math.comb(5, 7)`, fn: "math.comb", args: []Value{Int(5), Int(7)}, want: `0`},
		{py: `math.comb(100, 50)`, fn: "math.comb", args: []Value{Int(100), Int(50)}, want: `100891344545564193334812497256`},
		{py: `math.comb(10**20, 3)`, fn: "math.comb", args: []Value{btBig(t, "100000000000000000000"), Int(3)}, want: `166666666666666666661666666666666666666700000000000000000000`},
		{py: `math.comb(-1, 2)`, fn: "math.comb", args: []Value{Int(-1), Int(2)}, want: `ValueError: n must be a non-negative integer`},
		{py: `math.comb(5, -2)`, fn: "math.comb", args: []Value{Int(5), Int(-2)}, want: `ValueError: k must be a non-negative integer`},
		{py: `math.comb(5.0, 2)`, fn: "math.comb", args: []Value{Float(5), Int(2)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `math.comb(1)`, fn: "math.comb", args: []Value{Int(1)}, want: `TypeError: comb expected 2 arguments, got 1`},
		{py: `math.comb(n=5, k=2)`, fn: "math.comb", kw: []Kwarg{btKw("n", Int(5)), btKw("k", Int(2))}, want: `TypeError: math.comb() takes no keyword arguments`},
		{py: `math.perm(5)`, fn: "math.perm", args: []Value{Int(5)}, want: `120`},
		{py: `math.perm(5, 2)`, fn: "math.perm", args: []Value{Int(5), Int(2)}, want: `20`},
		{py: `math.perm(5, None)`, fn: "math.perm", args: []Value{Int(5), None}, want: `120`},
		{py: `math.perm(5, 7)`, fn: "math.perm", args: []Value{Int(5), Int(7)}, want: `0`},
		{py: `math.perm(10**20, 2)`, fn: "math.perm", args: []Value{btBig(t, "100000000000000000000"), Int(2)}, want: `9999999999999999999900000000000000000000`},
		{py: `math.perm(-5, 2)`, fn: "math.perm", args: []Value{Int(-5), Int(2)}, want: `ValueError: n must be a non-negative integer`},
		{py: `math.perm()`, fn: "math.perm", want: `TypeError: perm expected at least 1 argument, got 0`},
		{py: `math.isqrt(17)`, fn: "math.isqrt", args: []Value{Int(17)}, want: `4`},
		{py: `math.isqrt(-1)`, fn: "math.isqrt", args: []Value{Int(-1)}, want: `ValueError: isqrt() argument must be nonnegative`},
		{py: `math.isqrt(2.0)`, fn: "math.isqrt", args: []Value{Float(2)}, want: `TypeError: 'float' object cannot be interpreted as an integer`},
		{py: `math.isqrt(10**40)`, fn: "math.isqrt", args: []Value{btBig(t, "10000000000000000000000000000000000000000")}, want: `100000000000000000000`},
		{py: `math.hypot()`, fn: "math.hypot", want: `0.0`},
		{py: `math.hypot(3, 4)`, fn: "math.hypot", args: []Value{Int(3), Int(4)}, want: `5.0`},
		{py: `math.hypot(3, 4, 12)`, fn: "math.hypot", args: []Value{Int(3), Int(4), Int(12)}, want: `13.0`},
		{py: `math.hypot(-5)`, fn: "math.hypot", args: []Value{Int(-5)}, want: `5.0`},
		{py: `math.hypot(1e308, 1e308)`, fn: "math.hypot", args: []Value{Float(1e308), Float(1e308)}, want: `1.4142135623730951e+308`},
		{py: `math.hypot(1.5, 2.5, 3.5)`, fn: "math.hypot", args: []Value{Float(1.5), Float(2.5), Float(3.5)}, want: `4.55521678957215`},
		{py: `math.hypot(1e-320, 3e-320)`, fn: "math.hypot", args: []Value{Float(1e-320), Float(3e-320)}, want: `3.162e-320`},
		{py: `math.hypot(math.inf, math.nan)`, fn: "math.hypot", args: []Value{inf, nan}, want: `inf`},
		{py: `math.hypot(1, math.nan)`, fn: "math.hypot", args: []Value{Int(1), nan}, want: `nan`},
		{py: `math.hypot('a')`, fn: "math.hypot", args: []Value{Str("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.hypot(x=1)`, fn: "math.hypot", kw: []Kwarg{btKw("x", Int(1))}, want: `TypeError: math.hypot() takes no keyword arguments`},
		{py: `math.dist((1, 2), (4, 6))`, fn: "math.dist", args: []Value{btTuple(Int(1), Int(2)), btTuple(Int(4), Int(6))}, want: `5.0`},
		{py: `math.dist([1, 2], (4, 6, 7))`, fn: "math.dist", args: []Value{btInts(1, 2), btTuple(Int(4), Int(6), Int(7))}, want: `ValueError: both points must have the same number of dimensions`},
		{py: `math.dist(1, 2)`, fn: "math.dist", args: []Value{Int(1), Int(2)}, want: `TypeError: 'int' object is not iterable`},
		{py: `math.fmod(5, 3)`, fn: "math.fmod", args: []Value{Int(5), Int(3)}, want: `2.0`},
		{py: `math.fmod(-5, 3)`, fn: "math.fmod", args: []Value{Int(-5), Int(3)}, want: `-2.0`},
		{py: `math.fmod(5, 0)`, fn: "math.fmod", args: []Value{Int(5), Int(0)}, want: `ValueError: math domain error`},
		{py: `math.fmod(math.inf, 3)`, fn: "math.fmod", args: []Value{inf, Int(3)}, want: `ValueError: math domain error`},
		{py: `math.fmod(5, math.inf)`, fn: "math.fmod", args: []Value{Int(5), inf}, want: `5.0`},
		{py: `math.fsum([0.1] * 10)`, fn: "math.fsum", args: []Value{btList(Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1), Float(0.1))}, want: `1.0`},
		{py: `math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])`, fn: "math.fsum", args: []Value{btList(Float(1e100), Float(1.0), Float(-1e100), Float(1e-100), Float(1e50), Float(-1.0), Float(-1e50))}, want: `1e-100`},
		{py: `math.fsum([1e-16, 1, 1e16])`, fn: "math.fsum", args: []Value{btList(Float(1e-16), Int(1), Float(1e16))}, want: `1.0000000000000002e+16`},
		{py: `math.fsum([1e308, 1e308])`, fn: "math.fsum", args: []Value{btList(Float(1e308), Float(1e308))}, want: `OverflowError: intermediate overflow in fsum`},
		{py: `math.fsum([math.inf, -math.inf])`, fn: "math.fsum", args: []Value{btList(inf, Float(math.Inf(-1)))}, want: `ValueError: -inf + inf in fsum`},
		{py: `math.fsum([math.inf, 1])`, fn: "math.fsum", args: []Value{btList(inf, Int(1))}, want: `inf`},
		{py: `math.fsum([math.nan, 1])`, fn: "math.fsum", args: []Value{btList(nan, Int(1))}, want: `nan`},
		{py: `math.fsum([])`, fn: "math.fsum", args: []Value{btList()}, want: `0.0`},
		{py: `math.fsum(1)`, fn: "math.fsum", args: []Value{Int(1)}, want: `TypeError: 'int' object is not iterable`},
		{py: `math.fsum(['a'])`, fn: "math.fsum", args: []Value{btStrs("a")}, want: `TypeError: must be real number, not str`},
		{py: `math.prod([1, 2, 3])`, fn: "math.prod", args: []Value{btInts(1, 2, 3)}, want: `6`},
		{py: `math.prod([1, 2], start=2)`, fn: "math.prod", args: []Value{btInts(1, 2)}, kw: []Kwarg{btKw("start", Int(2))}, want: `4`},
		{py: `math.prod([])`, fn: "math.prod", args: []Value{btList()}, want: `1`},
		{py: `math.prod([1.5, 2])`, fn: "math.prod", args: []Value{btList(Float(1.5), Int(2))}, want: `3.0`},
		{py: `math.prod([2**40, 2**40])`, fn: "math.prod", args: []Value{btInts(1<<40, 1<<40)}, want: `1208925819614629174706176`},
		{py: `math.prod(['a', 2])`, fn: "math.prod", args: []Value{btList(Str("a"), Int(2))}, want: `'aa'`},
		{py: `math.prod()`, fn: "math.prod", want: `TypeError: prod() takes exactly 1 positional argument (0 given)`},
		{py: `math.prod([1], 2)`, fn: "math.prod", args: []Value{btInts(1), Int(2)}, want: `TypeError: prod() takes exactly 1 positional argument (2 given)`},
		{py: `math.prod([1], foo=2)`, fn: "math.prod", args: []Value{btInts(1)}, kw: []Kwarg{btKw("foo", Int(2))}, want: `TypeError: 'foo' is an invalid keyword argument for prod()`},
		{py: `math.degrees(math.pi)`, fn: "math.degrees", args: []Value{Float(math.Pi)}, want: `180.0`},
		{py: `math.radians(180)`, fn: "math.radians", args: []Value{Int(180)}, want: `3.141592653589793`},
		{py: `math.radians(45)`, fn: "math.radians", args: []Value{Int(45)}, want: `0.7853981633974483`},
		{py: `math.modf(3.5)`, fn: "math.modf", args: []Value{Float(3.5)}, want: `(0.5, 3.0)`},
		{py: `math.modf(-2.25)`, fn: "math.modf", args: []Value{Float(-2.25)}, want: `(-0.25, -2.0)`},
		{py: `math.modf(-math.inf)`, fn: "math.modf", args: []Value{Float(math.Inf(-1))}, want: `(-0.0, -inf)`},
		{py: `math.frexp(8)`, fn: "math.frexp", args: []Value{Int(8)}, want: `(0.5, 4)`},
		{py: `math.frexp(0)`, fn: "math.frexp", args: []Value{Int(0)}, want: `(0.0, 0)`},
		{py: `math.frexp(-0.1)`, fn: "math.frexp", args: []Value{Float(-0.1)}, want: `(-0.8, -3)`},
		{py: `math.ldexp(1, 1024)`, fn: "math.ldexp", args: []Value{Int(1), Int(1024)}, want: `OverflowError: math range error`},
		{py: `math.ldexp(1, 3)`, fn: "math.ldexp", args: []Value{Int(1), Int(3)}, want: `8.0`},
		{py: `math.ldexp(1, 2.0)`, fn: "math.ldexp", args: []Value{Int(1), Float(2)}, want: `TypeError: Expected an int as second argument to ldexp.`},
		{py: `math.ldexp(1, -2000)`, fn: "math.ldexp", args: []Value{Int(1), Int(-2000)}, want: `0.0`},
		{py: `math.ldexp(3, -1074)`, fn: "math.ldexp", args: []Value{Int(3), Int(-1074)}, want: `1.5e-323`},
		{py: `math.ldexp(1.5, 2**70)`, fn: "math.ldexp", args: []Value{Float(1.5), btBig(t, "1180591620717411303424")}, want: `OverflowError: math range error`},
		{py: `math.nextafter(1, 2)`, fn: "math.nextafter", args: []Value{Int(1), Int(2)}, want: `1.0000000000000002`},
		{py: `math.nextafter(0.0, -0.0)`, fn: "math.nextafter", args: []Value{Float(0), Float(math.Copysign(0, -1))}, want: `-0.0`},
		{py: `math.nextafter(1, 2, 3)`, fn: "math.nextafter", args: []Value{Int(1), Int(2), Int(3)}, want: `TypeError: nextafter expected 2 arguments, got 3`},
		{py: `math.ulp(1)`, fn: "math.ulp", args: []Value{Int(1)}, want: `2.220446049250313e-16`},
		{py: `math.ulp(0)`, fn: "math.ulp", args: []Value{Int(0)}, want: `5e-324`},
		{py: `math.ulp(math.inf)`, fn: "math.ulp", args: []Value{inf}, want: `inf`},
		{py: `math.ulp(-3.5)`, fn: "math.ulp", args: []Value{Float(-3.5)}, want: `4.440892098500626e-16`},
		{py: `math.ulp(1.7976931348623157e308)`, fn: "math.ulp", args: []Value{Float(math.MaxFloat64)}, want: `1.99584030953472e+292`},
		{py: `math.gamma(0)`, fn: "math.gamma", args: []Value{Int(0)}, want: `ValueError: math domain error`},
		{py: `math.gamma(-1)`, fn: "math.gamma", args: []Value{Int(-1)}, want: `ValueError: math domain error`},
		{py: `math.gamma(200)`, fn: "math.gamma", args: []Value{Int(200)}, want: `OverflowError: math range error`},
		{py: `math.gamma(5)`, fn: "math.gamma", args: []Value{Int(5)}, want: `24.0`},
		{py: `math.gamma(23)`, fn: "math.gamma", args: []Value{Int(23)}, want: `1.1240007277776077e+21`},
		{py: `math.gamma(-math.inf)`, fn: "math.gamma", args: []Value{Float(math.Inf(-1))}, want: `ValueError: math domain error`},
		{py: `math.gamma(-300.5)`, fn: "math.gamma", args: []Value{Float(-300.5)}, want: `-0.0`},
		{py: `math.lgamma(0)`, fn: "math.lgamma", args: []Value{Int(0)}, want: `ValueError: math domain error`},
		{py: `math.lgamma(1)`, fn: "math.lgamma", args: []Value{Int(1)}, want: `0.0`},
		{py: `math.lgamma(math.inf)`, fn: "math.lgamma", args: []Value{Float(math.Inf(-1))}, want: `inf`},
	})
}

func TestMathModuleObject(t *testing.T) {
	th := NewThread()
	m, err := btModule(th, "math")
	require.NoError(t, err)
	for name, want := range map[string]string{
		"pi": "3.141592653589793", "e": "2.718281828459045", "tau": "6.283185307179586",
		"inf": "inf", "nan": "nan",
	} {
		v, err := GetAttr(th, Obj(m), name)
		assert.Equal(t, want, btOut(th, v, err), name)
	}
	v, err := GetAttr(th, Obj(m), "sqrt")
	assert.Equal(t, "<built-in function sqrt>", btOut(th, v, err))
	// Modules are per thread: setting an attribute on one thread's math
	// does not show in another's.
	require.NoError(t, SetAttr(th, Obj(m), "pi", Int(3)))
	m2, err := btModule(NewThread(), "math")
	require.NoError(t, err)
	v, err = GetAttr(th, Obj(m2), "pi")
	assert.Equal(t, "3.141592653589793", btOut(th, v, err))
}

// User classes reach the math functions through __float__, __index__,
// __floor__, __ceil__ and __trunc__.
func TestMathUserNumbers(t *testing.T) {
	th := NewThread()
	num := btClass("Num", map[string]BuiltinFn{
		"__float__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Float(2.25), nil },
		"__floor__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Str("floor"), nil },
	})
	v, err := btCall(th, "math.sqrt", []Value{btInst(num)})
	assert.Equal(t, "1.5", btOut(th, v, err))
	v, err = btCall(th, "math.floor", []Value{btInst(num)})
	assert.Equal(t, "'floor'", btOut(th, v, err))
	v, err = btCall(th, "math.ceil", []Value{btInst(num)})
	assert.Equal(t, "3", btOut(th, v, err), "ceil falls back to __float__")
	v, err = btCall(th, "math.trunc", []Value{btInst(num)})
	assert.Equal(t, "TypeError: type Num doesn't define __trunc__ method", btOut(th, v, err))
	bad := btClass("Bad", map[string]BuiltinFn{
		"__float__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Int(1), nil },
	})
	v, err = btCall(th, "math.exp", []Value{btInst(bad)})
	assert.Equal(t, "TypeError: Bad.__float__ returned non-float (type int)", btOut(th, v, err))
	idx := btClass("Idx", map[string]BuiltinFn{
		"__index__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return Int(6), nil },
	})
	v, err = btCall(th, "math.factorial", []Value{btInst(idx)})
	assert.Equal(t, "720", btOut(th, v, err))
	v, err = btCall(th, "math.sqrt", []Value{btInst(idx)})
	assert.Equal(t, "2.449489742783178", btOut(th, v, err))
}
