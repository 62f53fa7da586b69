#!/usr/bin/env bash
# Regenerates the CPython expectations of the conformance programs.
#
#   tests/regen.sh                  every tests/*/*.aio and tests/imports/*/main.aio
#   tests/regen.sh a.aio b.aio      just these programs
#   tests/regen.sh --check [FILES]  also run each program a second time and
#                                   report any whose output differs (a
#                                   nondeterministic program is useless as a
#                                   test, so fix it rather than its files)
#
# For NAME.aio it writes, next to it:
#   NAME.out   CPython's standard output, byte for byte
#   NAME.err   the last non-blank line of standard error, or an empty file
#   NAME.code  the exit status
#
# CPython runs with the program's directory as working directory and the
# program's base name as argument, so tracebacks say File "NAME.aio";
# a multi-file program of tests/imports (NAME/main.aio beside its modules)
# has the absolute path of its directory written as {dir} in its
# expectations, since CPython reports module paths in some messages;
# with PYTHONHASHSEED=0 so that anything hash-ordered is reproducible;
# with stdin from /dev/null; and under a timeout, since a hang is a bug in
# the program. PYTHON overrides the interpreter; it must be CPython 3.11.
set -euo pipefail

PY=${PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}
TIMEOUT=${TIMEOUT:-60}
here=$(cd "$(dirname "$0")" && pwd)

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi

version=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if [ "$version" != "3.11" ]; then
  echo "regen.sh: $PY is Python $version, expectations must come from 3.11" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  progs=("$@")
else
  shopt -s nullglob
  progs=("$here"/*/*.aio "$here"/imports/*/main.aio "$here"/../examples/*.aio)
fi

# run PROGRAM OUT ERR CODE: run one program under CPython, writing its
# stdout to OUT, the last non-blank stderr line to ERR and the status to CODE.
run() {
  local prog=$1 out=$2 err=$3 code=$4 dir base status rawerr
  dir=$(cd "$(dirname "$prog")" && pwd)
  base=$(basename "$prog")
  rawerr=$(mktemp)
  status=0
  local rundir=$dir runprog=$base scratch=""
  # Programs of tests/io work on files: each runs in a fresh temporary
  # directory holding a copy of tests/io/data, as conformance_test.go does.
  if [ "$(basename "$dir")" = io ]; then
    scratch=$(mktemp -d)
    if [ -d "$dir/data" ]; then cp -R "$dir/data/." "$scratch/"; fi
    rundir=$scratch
    runprog=$dir/$base
  fi
  (cd "$rundir" && PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 timeout "$TIMEOUT" "$PY" "$runprog" \
    </dev/null >"$out" 2>"$rawerr") || status=$?
  if [ "$status" -eq 124 ]; then
    echo "regen.sh: $prog timed out after ${TIMEOUT}s" >&2
  fi
  awk 'NF { last = $0 } END { if (last != "") print last }' "$rawerr" >"$err"
  if [ "$(basename "$(dirname "$dir")")" = imports ]; then
    DIR="$dir" perl -pi -e 's/\Q$ENV{DIR}\E/{dir}/g' "$out" "$err"
  fi
  echo "$status" >"$code"
  rm -f "$rawerr"
  if [ -n "$scratch" ]; then rm -rf "$scratch"; fi
}

failed=0
for prog in "${progs[@]}"; do
  if [ ! -f "$prog" ] || [ "${prog%.aio}" = "$prog" ]; then
    echo "regen.sh: $prog is not an .aio file" >&2
    failed=1
    continue
  fi
  # Absolute, because run() changes into the program's directory.
  stem=$(cd "$(dirname "$prog")" && pwd)/$(basename "$prog" .aio)
  run "$prog" "$stem.out" "$stem.err" "$stem.code"
  if [ ! -s "$stem.out" ] && [ "$(cat "$stem.code")" = 0 ]; then
    echo "regen.sh: $prog prints nothing and exits 0; it tests nothing" >&2
    failed=1
  fi
  # Not an error (a program may write to sys.stderr on purpose), but the
  # usual cause is a compile-time SyntaxWarning, which aio does not emit.
  if [ -s "$stem.err" ] && [ "$(cat "$stem.code")" = 0 ]; then
    echo "regen.sh: note: $prog exits 0 but wrote to stderr: $(cat "$stem.err")" >&2
  fi
  if [ "$check" = 1 ]; then
    tmp=$(mktemp -d)
    run "$prog" "$tmp/out" "$tmp/err" "$tmp/code"
    for ext in out err code; do
      if ! cmp -s "$stem.$ext" "$tmp/$ext"; then
        echo "regen.sh: $prog: .$ext differs between two runs (nondeterministic)" >&2
        failed=1
      fi
    done
    rm -rf "$tmp"
  fi
done
exit "$failed"
