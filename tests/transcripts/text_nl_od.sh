# nl (-b a/t/n, -n ln/rn/rz, -w -s -v -i) and od (-c -x -o -b -d -s, -t,
# -A, -j, -N, -v and the "*" for repeated lines).
rm -rf /tmp/text_nl.d
mkdir /tmp/text_nl.d
cd /tmp/text_nl.d
printf 'one\n\ntwo\nthree\n' > lines
echo "--- nl: non-empty lines by default; -b a numbers all, -b n none"
nl lines
nl -b a lines
nl -b n lines
echo "--- nl: formats, width, separator, start and increment"
nl -n ln lines
nl -n rz -w 3 lines
nl -s ': ' -v 10 -i 5 lines
echo "--- nl: several files are one text; standard input"
nl lines lines
printf 'x\ny' | nl
echo "--- nl -l: with -b a, only the 2nd of two adjacent empty lines is numbered, across files"
printf '\nbang\n\n' > tail
printf 'one\n\n\ntwo\n\n\n\nthree\n\n' | nl -b a -l 2 -w 2 - tail
echo "--- nl: errors"
nl nope lines
echo "status $?"
nl -b x lines
echo "status $?"
echo "--- od: octal 2-byte words by default"
printf 'abc\n' | od
printf 'abc' | od
echo "--- od -c"
printf 'hello, world\n' | od -c
printf '\000\001\a\b\t\n\v\f\r\033 ~\177\200\377' | od -c
echo "--- od -x -o -b -d -s"
printf 'abcdefghijklmnopq' | od -x
printf 'ABC' | od -o
printf 'ABC' | od -b
printf '\001\000\377\377' | od -d
printf '\001\000\377\377' | od -s
echo "--- od: several types are aligned"
printf 'abc\n' | od -c -x
printf 'ab' | od -b -c -d -o -x
echo "--- od -t"
printf '\001\002\003\004\005\006\007\010' | od -t x1
printf '\001\002\003\004\005\006\007\010' | od -t x4
printf '\001\002\003\004\005\006\007\010' | od -t d8
printf '\377\376' | od -t d1 -t u1
printf 'hi' | od -t o1c
echo "--- od -A (offset radix), -j (skip), -N (count)"
printf 'abcdefghijklmnopqrstuvwxyz' | od -A x -c
printf 'abcdefghijklmnopqrstuvwxyz' | od -A d -c
printf 'abcdefghijklmnopqrstuvwxyz' | od -A n -c
printf 'abcdefghijklmnopqrstuvwxyz' | od -j 20 -c
printf 'abcdefghijklmnopqrstuvwxyz' | od -N 3 -c
printf 'abcdefghijklmnopqrstuvwxyz' | od -j 2 -N 3 -c
echo "--- od: repeated lines become a star, unless -v"
dd if=/dev/zero bs=64 count=1 2>/dev/null | od
dd if=/dev/zero bs=64 count=1 2>/dev/null | od -v
dd if=/dev/zero bs=4096 count=2560 2>/dev/null | od -x
echo "--- od: several files are one stream; errors"
od -c lines lines
od -c nope lines
echo "status $?"
printf 'abc' | od -j 5 -c
echo "status $?"
od -t q lines
echo "status $?"
cd /tmp
rm -r /tmp/text_nl.d
