# GNU options of tr (-t), strings (-f), split (-n's sizes, options after
# the operands, suffixes running out) and how xxd -r reads a dump (an
# offset without a colon, -c bytes a line at most, garbage after the hex),
# tail -f seeing a write at once without -s, and tail -F following a name.
rm -rf /tmp/tsxs.d && mkdir /tmp/tsxs.d && cd /tmp/tsxs.d
echo "--- tr -t"
printf 1234 | tr -t 1234 567; echo
printf 'hello\n' | tr -t a-z AB
printf 'hello\n' | tr a-z AB
printf 1234 | tr -t 1234; echo "status $?"
echo "--- strings -f"
printf '\0\0\0\0\0\0foobar\n\0\0barbaz' > in
strings -f in
strings -f -o in
printf 'foobar\n' | strings -f
printf 'abcde' > two; strings --print-file-name in two
echo "--- xxd -r"
printf '    00000000  7468 6973 2069 7320 736f 6d65 2074 6578  this is some tex\n00000010: 740a                                     t.\n' | xxd -r
printf '0000: 40404040404040404040404040404040404040404040404040404040404040404040404040404040\r' | xxd -r -; echo
printf '0000: 40404040\n' | xxd -r -c 2; echo
printf '0000: 68 65 6c6c 6fxxxx\n' | xxd -r -; echo
printf '0004: 41 42\n' | xxd -r | od -c | sed 's/  */ /g'
printf 'hello world\n' | xxd | xxd -r
printf '404040 4040\n40' | xxd -r -p; echo
echo "--- split -n"
printf '%s' "$(seq 1 10000)" > input; split -n 3 input; wc -c xaa xab xac; rm x*
printf '0123456789' > ten; split -n 12 ten; wc -c x* | tr '\n' ' '; echo; rm x*
printf '0123456789012' > thirteen; split thirteen -n 5 p-; wc -c p-* | tr '\n' ' '; echo
printf 'abc' | split -n 2; echo "status $?"
echo "--- split: suffixes run out"
seq 1 300 > lines
split lines -l 10 -a 1 walrus; echo "status $?"; ls walrus* | wc -l; ls walrus* | tail -n 1
cat walrus* | cmp - lines
cd /tmp && rm -r /tmp/tsxs.d
echo "--- tail -f shows a write promptly without -s"
rm -rf /tmp/tsxs.d && mkdir /tmp/tsxs.d && cd /tmp/tsxs.d
echo 111 > one
tail -f one > seen &
t=$!
sleep 0.2
echo two >> one
sleep 0.7
kill $t
wait $t 2>/dev/null
cat seen
cd /tmp && rm -r /tmp/tsxs.d
echo "--- tail -F follows the name: a file that comes, shrinks, goes and comes back"
rm -rf /tmp/tsxs.d && mkdir /tmp/tsxs.d && cd /tmp/tsxs.d
tail -s 0.1 -F walrus > seen 2> said &
t=$!
sleep 0.5; echo hello > walrus
sleep 0.5; truncate -s 0 walrus
sleep 0.5; echo potato >> walrus
sleep 0.5; echo hello >> walrus
sleep 0.5; rm walrus
sleep 0.5; echo done > walrus
sleep 0.8
kill $t
wait $t 2>/dev/null
cat seen
sed "s/[‘’]/'/g" said
cd /tmp && rm -r /tmp/tsxs.d
