# head (-n -c -NUM, negative counts, several files) and tail (-n -c, +N,
# -NUM, several files).
rm -rf /tmp/text_head.d
mkdir /tmp/text_head.d
cd /tmp/text_head.d
seq 1 20 > twenty
printf 'a\nb\nc' > nonl
echo "--- head: 10 lines by default"
head twenty
echo "--- head -n, -NUM, -c"
head -n 3 twenty
head -2 twenty
head -c 5 twenty
echo
head -n 0 twenty
head -n 100 nonl
echo
echo "--- head: negative counts leave out the end"
head -n -17 twenty
head -c -37 twenty
echo "--- head: several files get headers"
head -n 2 twenty nonl
echo
head -q -n 1 twenty twenty
head -v -n 1 twenty
echo "--- head: standard input, and a reader that stops early"
seq 1 5 | head -n 2
seq 1 5 | head -n 2 - twenty
yes | head -n 3
yes | head -c 7
echo
yes abc | head -n 100000 | head -n 99999 | wc -l
echo "--- head on a file leaves the offset just after what it printed"
if true; then head -n 3; echo "next:"; head -n 2; fi < twenty
echo "--- head: errors"
head -n 1 nope twenty
echo "status $?"
head -n x twenty
echo "status $?"
head -n
echo "status $?"
echo "--- tail: 10 lines by default"
tail twenty
echo "--- tail -n, -NUM, -c"
tail -n 3 twenty
tail -2 twenty
tail -c 6 twenty
tail -n 0 twenty
tail -n 2 nonl
echo
tail -c 3 nonl
echo
echo "--- tail: +N starts at line (byte) N"
tail -n +18 twenty
tail +19 twenty
tail -c +48 twenty
tail -n +1 nonl
echo
echo "--- tail: several files, standard input"
tail -n 1 twenty nonl
echo
seq 1 5 | tail -n 2
seq 1 100000 | tail -n 3
seq 1 100000 | tail -n 70000 | head -n 1
seq 1 100000 | tail -c 13
echo "--- tail: long lines"
yes 0123456789 | head -n 20000 | tr -d '\n' | tail -c 15
echo
echo "--- tail: errors"
tail -n 1 nope twenty
echo "status $?"
tail -n abc twenty
echo "status $?"
cd /tmp
rm -r /tmp/text_head.d
