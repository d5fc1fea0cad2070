# hexdump: the default, -C, -b, -c, -d, -o, -n, -s, and repeated lines.
rm -rf /tmp/text_hexdump.d && mkdir /tmp/text_hexdump.d && cd /tmp/text_hexdump.d
printf 'Hello, world!\n\tTabs\001\n' > data
hexdump data
hexdump -C data
hexdump -b data
hexdump -c data
hexdump -d data
hexdump -o data
hexdump -C -n 5 data
hexdump -C -s 7 data
printf '%064d' 0 | hexdump -C
printf '%064d' 0 | hexdump -C -v | wc -l
printf '' | hexdump -C
hexdump nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_hexdump.d
