#!/usr/bin/env bash
# tests/qemu/launcher.sh - the arm64 machine seen from the host: what
# transcripts cannot check because they run inside it.
#
#   - arm64/run.sh -c keeps the command's stdout and stderr apart, byte for
#     byte, passes standard input in, and exits with the command's status;
#   - the kernel boots at EL2 as well as at EL1, and without semihosting
#     (output on the serial line, PSCI poweroff);
#   - the interactive shell over a terminal takes a burst of typed input
#     (a pasted line) and answers.
#
# Prints one line per check, then "N passed, N failed"; exits 1 if any failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run=$root/arm64/run.sh
image=$root/build/arm64/Image
[ -f "$image" ] || make -s -C "$root" arm64 || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {            # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
    passed=$((passed + 1))
  else
    echo "FAIL $1"
    echo "     expected: $(printf '%s' "$2" | od -c | head -3)"
    echo "     got:      $(printf '%s' "$3" | od -c | head -3)"
    failed=$((failed + 1))
  fi
}

qemu() {             # qemu MACHINE-OPTIONS... -- COMMAND LINE FOR init -c
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  timeout 30 qemu-system-aarch64 -cpu cortex-a72 -m 256M -nic none -serial stdio \
    -monitor none -display none -kernel "$image" "${opts[@]}" -append "init -c $*" </dev/null
}

# ---- run.sh -c --------------------------------------------------------------

timeout 30 "$run" -c 'echo out; echo err >&2; echo out2; exit 3' </dev/null \
  >"$tmp/out" 2>"$tmp/err"
status=$?
check "-c: exit status" 3 "$status"
check "-c: stdout alone" "$(printf 'out\nout2')" "$(cat "$tmp/out")"
check "-c: stderr alone" "err" "$(cat "$tmp/err")"

timeout 30 "$run" -c 'printf "\001\377\r\n\t x"' </dev/null >"$tmp/out"
check "-c: bytes unchanged" "$(printf '\001\377\r\n\t x' | od -An -tx1)" "$(od -An -tx1 <"$tmp/out")"

out=$(printf 'one\ntwo\n' | timeout 30 "$run" -c 'cat; echo end')
check "-c: standard input, then end of file" "$(printf 'one\ntwo\nend')" "$out"

out=$(timeout 30 "$run" -c 'uname -m' </dev/null)
check "-c: uname -m" aarch64 "$out"

# ---- boot variants ------------------------------------------------------------

out=$(qemu -machine virt,virtualization=on -semihosting -- 'echo at EL2; exit 5')
status=$?
check "boot at EL2" "at EL2" "$out"
check "boot at EL2: exit status" 5 "$status"

out=$(qemu -machine virt -- 'echo no semihosting; exit 5' | tr -d '\r')
status=${PIPESTATUS[0]}
check "no semihosting: output on the serial line" "no semihosting" "$out"
check "no semihosting: PSCI poweroff" 0 "$status"

# ---- the terminal ----------------------------------------------------------------

if command -v script >/dev/null; then
  line='echo one two three four five six seven eight nine ten eleven twelve'
  { sleep 2; printf '%s\r' "$line"; sleep 2; printf 'exit 4\r'; sleep 2; } |
    timeout 30 script -qefc "$run" /dev/null >"$tmp/tty" 2>&1
  status=$?
  got=$(tr -d '\r' <"$tmp/tty" | grep -c '^one two three four five six seven eight nine ten eleven twelve$')
  check "terminal: a pasted line is answered" 1 "$got"
  check "terminal: exit status" 4 "$status"
else
  echo "skip terminal checks: no script(1)"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
