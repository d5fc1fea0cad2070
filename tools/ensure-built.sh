#!/usr/bin/env bash
# ensure-built.sh TARGET - bring the build of one target (web or arm64) up to
# date before a launcher runs it: ./duplex and arm64/run.sh call it, so that
# an edited program or kernel file is never run from a stale build.
#
# With nothing to do it costs one `make -q` (a few hundredths of a second)
# and prints nothing. Otherwise it prints one line on stderr and runs make
# quietly: make's own output appears only if the build fails, and then this
# script exits with status 1, so that the launcher runs nothing.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: ensure-built.sh web|arm64}

# A launcher started from a make recipe (make qemu) is not part of that
# make's job: its make must not look for the outer one's job server.
unset MAKEFLAGS MFLAGS MAKELEVEL

make -q --no-print-directory -C "$root" "$target" 2>/dev/null && exit 0

echo "duplex: building the $target target (make $target)..." >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! make -s --no-print-directory -C "$root" "$target" >"$log" 2>&1; then
  cat "$log" >&2
  echo "duplex: the build failed (make $target); nothing was run" >&2
  exit 1
fi
