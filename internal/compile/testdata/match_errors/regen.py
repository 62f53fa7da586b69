#!/usr/bin/env python3
"""Regenerate the expected errors of the match statement's compile-time
checks from CPython 3.11.

    /root/.pyenv/versions/3.11.7/bin/python3 interp/testdata/match_errors/regen.py

For each NAME.aio here, writes NAME.err with the SyntaxError CPython's
compile() raises (these programs parse; the errors come from CPython's
compiler): kind, message, line, offset, end line and end offset.
"""
import glob
import os
import sys

assert sys.version_info[:2] == (3, 11), "use CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))

for path in sorted(glob.glob(os.path.join(HERE, "*.aio"))):
    with open(path, "rb") as fp:
        src = fp.read()
    try:
        compile(src, os.path.basename(path), "exec")
    except SyntaxError as e:
        lines = [
            "kind: " + type(e).__name__,
            "msg: " + e.msg,
            "line: %s" % e.lineno,
            "offset: %s" % e.offset,
            "end_line: %s" % e.end_lineno,
            "end_offset: %s" % e.end_offset,
        ]
        with open(path[:-4] + ".err", "w") as fp:
            fp.write("\n".join(lines) + "\n")
    else:
        sys.exit("%s: CPython compiles it; it is not an error case" % path)
