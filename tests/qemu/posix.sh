#!/usr/bin/env bash
# tests/qemu/posix.sh - the POSIX conformance suite (tests/posix/) on the
# arm64 build, under QEMU: each case file run by run.sh in a machine of its
# own, compared case by case with the reference's output by
# tests/posix/check.js, which reports the known failures (tests/posix/xfail)
# as XFAIL with their count.
#
#   tests/qemu/posix.sh            every case file
#   tests/qemu/posix.sh NAME ...   only these (NAME or NAME.sh)
#
# Each file gets TIMEOUT seconds (default 300). Exits 1 if a case fails
# that is not a known failure, or a known failure passes. (A machine per
# file rather than one for the whole suite: a boot costs two seconds, but
# one machine running every file took longer still, its cases slowing down
# as it went.)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${TIMEOUT:-300}

"$root/tools/ensure-built.sh" arm64 || exit 1

files=()
if [ $# -gt 0 ]; then
  for f; do files+=("${f%.sh}.sh"); done
else
  while read -r f; do files+=("$f"); done < <(cd "$root/tests/posix" &&
    node -e 'import("./check.js").then((m) => console.log(m.caseFiles().join("\n")))')
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in "${files[@]}"; do
  timeout "$limit" "$root/arm64/run.sh" -c "cd /tests/posix && sh run.sh $f 2>&1" \
      </dev/null >>"$out" 2>/dev/null
  [ $? -eq 124 ] && echo "posix: $f timed out after ${limit}s"
done
node "$root/tests/posix/check.js" --files "${files[*]}" "$out"
