#!/usr/bin/env bash
# tests/posix/host.sh - the conformance cases run by the reference: the
# host's dash as sh, with the host's (GNU) utilities, in the C locale. Each
# file's output must equal its NAME.out byte for byte. `make host-bin-check`
# runs this; --update rewrites the .out files from the reference (read the
# difference before committing it: the reference is checked, not trusted
# blindly).
#
#   tests/posix/host.sh [--update] [NAME ...]
set -uo pipefail
cd "$(dirname "$0")"
update=
[ "${1:-}" = --update ] && { update=1; shift; }

dash=$(command -v dash) || { echo "posix: dash is not installed (tools/deps.sh)"; exit 1; }
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$dash" "$bin/sh"

files=()
if [ $# -gt 0 ]; then
  for f; do files+=("${f%.sh}.sh"); done
else
  for f in *.sh; do [ "$f" = run.sh ] || [ "$f" = host.sh ] || files+=("$f"); done
fi

fail=0
for f in "${files[@]}"; do
  LC_ALL=C TZ=UTC PATH="$bin:$PATH" TMPDIR="$bin" "$dash" run.sh "$f" >"$bin/out"
  if [ -n "$update" ]; then
    cp "$bin/out" "${f%.sh}.out"
    echo "wrote ${f%.sh}.out"
  elif cmp -s "$bin/out" "${f%.sh}.out"; then
    echo "ok   posix/$f"
  else
    echo "FAIL posix/$f (the reference differs from ${f%.sh}.out):"
    diff -u "${f%.sh}.out" "$bin/out" | head -40
    fail=1
  fi
done
exit $fail
