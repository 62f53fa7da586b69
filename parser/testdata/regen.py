#!/usr/bin/env python3
"""Regenerate the parser's expectations from CPython 3.11.

    /root/.pyenv/versions/3.11.7/bin/python3 parser/testdata/regen.py

For each errors/NAME.aio, writes errors/NAME.err with what CPython's
compile() raises: the exception kind and message, line, offset, end line
and end offset, and the stage ("parser" if ast.parse already fails,
"compiler" if only compile() does).

It also runs the program with CPython and writes what it prints to
standard error to errors/NAME.out, to check SyntaxError.Error().

For each valid/NAME.aio, checks that CPython compiles it and writes
valid/NAME.ast: the syntax tree with every node's position, in a format
that parser/dump_test.go reproduces from aio's ast. Positions of the
parts of an f-string (its constants, fields and format specs) are left
out: CPython 3.11 gives them the span of the whole string, or worse.

The Go tests only read these files; CI needs no Python.
"""
import ast
import glob
import os
import struct
import subprocess
import sys

assert sys.version_info[:2] == (3, 11), "use CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP_FIELDS = {"ctx", "type_comment", "kind", "type_ignores", "simple"}


def quote(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '\\"':
            out.append("\\" + ch)
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        elif o <= 0xFFFF:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    return '"' + "".join(out) + '"'


def scalar(v):
    if v is None:
        return "None"
    if v is True:
        return "True"
    if v is False:
        return "False"
    if v is Ellipsis:
        return "..."
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "f%d" % struct.unpack("<q", struct.pack("<d", v))[0]
    if isinstance(v, str):
        return quote(v)
    raise TypeError(repr(v))


LINES = []


def col(line, offset):
    """Convert CPython's UTF-8 byte column to aio's code point column."""
    return len(LINES[line - 1][:offset].decode("utf-8", "replace"))


def emit(node, indent, out, in_fstring=False):
    pad = "  " * indent
    name = type(node).__name__
    pos = ""
    if hasattr(node, "lineno") and not (in_fstring and name in ("Constant", "FormattedValue", "JoinedStr")):
        pos = "@%d:%d-%d:%d" % (node.lineno, col(node.lineno, node.col_offset),
                                node.end_lineno, col(node.end_lineno, node.end_col_offset))
    out.append(pad + name + pos)
    child_fs = in_fstring or name == "JoinedStr"
    for f in node._fields:
        if f in SKIP_FIELDS:
            continue
        v = getattr(node, f)
        # Only the expression inside a field has real positions.
        fs = child_fs and not (name == "FormattedValue" and f == "value")
        if isinstance(v, ast.AST):
            out.append(pad + "  " + f + ":")
            emit(v, indent + 2, out, fs)
        elif isinstance(v, list):
            if not v:
                out.append(pad + "  " + f + ": []")
                continue
            out.append(pad + "  " + f + ":")
            for x in v:
                if isinstance(x, ast.AST):
                    emit(x, indent + 2, out, fs)
                else:
                    out.append(pad + "    " + scalar(x))
        else:
            out.append(pad + "  " + f + ": " + scalar(v))


def dump(tree):
    out = []
    emit(tree, 0, out)
    return "\n".join(out) + "\n"


def main():
    # Compile with the files' directory as the current one: CPython then
    # reads the offending line from the file, as it does when running a
    # script (this changes the column of an error on a line with a
    # byte-order mark).
    os.chdir(os.path.join(HERE, "errors"))
    for path in sorted(glob.glob(os.path.join(HERE, "errors", "*.aio"))):
        with open(path, "rb") as fp:
            src = fp.read()
        name = os.path.basename(path)
        stage = "compiler"
        try:
            ast.parse(src, name)
        except SyntaxError:
            stage = "parser"
        try:
            compile(src, name, "exec")
        except SyntaxError as e:
            lines = [
                "kind: " + type(e).__name__,
                "msg: " + e.msg,
                "line: %s" % e.lineno,
                "offset: %s" % e.offset,
                "end_line: %s" % e.end_lineno,
                "end_offset: %s" % e.end_offset,
                "stage: " + stage,
            ]
            with open(path[:-4] + ".err", "w") as fp:
                fp.write("\n".join(lines) + "\n")
            run = subprocess.run([sys.executable, name], cwd=os.path.dirname(path),
                                 capture_output=True, text=True)
            with open(path[:-4] + ".out", "w") as fp:
                # CPython prints the script's absolute path.
                fp.write(run.stderr.replace(os.path.dirname(path) + os.sep, ""))
        else:
            sys.exit("%s: CPython compiles it; it is not an error case" % path)
    for path in sorted(glob.glob(os.path.join(HERE, "valid", "*.aio"))):
        with open(path, "rb") as fp:
            src = fp.read()
        compile(src, path, "exec")
        LINES[:] = src.split(b"\n")
        with open(path[:-4] + ".ast", "w") as fp:
            fp.write(dump(ast.parse(src, path)))


if __name__ == "__main__":
    main()
