#!/usr/bin/env bash
# arm64/run.sh - Duplex's arm64 build on QEMU's virt board, in this terminal:
# the launcher behind `./duplex --target arm64` and `make qemu`.
#
#   arm64/run.sh                 the shell; `exit [N]` or `poweroff` leaves QEMU,
#                                and run.sh exits with N (poweroff: 0)
#   arm64/run.sh -c 'LINE'       boot, run LINE with sh -c, print its stdout on
#                                stdout and its stderr on stderr, exit with its status
#   arm64/run.sh --gdb           the shell, but QEMU waits for gdb on port 1234
#
# Exit status: the shell's or LINE's; 70 after a kernel panic; 2 for a bad
# command line (LINE longer than ARG_MAX, 65536 bytes: the machine's limit
# for a program's arguments); 1 if the build failed.
#
# First the build is brought up to date (`make arm64`, through
# tools/ensure-built.sh): silent when there is nothing to do, one line on
# stderr when there is.
#
# With a terminal on stdin, QEMU's escape key is Ctrl-A, as with -nographic:
# Ctrl-A x quits QEMU, Ctrl-A c switches between the console and QEMU's
# monitor (`info registers`), Ctrl-A Ctrl-A types a Ctrl-A. Without a
# terminal there is no escape and no monitor: every byte of input reaches
# the console unchanged.
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
arg_max=65536                       # ARG_MAX, kernel/uapi/limits.h

usage() {
  echo "usage: run.sh [-c 'COMMAND LINE' | --gdb]" >&2
  exit 2
}

case "${1:-}" in
  "")    [ $# -eq 0 ] || usage ;;
  --gdb) [ $# -eq 1 ] || usage ;;
  -c)    [ $# -eq 2 ] || usage
         bytes=$(LC_ALL=C; echo "${#2}")
         if [ "$bytes" -gt $arg_max ]; then
           echo "duplex: the command line is $bytes bytes long; at most $arg_max (ARG_MAX) fit" >&2
           exit 2
         fi ;;
  *)     usage ;;
esac

"$root/tools/ensure-built.sh" arm64 || exit 1

qemu=(qemu-system-aarch64 -machine virt -cpu cortex-a72 -m 256M -nic none
      -monitor none -display none -semihosting -kernel "$image")
# shellcheck disable=SC2206
[ -n "${QEMU_FLAGS:-}" ] && qemu+=(${QEMU_FLAGS})

# A terminal on stdin: QEMU puts it in raw mode itself; signal=off lets ^C
# and ^Z reach Duplex's tty instead of stopping QEMU; mux=on, with the
# monitor as the chardev's second user, gives the Ctrl-A keys.
if [ -t 0 ]; then
  # shellcheck disable=SC2054  # (QEMU's options are comma-separated)
  console=(-chardev stdio,id=console,signal=off,mux=on -serial chardev:console
           -mon chardev=console)
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
    exec "${qemu[@]}" "${console[@]}" -append "$(ttysize)init --once"
    ;;
  --gdb)
    echo "QEMU waits for gdb on localhost:1234: gdb-multiarch -x arm64/gdbinit" >&2
    exec "${qemu[@]}" "${console[@]}" -s -S -append "$(ttysize)init --once"
    ;;
  -c)
    if [ -t 0 ]; then
      exec "${qemu[@]}" "${console[@]}" -append "init -c $2"
    fi
    # (The feeder keeps none of our output streams open: a caller that
    # reads them sees their end when QEMU exits.)
    exec "${qemu[@]}" "${console[@]}" -append "init -c $2" \
      < <(exec 2>/dev/null; cat; printf '\004')
    ;;
esac
