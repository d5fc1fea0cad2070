# grep: -o -b -r -A -B -C -NUM -m, long options, options after operands,
# egrep and fgrep, --include/--exclude, directories, binary files.
rm -rf /tmp/text_grep_more.d
mkdir /tmp/text_grep_more.d
cd /tmp/text_grep_more.d
printf 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n' > nums
printf 'abcabc\nxyz\nfoo foobar barfoo\n' > text
echo "--- -o: each match on a line of its own; -b: byte offsets"
grep -o b text
grep -ob b text
grep -bo 'foo[a-z]*' text
grep -b xyz text
grep -o -w 'foo[a-z]*' text
grep -oi ABC text
grep -o 'x*' text
echo "status $?"
grep -c -o b text
echo "--- context: -A -B -C -NUM, groups parted by --"
grep -A1 three nums
grep -B2 five nums
grep -C1 -e two -e nine nums
grep -n -1 six nums
grep -A1 -e one -e two nums
grep -c -A3 five nums
echo "--- -m: stop after N lines"
grep -m2 e nums
grep -m1 -c e nums
echo "--- long options, and options after the operands"
grep --count --ignore-case E nums
grep --line-number ^t nums --invert-match
grep t nums -c
grep -e six -- nums
echo "--- -r: directories recursively, names in order"
mkdir -p tree/sub tree/skip
echo 'hello world' > tree/a.txt
echo 'hello there' > tree/sub/b.c
echo 'hello again' > tree/skip/c.txt
echo 'goodbye' > tree/d.txt
grep -r hello tree
grep -rl hello tree
grep -rc hello tree
grep -r --include='*.txt' hello tree
grep -r --exclude='*.txt' hello tree
grep -r --exclude-dir=skip hello tree
(cd tree && grep -r there)
grep -rh world tree
echo "--- a directory without -r"
grep hello tree
echo "status $?"
grep -s hello tree
echo "status $?"
echo "--- egrep and fgrep"
egrep 'one|two' nums
fgrep 'a.c' text
echo "status $?"
printf 'a.c\n' | fgrep -x 'a.c'
echo "--- binary files"
printf 'text\0more\nline two\n' > bin
grep more bin
echo "status $?"
grep -c line bin
grep nothing bin
echo "status $?"
echo "--- errors"
grep -A x y nums
echo "status $?"
grep --nope x nums
echo "status $?"
echo "--- -r skips a FIFO inside a directory (opening it would wait for a writer)"
mkdir fifodir
echo found > fifodir/file
mkfifo fifodir/pipe
grep -rh found fifodir && echo done
rm -r fifodir
echo "--- -r does not follow a symbolic link inside a directory, -R does"
mkdir target linkdir
echo hello > target/file
ln -s ../target linkdir/link
ln -s nope linkdir/dangling
grep -rh hello linkdir; echo "status $?"
grep -Rh hello linkdir 2>/dev/null; echo "status $?"
rm -r target linkdir
echo "--- -a reads a file with a NUL byte as text; -z NUL-ended lines; -Z a NUL after names"
printf 'one\0and two three\n' > nul
grep -a two nul | od -c
printf 'one\ntwo' > two
grep -lZ '^t' two | od -c
grep -cZ t two nul | od -c
printf 'hi\nthere\0x\0' | grep -z t | od -c
rm nul two
cd /tmp
rm -r /tmp/text_grep_more.d
