from __future__ import annotations
def make(size: Size) -> Widget:
    return ("widget", size)
