# strings: runs of printable characters, -n, -t.
rm -rf /tmp/text_strings.d && mkdir /tmp/text_strings.d && cd /tmp/text_strings.d
printf 'abc\001hello world\002\003xy\000longer string here\n' > bin
strings bin
strings -n 2 bin
strings -3 bin
strings -t d bin
strings -t x bin
printf 'short\000' | strings -n 6; echo "status $?"
strings nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_strings.d
