# Generates strnum_cases.json: the expected results of str methods,
# format(), str.format and the numeric constructors and built-ins, as
# CPython 3.11 computes them. The Go tests (str_methods_test.go,
# format_test.go, num_methods_test.go) replay every call and compare.
#
# Regenerate with:
#   /root/.pyenv/versions/3.11.7/bin/python3 runtime/testdata/strnum_gen.py
#
# A case is [group, kind, target, args, kwargs, want]:
#   kind "m": target is [receiver, method name]; calls receiver.method(...)
#   kind "f": target names a Go function or a type (int, float, bool, str)
#   kind "a": target is [receiver, attribute name]; reads the attribute
# Values are encoded as ["int", "123"] (huge ints in hex: "0x..."),
# ["float", "1.5"], ["str", "s"], ["bool", true], ["none"],
# ["tuple", [...]], ["list", [...]],
# ["dict", [[k, v], ...]], or ["obj", "ClassName"] for an instance of one
# of the test classes below, which the Go test builds the same way.
# want is repr(result), or "Type: message" for an exception.

import json
import math
import os
import sys
import warnings

warnings.simplefilter("ignore")


class I:
    def __int__(self): return 7


class Ix:
    def __index__(self): return 8


class T:
    def __trunc__(self): return 9


class Bad:
    def __int__(self): return 'x'


class F:
    def __float__(self): return 1.5


class Fb:
    def __float__(self): return 1


class R:
    def __round__(self, *a): return ('r', a)


class A:
    def __abs__(self): return 'abs'


class G:
    def __format__(self, spec): return 'G[' + spec + ']'


class Gb:
    def __format__(self, spec): return 5


class S:
    def __str__(self): return 'S!'


class P:
    x = 5

    def __repr__(self): return 'P<é>'


class Foo:
    pass


class D:
    def __divmod__(self, o): return ('dm', o)
    def __rdivmod__(self, o): return ('rdm', o)


class PW:
    def __pow__(self, o, m=None): return ('pow', o, m)


class GI:
    def __getitem__(self, k): return 'G' + k


CLASSES = [I, Ix, T, Bad, F, Fb, R, A, G, Gb, S, P, Foo, D, PW, GI]


