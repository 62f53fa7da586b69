#!/usr/bin/env bash
# Records CPython's whole standard error for the programs whose stderr
# stderr_test.go compares in full (warnings, logs, collapsed tracebacks):
#
#   tests/regen_stderr.sh core/warn_filters.aio ...
#
# It writes NAME.stderr next to NAME.aio, with the program's directory
# removed from paths (CPython prints the script's absolute path) and
# object addresses replaced by 0x?.
set -euo pipefail
PY=${PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}
for prog in "$@"; do
  dir=$(cd "$(dirname "$prog")" && pwd)
  base=$(basename "$prog")
  (cd "$dir" && PYTHONHASHSEED=0 "$PY" "$base" </dev/null 2>&1 >/dev/null || true) |
    sed -e "s#$dir/##g" -e 's/0x[0-9a-f]*/0x?/g' >"${prog%.aio}.stderr"
done
