# diff: the normal format, -u and -c with context, -b -w -i -B, -q -s,
# missing newlines, directories with -r and -N, statuses.
rm -rf /tmp/text_diff.d && mkdir /tmp/text_diff.d && cd /tmp/text_diff.d
printf 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n' > old
printf 'a\nB\nc\nd\ne\nf\ng\nh\nx\ny\nj\nk\n' > new
echo "--- normal"
diff old new; echo "status $?"
diff old old; echo "status $?"
printf 'one\n' > f1; printf '' > f2
diff f1 f2
diff f2 f1
echo "--- unified and context (dates left out)"
diff -u old new | tail -n +3
diff -U1 old new | tail -n +3
diff -c old new | tail -n +3
diff -u --label A --label B f1 f2
echo "--- white space and case"
printf 'a  b\nc\n' > w1; printf 'a b\nC\n\n' > w2
diff w1 w2 > /dev/null; echo "status $?"
diff -b -i -B w1 w2; echo "status $?"
printf 'ab\n' > w3; printf 'a b\n' > w4
diff -b w3 w4 > /dev/null; echo "-b status $?"
diff -w w3 w4; echo "-w status $?"
echo "--- -q and -s"
diff -q old new; echo "status $?"
diff -s old old
echo "--- missing newline at the end"
printf 'x' > n1; printf 'x\n' > n2
diff n1 n2
echo "--- directories"
mkdir -p d1/sub d2/sub
printf '1\n' > d1/same; printf '1\n' > d2/same
printf 'old\n' > d1/sub/f; printf 'new\n' > d2/sub/f
printf 'only\n' > d1/gone
diff d1 d2; echo "status $?"
diff -r d1 d2; echo "status $?"
diff -rN d1 d2; echo "status $?"
diff -q -r d1 d2
echo "--- stdin and errors"
printf 'a\n' | diff - f1
diff old nofile; echo "status $?"
diff old; echo "status $?"
diff old new f1; echo "status $?"
# -e: an ed script, last change first; a new line that is a lone "." is
# written "..", and s/.// mends it
printf 'a\nb\nc\nd\ne\n' > e1
printf 'a\nB\nc\ne\n.\nf\n' > e2
diff -e e1 e2; echo "status $?"
cd /tmp && rm -r /tmp/text_diff.d
