# Checks the py/want pairs of the built-in and module tests against
# CPython: every table line `{py: `...`, ..., want: `...`}` is evaluated
# with CPython 3.11 and the result (repr, or "Type: message") compared with
# want. With --fix, a want of `?` is filled in.
#
#   python3.11 testdata/btcases.py [--fix] builtins_test.go mod_math_test.go ...
import re, sys, math, random, time
class C: pass
o = C()
class Sized:
    def __len__(self): return 3
class Idx:
    def __index__(self): return 255
class Base: pass
class Sub(Base): pass
d = {'a': 1, 'b': 2, 'c': 3}
import sys
def fmt(src):
    try:
        r = eval(src, globals())
        return repr(r)
    except BaseException as e:
        s = str(e)
        return type(e).__name__ + (": " + s if s else "")
pat = re.compile(r'py: `([^`]*)`.*want: `([^`]*)`')
bad = 0
fix = '--fix' in sys.argv
for path in [a for a in sys.argv[1:] if a != '--fix']:
    lines = open(path).read().split('\n')
    for n, line in enumerate(lines):
        m = pat.search(line)
        if not m: continue
        py, want = m.group(1), m.group(2)
        if 'SKIPCHECK' in line: continue
        got = fmt(py)
        if got != want:
            if fix and want == '?':
                lines[n] = line[:m.start(2)] + got + line[m.end(2):]
                continue
            bad += 1
            print(f"{path}:{n+1}: {py}\n   cpython: {got}\n   test:    {want}")
    if fix:
        open(path, 'w').write('\n'.join(lines))
print(bad, "mismatches")
