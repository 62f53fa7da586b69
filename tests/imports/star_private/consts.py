import sys as _sys
PI = 3
E = 2
_PRIVATE = "no"
__dunder = "no"
def public():
    return PI + E
