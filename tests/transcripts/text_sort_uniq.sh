# sort (-r -n -u -f -b -s -c -o, -k and -t, several files) and uniq (-c -d
# -u -i -f -s, input and output files).
rm -rf /tmp/text_sort.d
mkdir /tmp/text_sort.d
cd /tmp/text_sort.d
printf 'pear\napple\nfig\nbanana\napple\nCherry\n' > fruit
printf '10\n9\n-3\n2.5\n100\n0\n-0.5\nabc\n007\n' > nums
printf 'bob:25:paris\nalice:30:london\ncarol:25:berlin\ndave:4:rome\n' > people
printf 'b 2\na 10\nc 1\na 2\n  d 5\n' > pairs
echo "--- sort: bytes in the C locale, -r, -u"
sort fruit
sort -r fruit
sort -u fruit
echo "--- sort -f folds case, -b ignores leading blanks"
sort -f fruit
sort -fu fruit
sort pairs
sort -b pairs
echo "--- sort -n: numbers, negative and with fractions"
sort -n nums
sort -rn nums
sort nums
echo "--- sort -n: integers read once, long numbers and fractions digit by digit"
printf '123456789012345678\n-123456789012345678\n1234567890123456789\n' > bignums
printf '99999999999999999999\n-99999999999999999999\n1.0\n1\n1.00\n1.5\n-0\n0\n' >> bignums
printf '  7\n\t-7\n007\n7.50\nx\n\n12abc\n-.5\n.5\n' >> bignums
sort -n bignums
sort -rn bignums
sort -nu bignums
seq 1 50000 | sort -rn | sort -n | cksum
echo "--- sort: input in order already goes out as it came (not with -u's duplicates)"
printf '1\n1\n2\n10\n' | sort -n
printf '1\n1\n2\n10\n' | sort -nu
printf '1\n01\n2\n' | sort -nu
printf 'a\nb\nb' | sort
printf 'b\na\n' | sort -r
echo "--- sort -k and -t: keys and fields"
sort -t : -k 2 people
sort -t : -k 2n people
sort -t : -k 2,2n -k 1,1r people
sort -t : -k 3 people
sort -t : -k 2,2 -u people
sort -k 2n pairs
sort -k 2,2nr pairs
sort -k 1.2 fruit
echo "--- sort -s keeps input order among equal keys"
sort -s -t : -k 2,2 people
echo "--- sort: several files, standard input, no final newline"
sort fruit nums
printf 'z\ny\nx' | sort
printf 'b\na\n' | sort - fruit
echo "--- sort -o may write over its own input"
sort -o fruit fruit
cat fruit
echo "--- sort -c checks only"
sort -c fruit
echo "status $?"
sort -c nums
echo "status $?"
sort -c -n -k 1 fruit
echo "status $?"
echo "--- sort: large input"
seq 1 30000 | sort -rn | head -n 3
seq 1 30000 | sort | tail -n 2
seq 1 30000 | sort -n | sort -c -n
echo "status $?"
echo "--- sort: errors"
sort nope
echo "status $?"
sort -k 0 fruit
echo "status $?"
sort -t ab fruit
echo "status $?"
sort -Z fruit
echo "status $?"
echo "--- uniq: adjacent lines only"
printf 'a\na\nb\na\nc\nc\nc\n' | uniq
printf 'a\na\nb\na\nc\nc\nc\n' | uniq -c
printf 'a\na\nb\na\nc\nc\nc\n' | uniq -d
printf 'a\na\nb\na\nc\nc\nc\n' | uniq -u
sort fruit | uniq -c
echo "--- uniq -i, -f (skip fields), -s (skip characters)"
printf 'Apple\napple\nAPPLE\npear\n' | uniq -i
printf 'Apple\napple\nAPPLE\npear\n' | uniq -ci
printf '1 x\n2 x\n3 y\n' | uniq -f 1
printf 'ax\nbx\ncy\n' | uniq -s 1 -c
echo "--- uniq: input and output files"
printf 'k\nk\nl\n' > in
uniq in out
cat out
uniq nope
echo "status $?"
uniq a b c
echo "status $?"
cd /tmp
rm -r /tmp/text_sort.d
