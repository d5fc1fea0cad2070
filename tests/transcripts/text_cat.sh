# cat (-n -b -s -v -E -T -A, standard input, "-", errors), tee (-a, errors)
# and rev.
rm -rf /tmp/text_cat.d
mkdir /tmp/text_cat.d
cd /tmp/text_cat.d
printf 'one\ntwo\n' > a
printf 'three\n\n\n\nfour\n' > b
printf 'no newline' > c
echo "--- files in order, standard input, '-'"
cat a b
echo hello | cat
echo piped | cat a - a
cat < a
cat c a
echo
echo "--- -n numbers lines across files, -b only non-empty ones"
cat -n a b
cat -b b
echo "--- -s squeezes empty lines, -E marks line ends"
cat -s b
cat -E a
cat -sn b
echo "--- -v -T -A show control characters"
printf 'tab\there\n' | cat -T
printf 'tab\there\001\177\n' | cat -v
printf 'tab\there\001\177\200\377\n' | cat -A
echo "--- binary data passes unchanged"
printf 'a\000b\377\n' | cat | od -c
echo "--- a long line"
yes 0123456789 | head -n 5000 | tr -d '\n' | cat | wc -c
echo "--- large input"
yes abcdefghijklmnopqrstuvwxyz | head -n 200000 | cat | cksum
echo "--- files into a pipe (spliced, not copied through cat), standard input between"
cat a b c | cat
echo
echo piped | cat c - a | cat
: > empty
cat empty a empty | od -c
yes abcdefghijklmnopqrstuvwxyz | head -n 200000 > big
cat big big | cksum
cat big | head -n 1
cat a nope b 2>err | cat
cat err
echo "--- errors: reported, the other files still copied, status 1"
cat a nope b
echo "status $?"
cat nope
echo "status $?"
cat -z a
echo "status $?"
echo "--- cat stops when its reader goes away"
yes | cat | head -n 2
echo "--- tee: standard output and files"
echo hello | tee t1 t2
cat t1 t2
echo "--- tee -a appends"
echo more | tee -a t1
cat t1
echo "--- tee with no file, and with an unwritable one"
printf 'x\ny\n' | tee
echo z | tee nodir/f t3
echo "status $?"
cat t3
echo "--- tee passes large data"
yes tee | head -n 100000 | tee t4 | wc -l
wc -l t4
echo "--- rev"
printf 'abc\nhello world\n\nx\n' | rev
rev a c
echo
rev nope a
echo "status $?"
cd /tmp
rm -r /tmp/text_cat.d
