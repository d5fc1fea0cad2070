# more (and less) when standard output is not a terminal: the files as
# they are, a header between several; errors.
rm -rf /tmp/text_more.d && mkdir /tmp/text_more.d && cd /tmp/text_more.d
printf 'one\ntwo\n' > a
printf 'three\n' > b
more a
more a b
seq 1 3 | more
less b
more nofile; echo "status $?"
more -Q a; echo "status $?"
cd /tmp && rm -r /tmp/text_more.d