def enc(v):
    if v is None:
        return ["none"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        # Huge ints in hex: str() of them is limited to 4300 digits.
        return ["int", str(v) if abs(v) < 10**4000 else hex(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, tuple):
        return ["tuple", [enc(x) for x in v]]
    if isinstance(v, list):
        return ["list", [enc(x) for x in v]]
    if isinstance(v, dict):
        return ["dict", [[enc(k), enc(x)] for k, x in v.items()]]
    if type(v) in CLASSES:
        return ["obj", type(v).__name__]
    raise TypeError(type(v))


def outcome(fn):
    try:
        return repr(fn())
    except Exception as e:
        msg = str(e)
        return type(e).__name__ + (": " + msg if msg else "")


cases = []


def direct_call(recv, name, args, kw):
    # Arguments are spelled out in the call, as a script writes them:
    # CPython words some errors differently for a call through * or **.
    if not all(k.isidentifier() for k in kw):
        return getattr(recv, name)(*args, **kw)
    spelled = ["args[%d]" % i for i in range(len(args))] + ["%s=kw[%r]" % (k, k) for k in kw]
    src = "recv.%s(%s)" % (name, ", ".join(spelled))
    return eval(src, {"recv": recv, "args": args, "kw": kw})


def m(_group, _recv, _name, *args, **kw):
    want = outcome(lambda: direct_call(_recv, _name, args, kw))
    cases.append([_group, "m", [enc(_recv), _name], [enc(a) for a in args],
                  [[k, enc(v)] for k, v in kw.items()], want])


FUNCS = {"int": int, "float": float, "bool": bool, "str": str,
         "Format": format, "Round": round, "Abs": abs, "DivMod": divmod,
         "Pow": pow, "ASCII": ascii, "Percent": lambda f, a: f % a}


def f(_group, _name, *args, **kw):
    want = outcome(lambda: FUNCS[_name](*args, **kw))
    cases.append([_group, "f", _name, [enc(a) for a in args],
                  [[k, enc(v)] for k, v in kw.items()], want])


# ---- str methods -------------------------------------------------------
S_ = "str"
for recv in ["", "abc", "a,b,,c", "  hello world  ", "héllo wörld", "ΣΑΣ σας", "a\tb\tc", "line1\nline2\r\nline3\rx\x0by\x1cz\u2028w", "ß straße"]:
    for name in ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit", "isalpha", "isspace",
                 "isalnum", "isupper", "islower", "istitle", "isdecimal", "isnumeric", "isascii", "isprintable",
                 "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "expandtabs"]:
        m(S_, recv, name)
for recv in ["123", "١٢٣", "½", "²", "abc123", "ABC", "Abc Def", "ǅemo", " \t\n", "\x85", "a\x00"]:
    for name in ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle", "isprintable", "title", "upper", "lower"]:
        m(S_, recv, name)

# join
m(S_, ",", "join", ["a", "b", "c"])
m(S_, ",", "join", ("a",))
m(S_, ",", "join", [])
m(S_, "", "join", ["x", "y"])
m(S_, "ab", "join", "xyz")
m(S_, ",", "join", {"k": 1, "j": 2})
m(S_, ",", "join", [1])
m(S_, ",", "join", ["a", 1])
m(S_, ",", "join", ["a", None, 1])
m(S_, ",", "join", 5)
m(S_, ",", "join", None)
m(S_, ",", "join")
m(S_, ",", "join", ["a"], ["b"])
m(S_, ",", "join", ["a"], x=1)
m(S_, "é", "join", ["ü", "ö"])

# split / rsplit
for name in ["split", "rsplit"]:
    for recv in ["a,b,,c", "  a  b c ", "a b c d", "", "   ", "a", "héé,lo,wö", "a\u3000b\x1cc"]:
        m(S_, recv, name)
        m(S_, recv, name, ",")
        m(S_, recv, name, None, 1)
        m(S_, recv, name, ",", 1)
        m(S_, recv, name, ",", 0)
        m(S_, recv, name, ",", -5)
        m(S_, recv, name, maxsplit=2)
        m(S_, recv, name, sep=",", maxsplit=1)
        m(S_, recv, name, ",,")
    m(S_, "a", name, "")
    m(S_, "a", name, 1)
    m(S_, "a", name, x=1)
    m(S_, "a", name, "a", 1, 2)
    m(S_, "a", name, ",", maxsplit=1, sep="x")
    m(S_, "a", name, ",", sep="x")
    m(S_, "a", name, None, "x")
    m(S_, "a", name, None, 1.0)
    m(S_, "a", name, None, 2**70)
    m(S_, "a b", name, None, True)
    m(S_, "a b", name, None, Ix())

# strip family
for name in ["strip", "lstrip", "rstrip"]:
    for recv in ["  xx  ", "xxhixx", "\t\n hi \x85\u3000", "", "ééhéé"]:
        m(S_, recv, name)
        m(S_, recv, name, None)
        m(S_, recv, name, "x")
        m(S_, recv, name, "xé ")
        m(S_, recv, name, "")
    m(S_, "a", name, 1)
    m(S_, "a", name, "a", "b")
    m(S_, "a", name, chars="a")

# startswith / endswith
for name in ["startswith", "endswith"]:
    for recv in ["abc", "héllo", ""]:
        for args in [("a",), ("c",), ("",), ("abc",), ("abcd",), ("hé",), ("lo",), (("x", "a"),), (("x", "c"),), ((),),
                     ("b", 1), ("c", 1, 2), ("b", 1, 2), ("", 3), ("", 4), ("", 2, 1), ("l", 0, -1), ("é", 1), ("a", -3),
                     ("a", None, None), ("b", 1, None), ("a", -100, 100), ("a", 2**70), ("a", -2**70), ("a", True)]:
            m(S_, recv, name, *args)
    m(S_, "a", name)
    m(S_, "a", name, 1)
    m(S_, "a", name, ["a"])
    m(S_, "a", name, ("a", 1))
    m(S_, "x", name, ("a", 1))
    m(S_, "a", name, "a", "x")
    m(S_, "a", name, "a", 1.0)
    m(S_, "a", name, "a", 1, 2, 3)
    m(S_, "a", name, "a", x=1)
    m(S_, "abc", name, "b", Ix())

# find family
for name in ["find", "rfind", "index", "rindex", "count"]:
    for recv in ["abcabc", "héllo wörld", "", "aaaa"]:
        for args in [("a",), ("b",), ("z",), ("",), ("abc",), ("ö",), ("l",), ("aa",), ("a", 1), ("a", 1, 4), ("c", -1),
                     ("c", -100, 100), ("", 3), ("", 4), ("", 6), ("", 7), ("", 2, 1), ("w", 3, 9), ("l", 0, 4), ("a", None, None),
                     ("a", None, 2), ("a", True), ("a", 2**70), ("a", -2**70), ("a", 0, -2**70), ("b", 1, -1)]:
            m(S_, recv, name, *args)
    m(S_, "a", name)
    m(S_, "a", name, 1)
    m(S_, "a", name, "a", 1, 2, 3)
    m(S_, "a", name, "a", "x")
    m(S_, "a", name, "a", 1.0)
    m(S_, "a", name, "a", x=1)
    m(S_, "abc", name, "c", Ix())

# replace
for args in [("a", "b"), ("a", "xyz"), ("", "-"), ("", "-", 2), ("a", "b", 1), ("a", "b", 0), ("a", "b", -1), ("zz", "y"),
             ("é", "e"), ("abc", ""), ("a", "b", True), ("a", "b", 2**70), ("a", "b", 1.0), ("a", "b", "x"), (1, "b"), ("a", 1),
             ("a",), (), ("a", "b", 1, 2)]:
    m(S_, "banana", "replace", *args)
    m(S_, "héllo", "replace", *args)
m(S_, "a", "replace", "a", "b", count=1)

# zfill / center / ljust / rjust
for recv in ["42", "-42", "+4", "", "abc", "héllo", "-"]:
    for w in [0, 1, 3, 5, 8, -3]:
        m(S_, recv, "zfill", w)
        for name in ["center", "ljust", "rjust"]:
            m(S_, recv, name, w)
            m(S_, recv, name, w, "*")
            m(S_, recv, name, w, "é")
m(S_, "a", "zfill")
m(S_, "a", "zfill", "3")
m(S_, "a", "zfill", 2**70)
m(S_, "a", "zfill", 3, x=1)
for name in ["center", "ljust", "rjust"]:
    m(S_, "a", name)
    m(S_, "a", name, 5, "xy")
    m(S_, "a", name, 5, "")
    m(S_, "a", name, 5, 1)
    m(S_, "a", name, 1.5)
    m(S_, "a", name, 2**70)
    m(S_, "a", name, 5, "x", 1)
    m(S_, "a", name, 5, fillchar="x")
    m(S_, "abc", name, 6, "-")
    m(S_, "ab", name, 7, "-")
    m(S_, "a", name, Ix())

# splitlines / partition / expandtabs / removeprefix
for recv in ["a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l", "a\n\nb\n", "", "\n", "no newline", "x\r\n"]:
    m(S_, recv, "splitlines")
    m(S_, recv, "splitlines", True)
    m(S_, recv, "splitlines", keepends=True)
    m(S_, recv, "splitlines", 0)
m(S_, "a", "splitlines", "x")
m(S_, "a", "splitlines", 1.5)
m(S_, "a", "splitlines", 2**70)
m(S_, "a", "splitlines", 1, 2)
m(S_, "a", "splitlines", zz=1)
m(S_, "a", "splitlines", True, keepends=True)
for name in ["partition", "rpartition"]:
    for recv in ["a=b=c", "abc", "", "héllo=wö", "=="]:
        for sep in ["=", "b", "z", "==", "é"]:
            m(S_, recv, name, sep)
    m(S_, "a", name, "")
    m(S_, "a", name, 1)
    m(S_, "a", name)
    m(S_, "a", name, "a", "b")
    m(S_, "a", name, sep="a")
for recv in ["a\tb", "\tab\tc\n\td", "abcd\te\r\tf", "ééé\tx", "no tabs"]:
    for args in [(), (4,), (0,), (1,), (-1,), (3,)]:
        m(S_, recv, "expandtabs", *args)
    m(S_, recv, "expandtabs", tabsize=2)
m(S_, "a", "expandtabs", "x")
m(S_, "a", "expandtabs", 2**40)
m(S_, "a", "expandtabs", 1, 2)
m(S_, "a", "expandtabs", zz=1)
for name in ["removeprefix", "removesuffix"]:
    for a in ["ab", "cd", "", "abcd", "x", "é"]:
        m(S_, "abcd", name, a)
        m(S_, "éabé", name, a)
    m(S_, "a", name, 1)
    m(S_, "a", name)
    m(S_, "a", name, "a", "b")
for name in ["upper", "isdigit", "title", "casefold"]:
    m(S_, "a", name, 1)
    m(S_, "a", name, x=1)

# str constructor
for args, kw in [((), {}), ((1,), {}), ((1.5,), {}), (("x",), {}), ((None,), {}), (([1, "a"],), {}), ((S(),), {}), ((P(),), {}),
                 ((True,), {}), ((2**100,), {}), ((1e16,), {}), (((1, "a"),), {}), (({"a": 1},), {}),
                 ((), {"object": 5}), ((1, 2), {}), ((1, "utf-8"), {}), (("x", "utf-8"), {}), ((1, "a", "b", "c"), {}),
                 ((), {"x": 5}), ((5,), {"errors": "x"}), ((1,), {"errors": 2}), ((), {"encoding": "utf-8"}),
                 ((5,), {"object": 5})]:
    f(S_, "str", *args, **kw)

# non-BMP text: code point positions, padding and case mapping
for recv in ["a😀b😀c", "😀"]:
    for args in [("😀",), ("😀", 2), ("c", 1, 4), ("", 5), ("b", -3)]:
        for name in ["find", "rfind", "count", "startswith", "endswith"]:
            m(S_, recv, name, *args)
    for name in ["upper", "title", "split", "splitlines", "isprintable", "isalpha"]:
        m(S_, recv, name)
    m(S_, recv, "center", 9, "😀")
    m(S_, recv, "split", "😀")
    m(S_, recv, "rpartition", "😀")
    m(S_, recv, "replace", "", "|")
    m(S_, recv, "expandtabs")

# casefold of every character it changes, and of text mixing them
folds = "".join(chr(c) for c in range(0x110000) if (c < 0xd800 or c > 0xdfff) and chr(c).casefold() != chr(c))
m(S_, folds, "casefold")
m(S_, "ΣΑΣ Straße ﬁne ᾈ Ꭰꭰ", "casefold")

# ---- format -------------------------------------------------------------
FM = "format"
for v in [0, 5, -5, 1234567, -1234567, 2**100, -2**70, True, False, 255]:
    for spec in ["", "d", "5", "<5", "^7", ">5", "=+8", "+", "-", " ", "x", "X", "#x", "#o", "#b", "o", "b", "c", ",",
                 "_", "_x", "08", "08,", "e", ".2f", "%", "g", "n", "s", "z", ",b", "010_d", "*^9", "é>6", "#010x", ".3"]:
        f(FM, "Format", v, spec)
for v in [0.0, -0.0, 1.5, -1.5, 1234567.891, 1e16, 1e-7, 123456789.0, 0.1, 2.5, float("inf"), float("-inf"), float("nan"), 1e300, 3.0]:
    for spec in ["", "f", ".2f", ".0f", "10.3f", "<10", "^10.2f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", ",", ",.2f",
                 "_.3f", "+", " ", "z.1f", "#.0f", "#g", "08.2f", "d", "x", "s", "n", ".0", ".2", ".30f", "r"]:
        f(FM, "Format", v, spec)
for v in ["", "abc", "héllo", "a\tb"]:
    for spec in ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "10.1", "d", "+", "=5", "#", "z", ",", "05", "é<4"]:
        f(FM, "Format", v, spec)
for v in [None, [1], (1, 2), {"a": 1}, S(), G(), Gb(), Foo(), P()]:
    for spec in ["", ">5", "x"]:
        if isinstance(v, Foo) and spec == "":
            continue
        f(FM, "Format", v, spec)
for v, spec in [(10**5000, ""), (10**5000, "x"), (10**5000, ","), (-10**4299, "d"), (2**64, "#b"), (-2**63, "x")]:
    f(FM, "Format", v, spec)
for v in ["héllo\u1234\U0001f600", "abc", 1, P(), [1, "é"], "\x00\x7f\x80"]:
    f(FM, "ASCII", v)

# str.format
fmt_cases = [
    ("{} {}", (1, 2), {}), ("{0} {0}", (1,), {}), ("{1}", (1,), {}), ("{name}", (), {"x": 1}), ("{name}", (), {"name": 1}),
    ("{0.x}", (P(),), {}), ("{0.y}", (P(),), {}), ("{0[1]}", ([5, 6],), {}), ("{0[k]}", ({"k": 1},), {}), ("{d[k]}", (), {"d": {"k": 1}}),
    ("{0[5]}", ([5, 6],), {}), ("{0[k]}", ({"j": 1},), {}), ("{0!r}", (P(),), {}), ("{0!a}", (P(),), {}), ("{0!s}", (P(),), {}),
    ("{!a}", ("héllo\u1234\U0001f600",), {}), ("{0!x}", (1,), {}), ("{0:{1}}", (5, ">4"), {}), ("{:{}}", (5, ">4"), {}),
    ("{:{}{}}", (5, ">", 4), {}), ("{0:{1}}", (5,), {}), ("{} {1}", (1, 2), {}), ("{1} {}", (1, 2), {}), ("{", (), {}),
    ("}", (), {}), ("{0:x}", ("s",), {}), ("{:,}", (1234567,), {}), ("{[0]}", ("abc",), {}), ("{0[0]}", ("abc",), {}),
    ("{0[-1]}", ([1],), {}), ("{:%}", (0.25,), {}), ("{0:{a}}", (1,), {"a": "^5"}), ("{}", (), {}), ("{0}", (), {}),
    ("{{}}", (), {}), ("{0!r:>10}", ("a",), {}), ("{0.x.y}", (P(),), {}), ("{0[}", (P(),), {}), ("a{{b}}c", (), {}),
    ("{:>{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}), ("{0}{1}{0}", ("ab", "cd"), {}), ("x{}y{}z", ("é", None), {}),
    ("{!s:>4}", (S(),), {}), ("{:abc}", (G(),), {}), ("{}", (Gb(),), {}), ("{:x}", (Foo(),), {}), ("{0:{0}}", (5,), {}),
    ("{:{:{}}}", (1, 2, 3), {}), ("{0!}", (1,), {}), ("{0!r", (1,), {}), ("{0!rr}", (1,), {}), ("{0:", (1,), {}),
    ("{0.}", (1,), {}), ("{0[]}", ([1],), {}), ("{0]}", ([1],), {}), ("{0[0]x}", ([1],), {}), ("{a.b", (), {"a": 1}),
    ("{ }", (), {" ": 3}), ("{-1}", (), {}), ("{00}", (7,), {}), ("{1}{0}", ("a", "b"), {}), ("{:}", (3,), {}),
    ("{}", (True,), {}), ("{:d}", (True,), {}), ("{:5}", (True,), {}), ("{:5}", ("ab",), {}), ("{:5}", (1.5,), {}),
    ("{:.3}", (2**0.5,), {}), ("{:,.2f}", (1234567.891,), {}), ("{x[a.b]}", (), {"x": {"a.b": 9}}), ("}}{{", (), {}),
    ("{0[1][0]}", ([[1], [2, 3]],), {}), ("{0.__class__.__name__}", (1,), {}),
    ("{0:{1}}", (5, "x"), {}), ("{0:{x}}", (5,), {}), ("{0:{1}}", (5, 3), {}), ("{0:{1}.{2}}", (1.5, 8, 3), {}),
    ("{!r}", ("it's \"q\"",), {}), ("{0:{1:{2}}}", (1, 2, 3), {}), ("{:{}}", (1,), {}), ("{}", (10**5000,), {}),
    ("{0}{name}{1}", ("a", "b"), {"name": "N"}), ("{0.real}", (5,), {}), ("{0[0]}", ((7, 8),), {}),
    ("{0[10]}", ("abc",), {}), ("{0[a]}", ("abc",), {}), ("{a}", (), {"a": P()}), ("{a!a}", (), {"a": "é"}),
]
for tmpl, args, kw in fmt_cases:
    m(FM, tmpl, "format", *args, **kw)
for tmpl, mp in [("{x}", {"x": 1}), ("{x}", {}), ("{0}", {"0": 1}), ("{}", {}), ("{x[0]}", {"x": "ab"}), ("plain", {})]:
    m(FM, tmpl, "format_map", mp)
m(FM, "{x}", "format_map")
m(FM, "{x}", "format_map", 1)
for v, spec in [(5, "x"), (5, 1), (1.5, ".1f"), ("a", ">3"), (True, ""), (True, "d"), (P(), ""), (P(), "x"), (5, "")]:
    m(FM, v, "__format__", spec)
for v in [5, 1.5, "a", P(), True]:
    m(FM, v, "__format__")
    m(FM, v, "__format__", "a", "b")
    m(FM, v, "__format__", x="a")

# ---- numbers -------------------------------------------------------------
N = "num"
for args, kw in [
    ((), {}), ((5,), {}), ((True,), {}), ((False,), {}), ((-3.9,), {}), ((3.9,), {}), ((float("inf"),), {}), ((float("-inf"),), {}),
    ((float("nan"),), {}), ((1e30,), {}), ((-1e19,), {}), ((9.2e18,), {}), (("  12  ",), {}), (("1_000",), {}), (("0x1f", 16), {}), (("0x1f", 0), {}),
    (("1f", 16), {}), (("z", 36), {}), (("12", 1), {}), (("12", 37), {}), (("abc",), {}), (("",), {}), (("12",), {"base": 8}),
    ((), {"x": "12"}), (("12", 8, 1), {}), ((5, 10), {}), ((5.0, 10), {}), (([],), {}), ((None,), {}), ((I(),), {}), ((Ix(),), {}),
    ((T(),), {}), ((Bad(),), {}), (("١٢٣",), {}), ((" -12 ",), {}), (("+0",), {}), (("010",), {}), (("010", 0), {}), (("9" * 5000,), {}),
    ((2**100,), {}), (("12", True), {}), (("12", 2**70), {}), (("12", 1.5), {}), (("1.5",), {}), ((), {"base": 10}),
    (("12", None), {}), (("12",), {"base": None}), ((" 0b101 ", 0), {}), (("0B101", 2), {}), (("1__0",), {}), (("_10",), {}),
    (("-0o17", 0), {}), (("99999999999999999999",), {}), (("-9223372036854775808",), {}), (("zz", 36), {}), (("12",), {"base": Ix()}),
    (("12", 0), {}), (("0_7", 0), {}), (("0",), {"base": 0}), (("00", 0), {}),
]:
    f(N, "int", *args, **kw)
for args, kw in [
    ((), {}), ((1,), {}), ((2**1024,), {}), ((2**100,), {}), (("1.5",), {}), ((" 1e3 ",), {}), (("inf",), {}), (("-nan",), {}), (("abc",), {}),
    (("",), {}), ((F(),), {}), ((Fb(),), {}), ((Ix(),), {}), ((I(),), {}), (([],), {}), ((None,), {}), ((), {"x": 1}), ((1, 2), {}),
    ((True,), {}), (("1_0.5",), {}), (("infinity",), {}), (("-Infinity",), {}), (("1e400",), {}), (("1e-400",), {}), ((2.5,), {}),
    (("0x10",), {}), (("١٫٥",), {}), (("١.٥",), {}), (("1.",), {}), ((".5",), {}), (("5e",), {}),
]:
    f(N, "float", *args, **kw)
for args, kw in [((), {}), ((0,), {}), (([1],), {}), (("",), {}), (("x",), {}), ((0.0,), {}), ((None,), {}), ((), {"x": 1}), ((1, 2), {})]:
    f(N, "bool", *args, **kw)
for args in [(2.5,), (3.5,), (-2.5,), (2.675, 2), (1234, -2), (1250, -2), (1350, -2), (-1250, -2), (5, 2), (5, None), (2.5, None),
             (float("inf"),), (float("nan"),), (float("inf"), 2), (1e300, -300), (1.5, -1), (15.0, -1), (25.0, -1), (2**100, -5),
             (True,), (True, 2), ("x",), (1.5, "x"), (1.5, 1.0), (5, 1.0), (R(),), (R(), 3), (R(), None), ([], 2), (1.23456789, 4),
             (-0.0,), (0.5,), (1.5,), (1e20,), (5, 2**70), (1.5, 2**70), (1.5, -2**70), (None,), (-5, -1), (-15, -1), (-25, -1),
             (2**63 - 1, -1), (-2**63, -2), (123.456, 1), (123.456, -1), (0.125, 2), (0.375, 2), (1e-300, 300), (5e-324, 323),
             (1.7976931348623157e308, -308), (-1.5, 0), (2.5, 0), (99, -2), (50, -2), (150, -2), (1.5, Ix()), (5, -19), (5, -20),
             (-2**63, None), (2**64, -3), (7, True)]:
    f(N, "Round", *args)
for args in [(-5,), (True,), (False,), (-2.5,), (-2**100,), (A(),), ("x",), (None,), (-2**63,), (2**63 - 1,), (-0.0,), (float("-inf"),), (0,)]:
    f(N, "Abs", *args)
for args in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7, 0), (7.0, 0), (7, 0.0), (7.5, 2), (-7.5, 2), (2**100, 7), (-2**100, 7),
             (7, 2**100), (True, 2), ("a", 2), (2, "a"), (float("inf"), 2), (2, float("inf")), (-2**63, -1), (0, 5), (D(), 1),
             (1, D()), (1.0, -0.5), (-0.0, 1), (0.0, -1), (5, True), (5, False), (2**100, 0), (2**64, 2**32)]:
    f(N, "DivMod", *args)
