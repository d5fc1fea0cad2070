#!/usr/bin/env bash
# arm64/run.sh - Duplex's arm64 build on QEMU's virt board, in this terminal:
# the launcher behind `./duplex --target arm64` and `make qemu`.
#
#   arm64/run.sh                 the shell; `exit` or `poweroff` leaves QEMU
#   arm64/run.sh -c 'LINE'       boot, run LINE with sh -c, print its stdout on
#                                stdout and its stderr on stderr, exit with its status
#   arm64/run.sh --gdb           the shell, but QEMU waits for gdb on port 1234
#
# QEMU_FLAGS adds options to QEMU's command line, e.g. QEMU_FLAGS='-d int
# -D qemu.log' logs every exception the CPU takes.
#
# The kernel gets init's command line through QEMU's -append (the device
# tree's /chosen/bootargs, see arm64/main.c). The serial port is the console,
# on QEMU's stdin and stdout. With -c, the console's output is dropped by the
# kernel, and the command's stdout and stderr reach QEMU's own stdout and
# stderr through semihosting; QEMU exits with the status given to poweroff.
# Standard input reaches the console; at its end the shell's readers see ^D.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
image=$root/build/arm64/Image

usage() {
  echo "usage: run.sh [-c 'COMMAND LINE' | --gdb]" >&2
  exit 2
}

# Build what is missing, quietly, the first time.
[ -f "$image" ] || make -s -C "$root" arm64 >&2

qemu=(qemu-system-aarch64 -machine virt -cpu cortex-a72 -m 256M -nic none
      -monitor none -display none -semihosting -kernel "$image")
# shellcheck disable=SC2206
[ -n "${QEMU_FLAGS:-}" ] && qemu+=(${QEMU_FLAGS})

# A terminal on stdin: QEMU puts it in raw mode itself; signal=off lets ^C
# and ^Z reach Duplex's tty instead of stopping QEMU.
if [ -t 0 ]; then
  console=(-chardev stdio,id=console,signal=off -serial chardev:console)
else
  console=(-serial stdio)
fi

ttysize() {
  if [ -t 1 ] && size=$(stty size 2>/dev/null) && [ -n "$size" ]; then
    echo "tty=${size% *}x${size#* } "
  fi
}

case "${1:-}" in
  "")
    [ $# -eq 0 ] || usage
    exec "${qemu[@]}" "${console[@]}" -append "$(ttysize)init --once"
    ;;
  --gdb)
    [ $# -eq 1 ] || usage
    echo "QEMU waits for gdb on localhost:1234: gdb-multiarch -x arm64/gdbinit" >&2
    exec "${qemu[@]}" "${console[@]}" -s -S -append "$(ttysize)init --once"
    ;;
  -c)
    [ $# -eq 2 ] || usage
    if [ -t 0 ]; then
      exec "${qemu[@]}" "${console[@]}" -append "init -c $2"
    fi
    # (The feeder keeps none of our output streams open: a caller that
    # reads them sees their end when QEMU exits.)
    exec "${qemu[@]}" "${console[@]}" -append "init -c $2" \
      < <(exec 2>/dev/null; cat; printf '\004')
    ;;
  *)
    usage
    ;;
esac
