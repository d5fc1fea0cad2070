# wc (-l -w -c -m -L, totals, column widths, standard input) and cksum
# (the POSIX CRC, exactly as GNU cksum prints it).
rm -rf /tmp/text_wc.d
mkdir /tmp/text_wc.d
cd /tmp/text_wc.d
printf 'one two\nthree\n' > a
printf 'x y z\n' > b
printf '' > empty
printf 'no newline at end' > c
echo "--- wc: lines, words, bytes"
wc a
wc -l a
wc -w a
wc -c a
wc -lc a
wc -m a
echo "--- wc: several files and a total"
wc a b c
wc -l a b empty
echo "--- wc: standard input (a pipe: wide columns; one count: no padding)"
printf 'one two\nthree\n' | wc
printf 'one two\nthree\n' | wc -l
wc < a
cat a | wc a -
echo "--- wc: words are runs of printable non-blank bytes"
printf '  leading\tand\ttabs  \n\n\vx\r\n' | wc -w
printf 'a\000b c\001 d\n' | wc -w
echo "--- wc -L: the longest line, tabs to multiples of 8"
printf 'ab\tc\nlongest line\nx\n' | wc -L
echo "--- wc -m: UTF-8 characters; a byte in no valid sequence counts as none"
printf 'h\303\251llo \342\202\254 \360\237\231\202\n' | wc -m
printf 'h\303\251llo \342\202\254 \360\237\231\202\n' | wc -mc
printf '\377a\n' | wc -m
printf '\342\202a\303' | wc -m
printf '\300\200\355\240\200\342\303\251' | wc -m
printf '\303' > u1; printf '\251\n' > u2; cat u1 u2 | wc -m
printf '\303\251t\303\251' > u3; yes "$(cat u3)" | head -n 20000 | wc -m
echo "--- wc: large input"
yes 'hello world' | head -n 100000 | wc
dd if=/dev/zero bs=4096 count=2560 2>/dev/null | wc
echo "--- wc: only what is asked for is counted (-l eight bytes a turn)"
seq 1 100000 | wc -l
seq 1 100000 | wc -c
seq 1 100000 | wc -lc
seq 1 100000 | wc -lw
dd if=/dev/zero bs=1000 count=3000 2>/dev/null | wc -c
printf '1234567\n12345678\n123456789\nno end' | wc -l
printf '\212\n\n\212x\n\0\n\377\n\012\n\213' | wc -l
printf '\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n' | wc -l
echo "--- wc: errors"
wc a nope b
echo "status $?"
wc -x a
echo "status $?"
echo "--- cksum"
cksum a
cksum a b c empty
cksum < a
printf '' | cksum
printf 'x' | cksum
printf '123456789' | cksum
echo "--- cksum: 10 MiB of zeros and other large inputs"
dd if=/dev/zero bs=4096 count=2560 2>/dev/null | cksum
seq 1 200000 | cksum
yes 0123456789abcdef | head -c 1000003 | cksum
echo "--- cksum: errors"
cksum a nope b
echo "status $?"
cd /tmp
rm -r /tmp/text_wc.d