for args in [(2, 10), (2, 10, 1000), (2, -1, 7), (2, -1, 4), (2, 10, 0), (2.0, 10, 7), (2, 10, 7.0), (-2, 3, 7), (2, 3, -7),
             (-2, 3, -7), (2, 0, 1), (2, 0, -1), (3, -2, 10), (0, -1, 5), (2**100, 2**100, 10**9 + 7), (True, 2, 3),
             ("a", 2, 3), (2, "a", 3), (2, 3, "a"), (2, 3, None), (2, -1), (0, -1), (0.0, -1), (2, 0.5), (10, 40), (10.0, 400),
             (2.0, 3.0, "a"), ("a", 2, 3.0), (PW(), 2, 3), (PW(), 2), (7, 2**100, 13), (-7, 2**64 + 1, 2**70), (5, -3, 2**61 - 1),
             (2**70, -1, 2**80 + 1), (12345678901, 98765432101, 9223372036854775807), (-1, -1, -1), (3, 0, 2**70), (0, 0, 7),
             (2, 3, 1), (2, 3, -1), (4, -1, -7), (-3, -2, -10), (2, 3, True), (2, -1, 2**64), (3, -1, 2**64), (2.0, PW(), 3), (2, PW(), 3), (2, 3, PW()), ("a", "b", 1.0),
             (1.0, "a", "b"), (2, 3.0, [])]:
    f(N, "Pow", *args)
