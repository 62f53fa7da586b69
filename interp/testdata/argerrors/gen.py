"""Record CPython 3.11's messages for built-ins called with wrong arguments.

Each case in cases.txt is a setup line, an expression, and the message of
the TypeError CPython raises when evaluating it, separated by " ||| ".
args_table_test.go evaluates every expression under aio and compares.
Regenerate from this directory with
/root/.pyenv/versions/3.11.7/bin/python3 gen.py > cases.txt
"""

# LOOP binds l to a (closed) event loop and f to one of its futures.
LOOP = """import asyncio
async def main():
    global l, f
    l = asyncio.get_running_loop()
    f = l.create_future()
asyncio.run(main())"""

# (setup, expression): setup binds names the expression uses.
CASES = [
    # METH_NOARGS
    ("", "'a'.upper(1)"),
    ("", "'a'.upper(x=1)"),
    ("", "[].copy(1)"),
    ("", "[].clear(1, 2)"),
    ("", "{}.popitem(1)"),
    ("", "set().pop(1)"),
    ("", "(1.5).is_integer(1)"),
    ("", "globals(1)"),
    ("", "locals(x=1)"),
    ("", "b'a'.lower(1)"),
    ("import time", "time.time(1)"),
    ("import time", "time.monotonic(x=1)"),
    ("import sys", "sys.getrecursionlimit(1)"),
    ("import sys", "sys.setrecursionlimit()"),
    ("import sys", "sys.setrecursionlimit(x=1)"),
    ("import sys", "sys.exit(1, 2)"),
    ("import sys", "sys.exit(x=1)"),
    ("def g():\n    yield 1\nit = g()", "it.close(1)"),
    ("from collections import deque", "deque().clear(1)"),
    # METH_O
    ("", "[].append()"),
    ("", "[].append(1, 2)"),
    ("", "[].append(x=1)"),
    ("", "[].count()"),
    ("", "[].remove()"),
    ("", "().count()"),
    ("", "set().add()"),
    ("", "set().discard(1, 2)"),
    ("", "len()"),
    ("", "len(1, 2)"),
    ("", "len(x=1)"),
    ("", "abs()"),
    ("", "callable()"),
    ("", "chr()"),
    ("", "ord(1, 2)"),
    ("", "hex()"),
    ("", "id()"),
    ("", "hash()"),
    ("", "repr()"),
    ("def g():\n    yield 1\nit = g()", "it.send()"),
    ("def g():\n    yield 1\nit = g()", "it.send(1, 2)"),
    ("import operator", "operator.neg()"),
    ("import operator", "operator.neg(x=1)"),
    ("from collections import deque", "deque().append()"),
    ("from collections import deque", "deque().appendleft(1, 2)"),
    # PyArg_ParseTuple
    ("", "'a'.find()"),
    ("", "'a'.find(1, 2, 3, 4)"),
    ("", "'a'.count()"),
    ("", "'a'.index(x=1)"),
    ("", "'a'.startswith()"),
    ("", "b'a'.find()"),
    # Argument Clinic, positional only
    ("", "sorted()"),
    ("", "sorted([], [])"),
    ("", "divmod(1)"),
    ("", "divmod(1, 2, 3)"),
    ("", "divmod(x=1)"),
    ("", "getattr(1)"),
    ("", "getattr(1, 2, 3, 4)"),
    ("", "setattr(1, 2)"),
    ("", "hasattr(1)"),
    ("", "delattr(1)"),
    ("", "isinstance(1)"),
    ("", "issubclass(1, 2, 3)"),
    ("", "isinstance(1, int, x=1)"),
    ("", "iter()"),
    ("", "next()"),
    ("", "next(1, 2, 3)"),
    ("", "vars(1, 2)"),
    ("", "dir(1, 2)"),
    ("", "input(1, 2)"),
    ("", "[].insert(1)"),
    ("", "[].insert(x=1)"),
    ("", "[].pop(1, 2)"),
    ("", "[].index()"),
    ("", "().index()"),
    ("", "{}.get()"),
    ("", "{}.get(1, 2, 3)"),
    ("", "{}.pop()"),
    ("", "{}.setdefault()"),
    ("", "dict.fromkeys()"),
    ("", "'a'.strip(1, 2)"),
    ("", "'a'.strip(x=1)"),
    ("", "'a'.replace('a')"),
    ("", "'a'.ljust()"),
    ("", "b'a'.replace(b'a')"),
    ("", "bytearray().insert(1)"),
    ("", "bytearray().pop(1, 2)"),
    ("", "(1).__round__(1, 2)"),
    ("", "(1.5).__round__(1, 2)"),
    ("", "filter(1)"),
    ("", "reversed()"),
    ("", "reversed(1, 2)"),
    ("", "range()"),
    ("", "range(1, 2, 3, 4)"),
    ("", "slice()"),
    ("", "tuple(1, 2)"),
    ("", "list(1, 2)"),
    ("", "set(1, 2)"),
    ("", "float(1, 2)"),
    ("", "set().union(x=1)"),
    ("", "min()"),
    ("", "super(int, 1, 2)"),
    ("", "super(x=1)"),
    ("", "max()"),
    ("import math", "math.pow(1)"),
    ("import math", "math.pow(x=1)"),
    ("import operator", "operator.add(1)"),
    ("import operator", "operator.add(1, 2, 3)"),
    ("import itertools", "itertools.starmap(1)"),
    ("import itertools", "itertools.pairwise()"),
    ("from collections import deque", "deque().insert(1)"),
    ("from collections import deque", "deque().index()"),
    ("from collections import deque", "deque().index(x=1)"),
    ("from collections import deque", "deque().rotate(x=1)"),
    # keyword-capable Clinic and ParseTupleAndKeywords
    ("", "print(x=1)"),
    ("", "sorted([], x=1)"),
    ("", "min(1, 2, x=1)"),
    ("", "sum(x=1)"),
    ("", "enumerate([], x=1)"),
    ("", "zip(x=1)"),
    ("", "(1).to_bytes(1, 'big', x=4)"),
    ("", "int.from_bytes()"),
    ("", "'a'.split(x=3)"),
    ("", "'a'.encode(x=1)"),
    ("", "[].sort(1)"),
    ("", "[].sort(x=1)"),
    (LOOP, "f.add_done_callback()"),
    (LOOP, "f.add_done_callback(print, x=1)"),
    # functions written in Python
    (LOOP, "l.call_soon()"),
    (LOOP, "l.call_soon(print, x=1)"),
    (LOOP, "l.call_later(1)"),
    (LOOP, "l.call_at()"),
    (LOOP, "l.call_later(1, print, contex=1)"),
    ("import asyncio\nq = asyncio.Queue()", "q.qsize(1)"),
    ("import asyncio\nq = asyncio.Queue()", "q.empty(x=1)"),
    ("import asyncio\nlock = asyncio.Lock()", "lock.locked(1)"),
    ("import asyncio\nlock = asyncio.Lock()", "lock.release(x=1)"),
    ("import asyncio", "asyncio.Lock(1)"),
    ("import asyncio\ne = asyncio.Event()", "e.is_set(1)"),
    ("import asyncio\ns = asyncio.Semaphore()", "s.locked(1)"),
    ("import asyncio\nc = asyncio.Condition()", "c.notify_all(1)"),
    ("import asyncio\nc = asyncio.Condition()", "c.locked(1)"),
    ("async def c():\n    pass\nco = c()\nco.close()", "co.close(1)"),
    ("async def ag():\n    yield 1", "ag().aclose(1)"),
    ("async def ag():\n    yield 1", "ag().asend()"),
    (LOOP, "f.cancel(1, 2)"),
    ("import random", "random.getstate(1)"),
    ("import random", "random.randint(1)"),
    ("import random", "random.randint()"),
    ("import random", "random.randint(1, 2, 3)"),
    ("import random", "random.choice()"),
    ("import random", "random.seed(1, 2, 3)"),
    ("import random", "random.sample([1], 1, x=1)"),
    ("import random", "random.uniform(1, b=2, a=3)"),
    ("def f(a, b=1):\n    pass", "f()"),
    ("def f(a, b=1):\n    pass", "f(1, 2, 3)"),
    ("def f(a, b=1):\n    pass", "f(1, c=2)"),
]


def main():
    for setup, expr in CASES:
        env = {}
        exec(setup, env)
        try:
            eval(expr, env)
        except TypeError as e:
            msg = str(e)
        else:
            raise SystemExit("no TypeError: " + expr)
        print(setup.replace("\n", "\\n") + " ||| " + expr + " ||| " + msg)


main()
