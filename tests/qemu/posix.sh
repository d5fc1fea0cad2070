#!/usr/bin/env bash
# tests/qemu/posix.sh - the POSIX conformance suite (tests/posix/) on the
# arm64 build, under QEMU: every case file run by run.sh, one after the
# other in one machine, compared case by case with the reference's output
# by tests/posix/check.js, which reports the known failures
# (tests/posix/xfail) as XFAIL with their count.
#
#   tests/qemu/posix.sh            every case file
#   tests/qemu/posix.sh NAME ...   only these (NAME or NAME.sh)
#
# The machine gets TIMEOUT seconds (default 1200); a case that hangs is
# ended inside it after CASE_TIMEOUT seconds (run.sh), and a machine that
# stops early leaves its remaining cases reported as not run. Exits 1 if a
# case fails that is not a known failure, or a known failure passes. (This
# once took a machine per file: one machine running every file took longer
# than 24 boots, its cases slowing down as it went, because every exec
# copied the program's code into new pages and QEMU translated it again
# each time. Programs' text is shared and kept now (arm64/text.c), and one
# machine takes about 21 s where a machine per file took 54.)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${TIMEOUT:-1200}

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
# Each file by a run.sh of its own, which removes its cases' directories
# at its end.
timeout "$limit" "$root/arm64/run.sh" -c \
    "cd /tests/posix && for f in ${files[*]}; do sh run.sh \$f; done 2>&1" \
    </dev/null >"$out" 2>/dev/null
[ $? -eq 124 ] && echo "posix: the machine timed out after ${limit}s"
node "$root/tests/posix/check.js" --files "${files[*]}" "$out"
