# base64 (encode, -w, -d, -i, bad input) and xxd (dump, -c -g -l -s -p -i -u -e, -r).
rm -rf /tmp/text_base64_xxd.d && mkdir /tmp/text_base64_xxd.d && cd /tmp/text_base64_xxd.d
echo "--- base64"
printf 'Hello, world!' | base64
printf '' | base64
printf 'a' | base64; printf 'ab' | base64; printf 'abc' | base64
seq 1 30 | base64
seq 1 30 | base64 -w 20 | head -2
seq 1 30 | base64 -w 0; echo
printf 'SGVsbG8sIHdvcmxkIQ==' | base64 -d; echo
seq 1 30 | base64 | base64 -d | tail -1
printf 'SGVs*bG8=' | base64 -d; echo "status $?"
printf 'SGVs*bG8=' | base64 -d -i; echo
echo "--- xxd"
printf 'Hello, world!\nThis is xxd.\n\001\377' > data
xxd data
xxd -c 8 -g 4 data
xxd -l 5 data
xxd -s 7 -l 6 data
xxd -u -l 4 data
xxd -p data
xxd -i data
xxd -e -l 8 data
xxd data | xxd -r | cmp - data && echo "round trip ok"
xxd -p data | xxd -r -p | cmp - data && echo "plain round trip ok"
xxd nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_base64_xxd.d
