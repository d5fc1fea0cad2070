# XCU utilities: head, tail, wc, tee. The blanks between wc's numbers
# are each implementation's own (POSIX's format has one space; GNU aligns
# columns), so they are squeezed before comparing.
#@ head-default  head: the first 10 lines
i=1; while [ $i -le 12 ]; do echo $i; i=$((i + 1)); done | head | tr '\n' ' '; echo
#@ head-n  head: -n number
printf '1\n2\n3\n' | head -n 2
#@ head-files  head: several files get headers
echo a > x; echo b > y; head x y
#@ head-short  head: fewer lines than asked
printf 'only\n' | head -n 5
#@ head-no-newline  head: a last line without newline stays so
printf 'a\nb' | head -n 5; echo
#@ tail-default  tail: the last 10 lines
i=1; while [ $i -le 12 ]; do echo $i; i=$((i + 1)); done | tail | tr '\n' ' '; echo
#@ tail-n  tail: -n number and -n +number
printf '1\n2\n3\n4\n' | tail -n 2; printf '1\n2\n3\n4\n' | tail -n +3
#@ tail-c  tail: -c bytes from the end or from a position
printf 'abcdef' | tail -c 3; echo; printf 'abcdef' | tail -c +2; echo
#@ tail-file  tail: reads a file
printf 'a\nb\nc\n' > f; tail -n 1 f
#@ tail-no-newline  tail: a last line without newline counts as a line
printf 'a\nb' | tail -n 1; echo
#@ wc-all  wc: lines, words, bytes
printf 'one two\nthree\n' > f; wc f | sed 's/^ *//; s/  */ /g'
#@ wc-options  wc: -l -w -c, in that order whatever the order given
printf 'one two\nthree\n' > f; wc -c -l f | sed 's/^ *//; s/  */ /g'; wc -w < f | tr -d ' '
#@ wc-stdin  wc: no file name for standard input
printf 'a b\n' | wc -w | tr -d ' '
#@ wc-total  wc: several files and a total line
printf 'a\n' > 1; printf 'b\nc\n' > 2; wc -l 1 2 | sed 's/^ *//; s/  */ /g'
#@ wc-no-newline  wc: a last line without newline is not counted by -l
printf 'a\nb' | wc -l | tr -d ' '
#@ wc-m  wc: -m counts characters
printf 'abc\n' | wc -m | tr -d ' '
#@ wc-blanks  wc: words are separated by any white space
printf ' a\tb \n\n c ' | wc -w | tr -d ' '
#@ tee-files  tee: copies input to the files and standard output
echo data | tee a b; cat a b
#@ tee-append  tee: -a appends
echo one > f; echo two | tee -a f >/dev/null; cat f
#@ tee-no-file  tee: no operand just copies
echo pass | tee
#@ head-n0  head: -n 0 writes nothing
printf 'a\n' | head -n 0; echo end
#@ tail-n-plus1  tail: -n +1 writes everything
printf 'a\nb\n' | tail -n +1
#@ tail-c-newline  tail: -c counts newlines as bytes
printf 'ab\ncd\n' | tail -c 4
#@ tail-large  tail: more lines asked than the file has
printf 'a\nb\n' | tail -n 50
#@ wc-empty  wc: an empty file is all zeros
: > e; wc e | sed 's/^ *//; s/  */ /g'
#@ wc-l-many  wc: -l over several files with the total
printf 'a\nb\n' > 1; : > 2; printf 'c\n' > 3; wc -l 1 2 3 | sed 's/^ *//; s/  */ /g'
#@ tee-fail  tee: a file that cannot be opened: status above 0, the others still written
echo data | tee nodir/f ok 2>/dev/null; echo "status nonzero: $(( $? != 0 ))"; cat ok
#@ tee-many  tee: several files, with -a
echo 1 > a; echo 2 | tee -a a b >/dev/null; cat a b
