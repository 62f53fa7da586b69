"""Generate set_cases.txt: random set programs run under CPython 3.11.

Each case is a block of op lines, then a line "--", then the expected
output lines, then a line "==". set_test.go replays the ops on aio's
sets and compares the output. Regenerate with
/root/.pyenv/versions/3.11.7/bin/python3 set_cases_gen.py > set_cases.txt
"""
import random

R = random.Random(20240611)


def value():
    k = R.random()
    if k < 0.45:
        return R.randrange(-5, 60)
    if k < 0.6:
        return R.randrange(0, 4096) * R.choice([8, 32, 1024])
    if k < 0.68:
        return R.choice([2**61 - 1, 2**61, 2**62 + 3, -(2**62), 2**64 + 5, -(2**70), 10**20])
    if k < 0.78:
        return R.choice([0.5, 1.5, -2.25, 3.0, 1e10, 1e-3, 2.0, float("inf"), 123.456])
    if k < 0.82:
        return R.choice([True, False])
    return tuple(R.randrange(-3, 20) for _ in range(R.randrange(0, 4)))


def lit(v):
    return repr(v).replace(" ", "")


def values(lo, hi):
    return [value() for _ in range(R.randrange(lo, hi))]


NAMES = "ABC"


def program():
    ops = []
    for name in NAMES:
        ops.append(["new", name] + values(0, R.choice([4, 10, 30, 60])))
    for _ in range(R.randrange(4, 22)):
        a, b, c = R.choice(NAMES), R.choice(NAMES), R.choice(NAMES)
        k = R.randrange(17)
        if k == 0:
            ops.append(["add", a, value()])
        elif k == 1:
            ops.append(["disc", a, value()])
        elif k == 2:
            ops.append(["rem", a, value()])
        elif k == 3:
            ops.append(["pop", a])
        elif k == 4:
            ops.append(["bin", R.choice("|&-^"), c, a, b])
        elif k == 5:
            ops.append(["inp", R.choice("|&-^"), a, b])
        elif k == 6:
            ops.append(["meth", R.choice(["union", "intersection", "difference", "symmetric_difference"]), c, a, b])
        elif k == 7:
            ops.append(["methl", R.choice(["union", "intersection", "difference", "symmetric_difference"]), c, a] + values(0, 20))
        elif k == 8:
            ops.append(["upd", R.choice(["update", "intersection_update", "difference_update", "symmetric_difference_update"]), a, b])
        elif k == 9:
            ops.append(["updl", R.choice(["update", "intersection_update", "difference_update", "symmetric_difference_update"]), a] + values(0, 20))
        elif k == 10:
            ops.append(["updd", a] + values(0, 20))
        elif k == 11:
            ops.append(["copy", c, a])
        elif k == 12:
            ops.append(["frz", c, a] if R.random() < 0.3 else ["copy", c, a])
        elif k == 13:
            ops.append(["clear", a] if R.random() < 0.2 else ["print", a])
        elif k == 14:
            ops.append(["cmp", a, b])
        elif k == 15:
            ops.append(["fhash", a])
        else:
            ops.append(["many", a] + values(10, 60))
    for name in NAMES:
        ops.append(["print", name])
    return ops


def run(ops):
    env = {}
    out = []
    for op in ops:
        k = op[0]
        try:
            if k == "new":
                env[op[1]] = set(op[2:])
            elif k == "add":
                env[op[1]].add(op[2])
            elif k == "many":
                for v in op[2:]:
                    env[op[1]].add(v)
            elif k == "disc":
                env[op[1]].discard(op[2])
            elif k == "rem":
                env[op[1]].remove(op[2])
            elif k == "pop":
                out.append(repr(env[op[1]].pop()))
            elif k == "bin":
                a, b = env[op[3]], env[op[4]]
                env[op[2]] = {"|": a.__or__, "&": a.__and__, "-": a.__sub__, "^": a.__xor__}[op[1]](b)
            elif k == "inp":
                a, b = env[op[2]], env[op[3]]
                if op[1] == "|": a |= b
                elif op[1] == "&": a &= b
                elif op[1] == "-": a -= b
                else: a ^= b
                env[op[2]] = a
            elif k == "meth":
                env[op[2]] = getattr(env[op[3]], op[1])(env[op[4]])
            elif k == "methl":
                env[op[2]] = getattr(env[op[3]], op[1])(list(op[4:]))
            elif k == "upd":
                getattr(env[op[2]], op[1])(env[op[3]])
            elif k == "updl":
                getattr(env[op[2]], op[1])(list(op[3:]))
            elif k == "updd":
                env[op[1]].update(dict.fromkeys(op[2:]))
            elif k == "copy":
                env[op[1]] = env[op[2]].copy()
            elif k == "frz":
                env[op[1]] = frozenset(env[op[2]])
            elif k == "clear":
                env[op[1]].clear()
            elif k == "print":
                out.append(repr(env[op[1]]))
            elif k == "cmp":
                a, b = env[op[1]], env[op[2]]
                out.append(repr((a <= b, a == b, a < b, a.isdisjoint(b), a.issubset(b), a.issuperset(b))))
            elif k == "fhash":
                out.append(repr(hash(frozenset(env[op[1]]))))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


for _ in range(160):
    ops = program()
    out = run(ops)
    for op in ops:
        print(" ".join(x if isinstance(x, str) else lit(x) for x in op))
    print("--")
    for line in out:
        print(line)
    print("==")
