# more (and less) when standard output is not a terminal: the files as
# they are, more with a header before each (even a single file), less
# between several; a directory is named, not read; errors.
rm -rf /tmp/text_more.d && mkdir /tmp/text_more.d && cd /tmp/text_more.d
printf 'one\ntwo\n' > a
printf 'three\n' > b
more a
more a b
seq 1 3 | more
less b
less a b
more . b; echo "status $?"
more nofile; echo "status $?"
more -Q a; echo "status $?"
cd /tmp && rm -r /tmp/text_more.d
