# expand (tabs to spaces at every 8 columns, -t N, -t LIST) and tsort (a
# total order from pairs; GNU's choice where the order leaves one).
rm -rf /tmp/expand_t
mkdir /tmp/expand_t
cd /tmp/expand_t
echo "--- expand: every 8 columns"
printf 'a\tb\tc\n\tx\n12345678\ty\n' | expand | tr ' ' .
echo "--- -t 4, and a backspace moves back one column"
printf 'a\tb\n' | expand -t 4 | tr ' ' .
printf 'ab\b\tc\n' | expand -t 4 | tr ' \b' '.<'
echo "--- -t LIST: stops at columns 2, 5, 9; past the last one, one space"
printf '\ta\tb\tc\td\te\n' | expand -t 2,5,9 | tr ' ' .
printf '\ta\tb\n' | expand -t '3 6' | tr ' ' .
echo "--- files and -"
printf 'f\tg\n' > f
printf 's\tt\n' | expand -t 2 f - | tr ' ' .
expand nofile
echo "status $?"
echo "--- bad lists"
expand -t 0 f
echo "status $?"
expand -t 4,2 f
echo "status $?"
echo "--- tsort: a before b, b before c"
printf 'a b\nb c\n' | tsort
echo "--- several orders possible: the same choice as GNU's"
printf '3 8\n3 10\n5 11\n7 8\n7 11\n8 9\n11 2\n11 9\n11 10\n' | tsort
printf 'a b\nb c\nd d\nc e\nx b\n' > pairs
tsort pairs
echo "--- a loop: written to standard error, broken, status 1"
printf 'a b\nb c\nc a\nc d\n' | tsort
echo "status $?"
echo "--- an odd number of words"
printf 'a b c\n' | tsort
echo "status $?"
cd /
rm -rf /tmp/expand_t