for recv, name, args in [
    (5, "bit_length", ()), (-5, "bit_length", ()), (0, "bit_length", ()), (2**100, "bit_length", ()), (True, "bit_length", ()),
    (-2**63, "bit_length", ()), (2**63 - 1, "bit_length", ()), (5, "bit_length", (1,)), (5, "bit_count", ()), (-5, "bit_count", ()),
    (2**100 - 1, "bit_count", ()), (-(2**100 - 1), "bit_count", ()), (False, "bit_count", ()), (-2**63, "bit_count", ()),
    (5, "conjugate", ()), (True, "conjugate", ()), (5, "as_integer_ratio", ()), (-2**70, "as_integer_ratio", ()),
    (True, "as_integer_ratio", ()), (1.5, "is_integer", ()), (2.0, "is_integer", ()), (float("inf"), "is_integer", ()),
    (float("nan"), "is_integer", ()), (-0.0, "is_integer", ()), (1e300, "is_integer", ()), (1.5, "as_integer_ratio", ()),
    (0.1, "as_integer_ratio", ()), (-2.0, "as_integer_ratio", ()), (float("inf"), "as_integer_ratio", ()),
    (float("nan"), "as_integer_ratio", ()), (0.0, "as_integer_ratio", ()), (1e300, "as_integer_ratio", ()),
    (5e-324, "as_integer_ratio", ()), (1.5, "conjugate", ()), (1.5, "is_integer", (1,)), (2.5, "__round__", ()),
    (2.567, "__round__", (2,)), (1250, "__round__", (-2,)), (5, "__round__", (1, 2)),
    (1.5, "__round__", (1, 2)), (1.5, "__round__", (None,)), (5, "__round__", (None,)), (2.5, "__round__", (0,)),
]:
    m(N, recv, name, *args)
