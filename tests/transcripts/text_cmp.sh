# cmp: the first difference, -l -s -n -i, EOF on the shorter file, statuses.
rm -rf /tmp/text_cmp.d && mkdir /tmp/text_cmp.d && cd /tmp/text_cmp.d
printf 'hello\nworld\n' > a
printf 'hello\nWorld\n' > b
printf 'hello\n' > c
cmp a a; echo "status $?"
cmp a b; echo "status $?"
cmp -l a b
cmp -s a b; echo "status $?"
cmp a c; echo "status $?"
cmp -n 6 a b; echo "status $?"
cmp -i 7 a b; echo "status $?"
cmp -b a b
printf 'hello\nworld\n' | cmp a -; echo "status $?"
cmp a nofile; echo "status $?"
cmp -s a nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_cmp.d
