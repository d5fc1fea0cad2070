# paste (columns, -d, -s, stdin) and comm (-1 -2 -3).
rm -rf /tmp/text_paste_comm.d && mkdir /tmp/text_paste_comm.d && cd /tmp/text_paste_comm.d
printf 'a\nb\nc\n' > x
printf '1\n2\n' > y
printf 'apple\nbanana\ncherry\n' > s1
printf 'banana\ncherry\ndate\n' > s2
echo "--- paste"
paste x y
paste -d, x y x
paste -d ':;' x y x
paste -s x y
paste -s -d '\t\n' x
printf 'l1\nl2\nl3\nl4\n' | paste - -
paste nofile x; echo "status $?"
echo "--- comm"
comm s1 s2
comm -12 s1 s2
comm -3 s1 s2
comm -23 s1 s2
comm --output-delimiter=: s1 s2
comm s1; echo "status $?"
cd /tmp && rm -r /tmp/text_paste_comm.d