m(N, 1.5, "__round__", x=1)
m(N, 5, "__round__", x=1)
for recv in [5, -2**70, True, 1.5, -0.0]:
    for name in ["real", "imag", "numerator", "denominator"]:
        if hasattr(recv, name):
            cases.append([N, "a", [enc(recv), name], [], [], repr(getattr(recv, name))])

# ---- printf-style str % args --------------------------------------------
PC = "percent"
percent_cases = [
    ('%5%', ()), ('%-5%', ()), ('%%', ()), ('%s', 5), ('%s %s', (1, 2)), ('%s', (1, 2)), ('%s %s', (1,)), ('%s', [1, 2]),
    ('%s', ((1, 2),)), ('abc', 5), ('abc', []), ('abc', {}), ('abc', ()), ('abc', 'x'), ('%s', {'a': 1}), ('%(a)s', {'a': 1}),
    ('%(a)s %(b)r', {'a': 1, 'b': 'x'}), ('%(a)s', 5), ('%(a)s', (1,)), ('%(a', {'a': 1}), ('%(a)s %s', {'a': 1}), ('%d', 5),
    ('%d', 5.9), ('%d', -5.9), ('%d', 'x'), ('%d', True), ('%d', Ix()), ('%d', I()), ('%d', F()), ('%i', 5), ('%u', 5),
    ('%x', 255), ('%X', 255), ('%#x', 255), ('%#X', 255), ('%o', 8), ('%#o', 8), ('%x', 2.5), ('%x', Ix()), ('%x', 'a'),
    ('%5d', 42), ('%-5d|', 42), ('%05d', 42), ('%05d', -42), ('%+d', 42), ('% d', 42), ('%+ d', 42), ('%.3d', 5), ('%.3d', -5),
    ('%8.3d', -5), ('%08.3d', -5), ('%-08d|', 5), ('%#.3x', 5), ('%#8.3x', 5), ('%#08x', 255), ('%f', 1.5), ('%.2f', 2.675),
    ('%10.3f', 3.14159), ('%-10.3f|', 3.14159), ('%010.3f', -3.14159), ('%+.1f', 2.0), ('%e', 12345.678), ('%.2E', 12345.678),
    ('%g', 12345.678), ('%g', 1e20), ('%G', 1e-20), ('%#g', 1.0), ('%#.0f', 1.0), ('%.0f', 2.5), ('%f', float('inf')),
    ('%05f', float('inf')), ('%F', float('nan')), ('%-8f|', float('-inf')), ('%f', 5), ('%f', 2**1000), ('%f', 'x'), ('%f', F()),
    ('%f', Ix()), ('%f', I()), ('%c', 65), ('%c', 'x'), ('%c', 'xy'), ('%c', 1.5), ('%c', 0x110000), ('%c', -1), ('%5c|', 'x'),
    ('%r', 'x'), ('%r', P()), ('%s', P()), ('%s', S()), ('%a', 'é'), ('%a', P()), ('%.2s', 'abcdef'), ('%5.2s|', 'abcdef'),
    ('%-5s|', 'ab'), ('%05s|', 'ab'), ('%*d', (5, 42)), ('%-*d|', (5, 42)), ('%*d', (-5, 42)), ('%.*f', (2, 3.14159)),
    ('%*.*f', (8, 2, 3.14159)), ('%*d', ('x', 42)), ('%*d', (5,)), ('%y', 5), ('%', ()), ('abc%', ()), ('%s%', (1,)),
    ('%ld', 5), ('%hd', 5), ('%Lf', 1.5), ('%(a)*d', {'a': 1}), ('%s', None), ('%d', None), ('%s %d', ('a', 'b')),
    ('%x', -255), ('%#x', -255), ('%o', -8), ('%d', 2**100), ('%x', 2**100), ('%.50f', 0.1), ('%.200f', 1.5), ('%s', ()),
    ('%r', ((),)), ('%(a)s %(a)s', {'a': 'z'}), ('%()s', {'': 5}), ('%(a(b))s', {'a(b)': 5}), ('%-+5d|', 3), ('%+05.1f', 2.25),
    ('% 5.1f', 2.25), ('%c', 128512), ('%i', 3.99), ('%e', 0), ('%.0e', 12345), ('%#.0e', 12345), ('%#o', 0), ('%#x', 0),
    ('%5%', 5), ('%s %%', 5), ('%d%%', 50), ('%-d', 5), ('%0-5d|', 5), ('%y', ()), ('%.*f', (-2, 3.14159)), ('%*.*d', (3, -2, 5)),
    ('%\x01', 5), ('%é', 5), ('%(a)s', GI()), ('abc', GI()), ('%c', 2**70), ('%c', True), ('%d', 1e400), ('%d', float('nan')),
    ('%x', True), ('%c', ''), ('%5.3c|', 'x'), ('%.3c|', 65), ('%-05c|', 'x'), ('%99999999999999999999d', 1),
    ('%.99999999999999999999d', 1), ('%f', 2**1024), ('%r %r', (1.5, 'a')), ('%-#5x|', 255), ('%+x', 255), ('% o', 8),
    ('%+#o', -8), ('%(x)s', {'x': 1, 'y': 2}), ('%s', (1,)), ('%%%s%%', 'a'), ('%.3s', 12345), ('%10r|', 'ab'), ('%s', 'é'),
    ('%-3c|%3c', ('é', 'x')), ('%(a)s%%', {'a': 1}), ('a%%b', {}), ('%0*d', (5, 3)), ('%5.1e', 0.000123), ('%(a)d', {'a': '1'}),
    ('%.2f%%', 99.5), ('%x', 1.0), ('%d', 10**5000), ('%(a)s', []), ('é%sü%dö', ('x', 3)), ('%.f', 2.5), ('%.d', 0),
    ('%s and %s', ('a', 'b', 'c')), ('%d items', [1]), ('%s', [1]), ('%5.1f%%', 12.345), ('%-10s|%10s', ('ab', 'cd')),
    ('%x', 10**30), ('%X', -10**30), ('%#5o', 8), ('%03d:%02d', (7, 5)), ('%(k)x', {'k': 255}), ('%s', ''), ('', ()), ('', 5),
    ('%s', ('a',)), ('%(x)s', {}), ('%c', 'é'), ('%.1s', 'é'), ('%s', (None,)), ('%d', Fb()), ('%r', 2**64), ('%s', 1e16),
]
for fmt_, args_ in percent_cases:
    f(PC, "Percent", fmt_, args_)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "strnum_cases.json")
with open(out, "w", encoding="utf-8") as fp:
    fp.write("[\n")
    fp.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
    fp.write("\n]\n")
print(len(cases), "cases written to", out, file=sys.stderr)
