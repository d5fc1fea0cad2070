#!/bin/sh
# tools/transcripts-host.sh - run the shell transcripts (tests/transcripts/
# sh_*.sh) with Duplex's shell built for the host (build/host/sh, `make
# sh-host`), before Duplex itself can run them.
#
# Each script runs from tests/transcripts as `sh NAME.sh 2>&1`, and its
# output must equal NAME.out. The host's utilities stand in for Duplex's,
# and a directory put first in PATH makes `sh` inside a transcript mean
# the shell under test. Usage: tools/transcripts-host.sh [NAME...]
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
shell="$root/build/host/sh"
if [ ! -x "$shell" ]; then
    echo "transcripts-host: $shell is missing: run 'make sh-host' first" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/bin"
ln -s "$shell" "$work/bin/sh"
PATH="$work/bin:$PATH"
export PATH
# leaks are reported into the output, and so fail the diff; a shell
# killed by SIGSEGV on purpose must die of it, not be caught
ASAN_OPTIONS="detect_leaks=1:handle_segv=0:handle_sigbus=0:handle_sigfpe=0"
export ASAN_OPTIONS

cd "$root/tests/transcripts" || exit 2
if [ $# -gt 0 ]; then
    names="$*"
else
    names=$(ls sh_*.sh)
fi

passed=0
failed=0
for script in $names; do
    script=${script%.sh}.sh
    expected=${script%.sh}.out
    if [ ! -f "$expected" ]; then
        echo "FAIL $script: no $expected"
        failed=$((failed + 1))
        continue
    fi
    ../../build/host/sh "$script" > "$work/out" 2>&1
    if diff -u "$expected" "$work/out" > "$work/diff"; then
        echo "ok   $script"
        passed=$((passed + 1))
    else
        echo "FAIL $script"
        sed 's/^/    /' "$work/diff"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
