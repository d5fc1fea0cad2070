# yes, true, false, basename, dirname and clear. The shell has true and
# false built in: "env true" runs the programs.
echo "--- yes"
yes | head -n 3
yes a b | head -n 2
yes | head -n 50000 | grep -c '^y$'
yes 0123456789 | head -c 110000 | grep -v -c '^0123456789$'
yes | head -n 1
echo "status $?"
echo "--- true and false"
env true
echo "status $?"
env false
echo "status $?"
env true --help ignored
echo "status $?"
echo "--- basename"
basename /usr/lib/libc.a
basename /usr/lib/
basename lib.c .c
basename .c .c
basename /a/b.c/ .c
basename /
basename //
basename ''
basename -a a/b c/d
basename -s .c x.c y/z.c w.h
basename
echo "status $?"
basename a b c
echo "status $?"
echo "--- dirname"
dirname /usr/lib/libc.a
dirname /usr/lib/
dirname lib
dirname /lib
dirname /
dirname //x
dirname a//b//
dirname ''
dirname a/b c/d/e
dirname
echo "status $?"
echo "--- clear: the ANSI sequence, ESC shown as E"
clear | tr '\033' E
echo
clear | wc -c
