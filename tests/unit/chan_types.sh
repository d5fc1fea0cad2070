#!/bin/sh
# chan_types.sh - typed channels must be typed. A program that uses
# CHAN_DECLARE's calls as meant compiles; one that sends or receives a
# value of the wrong type, or hands one channel type's call another
# channel, must not. The header makes these errors by itself: the cases
# are compiled without -Werror.
#
#   sh tests/unit/chan_types.sh [CC]      from the top of the tree
#
# Prints one line per case and "chan_types: N cases as expected" when all
# went as they should; exits 1 otherwise. tests/node/chan_types.test.js
# runs it as part of the Node suite (make test-node).
CC=${1:-clang-19}
FLAGS="--target=wasm32 -std=c11 -ffreestanding -nostdlibinc -Ishell/lib/include -fsyntax-only"
tmp=${TMPDIR:-/tmp}/chan_types.$$.c
trap 'rm -f "$tmp"' EXIT INT TERM

PRELUDE='#include <duplex/chan.h>
CHAN_DECLARE(intchan, int)
CHAN_DECLARE(dblchan, double)
struct point { int x, y; };
CHAN_DECLARE(pointchan, struct point)
int f(intchan c, dblchan d, pointchan p)
{
    int i = 1; double x = 2; long l = 3; struct point pt = { 4, 5 };
    (void)i; (void)x; (void)l; (void)pt; (void)c; (void)d; (void)p;
'

n=0
fail=0
# case NAME EXPECT(ok|error) BODY
case_() {
    n=$((n + 1))
    printf '%s%s\n    return 0;\n}\n' "$PRELUDE" "$3" > "$tmp"
    if $CC $FLAGS "$tmp" 2>/dev/null; then got=ok; else got=error; fi
    if [ "$got" = "$2" ]; then
        echo "ok   $1"
    else
        echo "FAIL $1: expected $2, got $got"
        $CC $FLAGS "$tmp" 2>&1 | sed 's/^/     /'
        fail=1
    fi
}

case_ "the right types compile" ok '
    intchan_send(c, &i); intchan_recv(c, &i); intchan_trysend(c, &i);
    intchan_tryrecv(c, &i); intchan_recv_timeout(c, &i, 10);
    dblchan_send(d, &x); pointchan_send(p, &pt); pointchan_recv(p, &pt);
    intchan c2 = intchan_of(c.rx, -1); intchan_create(&c2, 4, 0);'
case_ "sending a double on an int channel" error '    intchan_send(c, &x);'
case_ "sending a long on an int channel" error '    intchan_send(c, &l);'
case_ "receiving into a double from an int channel" error '    intchan_recv(c, &x);'
case_ "sending a struct on an int channel" error '    intchan_send(c, &pt);'
case_ "sending a value, not a pointer" error '    intchan_send(c, i);'
case_ "an int channel given to a double call" error '    dblchan_send(c, &x);'
case_ "a point channel given to an int call" error '    intchan_recv(p, &i);'
case_ "a raw descriptor given to a typed call" error '    intchan_send(3, &i);'

if [ $fail -ne 0 ]; then
    echo "chan_types: some cases went wrong"
    exit 1
fi
echo "chan_types: $n cases as expected"
