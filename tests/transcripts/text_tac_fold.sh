# tac (lines last first, -s -b) and fold (-w -s -b, tabs).
rm -rf /tmp/text_tac_fold.d && mkdir /tmp/text_tac_fold.d && cd /tmp/text_tac_fold.d
printf 'one\ntwo\nthree\n' > lines
echo "--- tac"
tac lines
printf 'a\nb' | tac; echo
printf 'a,b,c,' | tac -s ,; echo
printf 'a,b,c' | tac -b -s ,; echo
tac lines - lines < lines | head -4
tac nofile; echo "status $?"
echo "--- fold"
echo 'the quick brown fox jumps over the lazy dog' | fold -w 10
echo 'the quick brown fox jumps over the lazy dog' | fold -s -w 10
printf 'a\tb\tc\n' | fold -w 10
printf 'a\tb\tc\n' | fold -b -w 3
echo 'abcdefghij' | fold -5
fold -w 0 lines; echo "status $?"
fold nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_tac_fold.d
