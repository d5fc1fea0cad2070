#!/usr/bin/env bash
# tests/qemu/run.sh - the transcripts on the arm64 build, under QEMU: each
# NAME.sh, run as `cd DIR && sh NAME.sh 2>&1`, must print exactly NAME.out.
#
#   tests/transcripts/       both targets' transcripts (/tests in the machine;
#                            the web build runs them in tests/node/)
#   tests/qemu/transcripts/  arm64's own: what only the board shows, like a
#                            write through a null pointer (/tests/arm64 in the machine)
#
#   tests/qemu/run.sh             every transcript
#   tests/qemu/run.sh NAME ...    only these (NAME or NAME.sh, from either set)
#   VERBOSE=1 tests/qemu/run.sh   show what differs when one fails
#
# Each transcript boots a fresh machine (arm64/run.sh -c) with a time limit
# of TIMEOUT seconds (default 60). Prints a line per transcript, then
# "N passed, N failed"; exits 1 if any failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${TIMEOUT:-60}

"$root/tools/ensure-built.sh" arm64 || exit 1

# "host-dir machine-dir name" for each transcript to run.
list() {
  local t
  for t in "$root"/tests/transcripts/*.sh; do
    echo "$root/tests/transcripts /tests $(basename "${t%.sh}")"
  done
  for t in "$root"/tests/qemu/transcripts/*.sh; do
    echo "$root/tests/qemu/transcripts /tests/arm64 $(basename "${t%.sh}")"
  done
}

selected() {
  [ $# -eq 0 ] && return 0
  local want
  for want in "$@"; do [ "${want%.sh}" = "$name" ] && return 0; done
  return 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
while read -r hostdir dir name; do
  selected "$@" || continue
  if [ ! -f "$hostdir/$name.out" ]; then
    echo "FAIL $name (no $name.out)"
    failed=$((failed + 1))
    continue
  fi
  timeout "$limit" "$root/arm64/run.sh" -c "cd $dir && sh $name.sh 2>&1" \
      </dev/null >"$tmp/out" 2>"$tmp/err"
  status=$?
  if cmp -s "$hostdir/$name.out" "$tmp/out"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    why="output differs"
    [ $status -eq 124 ] && why="timed out after ${limit}s"
    echo "FAIL $name ($why)"
    if [ -n "${VERBOSE:-}" ]; then
      diff -u "$hostdir/$name.out" "$tmp/out" | head -40
      head -20 "$tmp/err"
    fi
    failed=$((failed + 1))
  fi
done < <(list)
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
