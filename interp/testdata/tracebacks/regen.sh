#!/usr/bin/env bash
# Records CPython 3.11's standard error for each NAME.aio here as
# NAME.stderr, with this directory's path removed so that frames read
# File "NAME.aio" as under aio. Run from anywhere; PYTHON overrides the
# interpreter.
set -euo pipefail
PY=${PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}
cd "$(dirname "$0")"
here=$(pwd)
for f in *.aio; do
  "$PY" "$f" 2>&1 >/dev/null | sed "s#$here/##g" >"${f%.aio}.stderr" || true
done
