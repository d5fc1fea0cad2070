# sed: addresses and ranges, s with its flags and replacement escapes,
# a/i/c, y, n/N/p/P/d/D, the hold space, labels, -n -e -f -E -i -s -z,
# and errors in the script.
rm -rf /tmp/text_sed.d
mkdir /tmp/text_sed.d
cd /tmp/text_sed.d
printf 'one\ntwo\nthree\nfour\nfive\nsix\n' > nums
printf 'hello world\nfoo bar baz\n' > words
echo "--- addresses: N, \$, /RE/, ranges, !, FIRST~STEP, +N, 0,/RE/"
sed -n 2p nums
sed -n '$p' nums
sed -n '/^t/p' nums
sed -n '2,4p' nums
sed -n '/two/,/four/p' nums
sed -n '4,2p' nums
sed '2,5!d' nums
sed -n '1~2p' nums
sed -n '/three/,+1p' nums
sed -n '0,/o/p' nums
sed -n '\,f,p' nums
sed -n '/E/Ip' nums
echo "--- s: flags g N p w, & and groups, case escapes, other delimiters"
sed 's/o/0/' words
sed 's/o/0/g' words
sed 's/o/0/2' words
sed -n 's/bar/BAR/p' words
sed 's/\(hello\) \(world\)/\2 \1/' words
sed -E 's/(\w+) (\w+)/[\2] [\1]/' words
sed 's/[a-z]*/<&>/g' words
sed 's/x*/-/g' words
sed 's|o|/|g' words
sed 's/\w\+/\u&/g' words
sed 's/.*/\U&/' words
sed -E 's/(.)(.*)/\2\1/' words
sed 's/ /\n/' words
sed 's/O/0/gI' words
sed -n 's/foo/FOO/w out' words; cat out
echo "--- y, =, l"
sed 'y/abc/xyz/' words
sed -n '$=' nums
printf 'a\tb\\c\001\n' | sed -n l
echo "--- a, i, c (one-line and POSIX forms)"
sed '2a after two' nums | head -4
sed '1i\
before one' nums | head -2
sed '3c\
changed' nums | head -4
sed '2,5c gone' nums
sed '$a the end' words
echo "--- n N p P d D, the hold space g G h H x"
sed -n 'n;p' nums
sed 'N;s/\n/+/' nums
sed '$!N;P;D' nums
sed -n 'h;n;G;p' nums
sed -n 'H;${x;s/\n/,/g;p}' nums
sed '1!G;h;$!d' nums
sed = words | sed 'N;s/\n/ /'
echo "--- labels: b t T, and blocks"
sed ':a;s/^\(x*\)o/\1x/;ta' nums
sed -n '/t/{s/t/T/;p}' nums
sed '/one/b;s/./X/' nums | head -3
sed -e 's/one/1/;T' -e 's/$/!/' nums | head -2
echo "--- q and Q, with an exit status"
sed 2q nums
sed 3Q nums
sed '2q5' nums; echo "status $?"
echo "--- -e and -f; -s; -i; -z; missing final newline"
sed -e 's/one/1/' -e 's/two/2/' nums | head -2
printf 's/three/3/\n/four/d\n' > script.sed
sed -f script.sed nums
sed -s -n '$p' nums words
sed -n '$p' nums words
cp nums edit; sed -i 's/one/ONE/' edit; head -1 edit
cp nums edit2; sed -i.bak '1d' edit2; head -1 edit2; head -1 edit2.bak
printf 'a\0b\0' | sed -z 's/^/x/' | tr '\0' '\n'
printf 'no newline' | sed 's/no/a/'; echo
printf 'x\ny' | sed p
echo
echo "--- errors"
sed 's/a/b' nums; echo "status $?"
sed 'k' nums; echo "status $?"
sed -n '/x/{p' nums; echo "status $?"
sed 'b nowhere' nums; echo "status $?"
sed -E 's/(a)/\2/' nums; echo "status $?"
echo "--- errors of the second -e, and of a -f file: its line"
sed -e p -e 's/x/' nums; echo "status $?"
printf 'p\n\n  k\n' > bad.sed
sed -f bad.sed nums; echo "status $?"
printf 's/x/y/\n{\np\n' > bad.sed
sed -e p -f bad.sed nums; echo "status $?"
printf 's/x/y/;s/a/\n' > bad.sed
sed -f bad.sed nums; echo "status $?"
sed p nofile; echo "status $?"
sed; echo "status $?"
cd /tmp
rm -r /tmp/text_sed.d
