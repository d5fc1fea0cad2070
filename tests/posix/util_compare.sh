# XCU utilities that compare and dump files: diff, cmp, comm's cousin
# od. Only diff's formats that POSIX fixes are compared (the default, -c's
# body and -u's body; the header lines carry file times).
#@ diff-same  diff: identical files: no output, status 0
echo a > 1; cp 1 2; diff 1 2; echo $?
#@ diff-default  diff: the default format, status 1
printf 'a\nb\nc\n' > 1; printf 'a\nB\nc\nd\n' > 2; diff 1 2; echo $?
#@ diff-delete  diff: deleted lines
printf 'a\nb\nc\n' > 1; printf 'a\nc\n' > 2; diff 1 2
#@ diff-add  diff: added lines at the start
printf 'b\n' > 1; printf 'a\nb\n' > 2; diff 1 2
#@ diff-u  diff: -u unified format (without the header lines)
printf 'a\nb\nc\n' > 1; printf 'a\nx\nc\n' > 2; diff -u 1 2 | tail -n +3
#@ diff-c  diff: -c context format (without the header lines)
printf 'a\nb\nc\n' > 1; printf 'a\nx\nc\n' > 2; diff -c 1 2 | tail -n +4
#@ diff-b  diff: -b ignores changes in the amount of white space
printf 'a  b\n' > 1; printf 'a b\n' > 2; diff -b 1 2; echo $?
#@ diff-e  diff: -e writes an ed script
printf 'a\nb\nc\n' > 1; printf 'a\nx\nc\n' > 2; diff -e 1 2
#@ diff-missing  diff: a missing file is an error, status above 1
echo a > 1; diff 1 nonexistent 2>/dev/null; [ $? -gt 1 ] && echo error
#@ diff-stdin  diff: - is standard input
echo a > 1; echo a | diff 1 -; echo $?
#@ diff-r  diff: -r compares directories
mkdir a b; echo 1 > a/f; echo 2 > b/f; echo same > a/g; echo same > b/g; diff -r a b; echo $?
#@ diff-no-newline  diff: a missing newline at the end is reported
printf 'a\n' > 1; printf 'a' > 2; diff 1 2 >/dev/null; echo $?
#@ cmp-same  cmp: identical files: status 0, no output
echo abc > 1; cp 1 2; cmp 1 2; echo $?
#@ cmp-differ  cmp: the first difference, by byte and line
printf 'abc\ndef\n' > 1; printf 'abc\ndxf\n' > 2; cmp 1 2; echo $?
#@ cmp-s  cmp: -s writes nothing
echo a > 1; echo b > 2; cmp -s 1 2; echo $?
#@ cmp-l  cmp: -l lists every differing byte in octal
printf 'abc' > 1; printf 'aXY' > 2; cmp -l 1 2 | sed 's/  */ /g; s/^ //'
#@ cmp-eof  cmp: a shorter file ends first: a message on stderr, status 1
printf 'ab' > 1; printf 'abc' > 2; cmp 1 2 2>/dev/null; echo $?
#@ cmp-missing  cmp: a missing file: status above 1
echo a > 1; cmp 1 nonexistent 2>/dev/null; [ $? -gt 1 ] && echo error
#@ od-default  od: octal words by default (-o)
printf 'AB' | od | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-c  od: -c characters
printf 'a\tb\n\000' | od -c | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-tx1  od: -t x1 hexadecimal bytes, -A n without offsets
printf 'hello' | od -A n -t x1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-to1  od: -t o1, -t d1, -t u1
printf '\001\377' | od -A n -t o1 | sed 's/^ *//; s/  */ /g; s/ *$//'; printf '\001\377' | od -A n -t d1 | sed 's/^ *//; s/  */ /g; s/ *$//'; printf '\001\377' | od -A n -t u1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-offsets  od: -A d and -A x offsets
printf '0123456789abcdefXY' | od -A d -t x1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-j-N  od: -j skips and -N limits bytes
printf 'abcdefgh' | od -A n -c -j 2 -N 3 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-repeat  od: repeated lines are shown as *
printf '%032d' 0 | od -A d -t x1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ diff-u-context  diff: -u with changes far apart gives two hunks
seq() { i=$1; while [ $i -le $2 ]; do echo $i; i=$((i + 1)); done; }
seq 1 20 > 1; seq 1 20 | sed 's/^3$/three/; s/^18$/eighteen/' > 2; diff -u 1 2 | tail -n +3
#@ diff-C1  diff: -C n lines of context
printf 'a\nb\nc\nd\ne\n' > 1; printf 'a\nb\nX\nd\ne\n' > 2; diff -C 1 1 2 | tail -n +4
#@ diff-U0  diff: -U 0 no context
printf 'a\nb\nc\n' > 1; printf 'a\nX\nc\n' > 2; diff -U 0 1 2 | tail -n +3
#@ diff-change-range  diff: a range of changed lines
printf '1\n2\n3\n4\n' > 1; printf '1\nx\ny\nz\n4\n' > 2; diff 1 2
#@ diff-empty-files  diff: an empty file against one with lines
: > 1; printf 'a\nb\n' > 2; diff 1 2; diff 2 1
#@ diff-r-only  diff: -r reports a file only in one directory
mkdir a b; touch a/f b/f a/extra; diff -r a b >out; echo $?; grep -c extra out
#@ cmp-dash  cmp: - for standard input
echo abc > f; echo abd | cmp f - >/dev/null; echo $?
#@ cmp-l-eof  cmp: -l on files of different length
printf 'ab' > 1; printf 'ax' > 2; cmp -l 1 2 | sed 's/^ *//; s/  */ /g'
#@ od-b-d  od: -b octal bytes, -d unsigned decimal words
printf 'AB' | od -b | sed 's/^ *//; s/  */ /g; s/ *$//'; printf '\001\000' | od -d | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-x2  od: -t x2 words in the machine's byte order (little-endian here)
printf 'ABCD' | od -A n -t x2 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-v  od: -v writes repeated lines
printf '%032d' 0 | od -v -A n -t x1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-Ao  od: -A o octal offsets
printf '0123456789' | od -A o -t c | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ od-file-args  od: several files are one stream
printf 'ab' > 1; printf 'cd' > 2; od -A n -c 1 2 | sed 's/^ *//; s/  */ /g; s/ *$//'
