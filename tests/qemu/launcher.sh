#!/usr/bin/env bash
# tests/qemu/launcher.sh - the arm64 machine seen from the host: what
# transcripts cannot check because they run inside it.
#
#   - arm64/run.sh -c keeps the command's stdout and stderr apart, byte for
#     byte, passes standard input in (a ^A too: no escape key without a
#     terminal), and exits with the command's status;
#   - a command line of 60 KiB arrives whole; one over ARG_MAX is refused;
#   - poweroff switches the machine off, for root only;
#   - the kernel boots at EL2 as well as at EL1, and without semihosting
#     (output on the serial line, PSCI poweroff);
#   - the console under a flood of output: ^C gives the prompt within 200 ms;
#   - the interactive shell over a terminal takes a burst of typed input
#     (a pasted line) and answers; `exit N` leaves with N, but `make qemu`
#     succeeds; Ctrl-A x quits QEMU;
#   - run.sh builds what changed before it runs (on a copy of the tree).
#
# Prints one line per check, then "N passed, N failed"; exits 1 if any failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run=$root/arm64/run.sh
image=$root/build/arm64/Image
"$root/tools/ensure-built.sh" arm64 || exit 1

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

out=$(printf 'a\001x\n' | timeout 30 "$run" -c 'od -An -tx1')
check "-c: a ^A on standard input is a byte like any other" " 61 01 78 0a" "$out"

word=$(head -c 61440 /dev/zero | tr '\0' x)
out=$(timeout 30 "$run" -c "echo $word | wc -c" </dev/null)
check "-c: a 60 KiB command line arrives whole" 61441 "$out"

timeout 30 "$run" -c "echo ${word}${word}" </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
check "-c: a command line over ARG_MAX: status 2" 2 "$status"
check "-c: a command line over ARG_MAX: nothing runs" "" "$(cat "$tmp/out")"
check "-c: a command line over ARG_MAX: said so" \
  "duplex: the command line is 122885 bytes long; at most 65536 (ARG_MAX) fit" "$(cat "$tmp/err")"

# ---- poweroff --------------------------------------------------------------------

out=$(timeout 30 "$run" -c 'echo before; poweroff; echo after' </dev/null)
status=$?
check "poweroff: the machine stops at once" "before" "$out"
check "poweroff: status 0" 0 "$status"

out=$(timeout 30 "$run" -c 'runas 1000 poweroff; echo "status $?"' </dev/null 2>&1)
check "poweroff: only root may" "$(printf 'poweroff: Operation not permitted\nstatus 1')" "$out"

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

  # make qemu: leaving the shell is no error of make's, whatever the status.
  { sleep 2; printf 'false\r'; sleep 1; printf 'exit\r'; sleep 2; } |
    timeout 60 script -qefc "env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s --no-print-directory -C '$root' qemu" \
      /dev/null >"$tmp/tty" 2>&1
  status=$?
  check "terminal: make qemu, false, exit: make succeeds" 0 "$status"
  check "terminal: make qemu, false, exit: no make error" 0 "$(grep -c 'make.*Error' "$tmp/tty")"

  # shellcheck disable=SC2016  # (the shell in the machine expands it)
  { sleep 2; printf 'echo "$((6 * 7))"\r'; sleep 1; printf '\001x'; sleep 2; } |
    timeout 30 script -qefc "$run" /dev/null >"$tmp/tty" 2>&1
  status=$?
  check "terminal: Ctrl-A x quits QEMU" 0 "$status"
  check "terminal: Ctrl-A x quits QEMU: the shell ran before" 1 "$(tr -d '\r' <"$tmp/tty" | grep -c '^42$')"
  check "terminal: Ctrl-A x quits QEMU: QEMU says so" 1 "$(grep -c 'QEMU: Terminated' "$tmp/tty")"
  # A flood of output, then ^C: the prompt within 200 ms (tests/qemu/console.js).
  while read -r line; do
    case "$line" in
      ok*)   echo "$line"; passed=$((passed + 1)) ;;
      FAIL*) echo "$line"; failed=$((failed + 1)) ;;
    esac
  done < <(timeout 300 node "$root/tests/qemu/console.js" 2>&1 || echo "FAIL console: the flood checks did not finish")
else
  echo "FAIL terminal checks: no script(1) (util-linux)"
  failed=$((failed + 1))
fi

# ---- the build it runs ------------------------------------------------------------

# A copy of the tree and of the arm64 build, with their times: a change
# there is built first, with one line said, and the new build runs.
copy=$tmp/tree
mkdir "$copy"
tar -C "$root" -cf - --exclude=./.git --exclude=./node_modules --exclude=./build/wasm32 \
  --exclude=./build/web --exclude=./build/host --exclude=./build/unit --exclude=./build/cov . |
  tar -C "$copy" -xf -
echo fresh >"$copy/etc/launcher-note"
timeout 120 "$copy/arm64/run.sh" -c 'cat /etc/launcher-note' </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
check "build: a changed source is built first" "fresh" "$(cat "$tmp/out")"
check "build: and said in one line" "duplex: building the arm64 target (make arm64)..." "$(cat "$tmp/err")"
check "build: status" 0 "$status"
timeout 30 "$copy/arm64/run.sh" -c 'true' </dev/null >"$tmp/out" 2>"$tmp/err"
check "build: nothing to build: nothing said" "" "$(cat "$tmp/err")"
echo 'int main(void) { return }' >"$copy/shell/bin/true.c"
timeout 120 "$copy/arm64/run.sh" -c 'echo ran' </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
check "build: a failed build: status 1" 1 "$status"
check "build: a failed build: nothing runs" "" "$(cat "$tmp/out")"
check "build: a failed build: the compiler's message" 1 "$(grep -c 'true.c:1:.*error' "$tmp/err")"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
