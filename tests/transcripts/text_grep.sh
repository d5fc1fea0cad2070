# grep: basic and extended regular expressions, -F -i -v -c -n -l -L -q -s
# -h -H -w -x -e -f, several files, exit statuses (0 selected, 1 none,
# 2 error).
rm -rf /tmp/text_grep.d
mkdir /tmp/text_grep.d
cd /tmp/text_grep.d
printf 'apple pie\nBanana split\ncherry tart\napple crumble\nfig\n' > fruit
printf 'aaa\nab\nabab\na+b\na.b\nx*y\nfoo_bar baz\n(paren)\n{brace}\na|b\n\nmississippi\n' > text
printf 'apple\nfig\n' > pats
echo "--- plain patterns, exit statuses"
grep apple fruit
echo "status $?"
grep kiwi fruit
echo "status $?"
grep '' fruit | wc -l
echo "--- -i -v -c -n"
grep -i banana fruit
grep -v apple fruit
grep -c apple fruit
grep -c kiwi fruit
grep -n a fruit
grep -vc e fruit
echo "--- several files: names in front, -h drops them, -H adds them"
grep fig fruit pats
grep -h fig fruit pats
grep -H fig fruit
grep -c apple fruit pats text
echo "--- -l and -L"
grep -l apple fruit pats text
grep -L apple fruit pats text
echo "--- -q prints nothing; its status says"
grep -q cherry fruit
echo "status $?"
grep -q kiwi fruit
echo "status $?"
echo "--- -w whole words, -x whole lines"
grep -w apple fruit
grep -w app fruit
echo "status $?"
grep -x fig fruit
grep -x 'apple' fruit
echo "status $?"
grep -w 'ab' text
echo "--- -e and -f: several patterns"
grep -e fig -e cherry fruit
grep -f pats fruit
grep -e Banana -f pats fruit
echo "--- standard input"
printf 'one\ntwo\nthree\n' | grep t
printf 'one\ntwo\n' | grep -H o
printf 'no newline' | grep new
echo "--- BRE: dot, star, brackets, anchors, intervals, groups, back-references"
grep 'a.b' text
grep '^a*$' text
grep -c '^$' text
grep 'x\*y' text
grep '[(){}]' text
grep '[^a-z.+*|_ ]' text
grep 'a\{3\}' text
grep '^\(ab\)\1$' text
grep 's\{2,\}i' text
grep 'a+b' text
grep 'a|b' text
echo "--- BRE extensions: escaped plus, question mark and bar"
grep '^a\+$' text
grep '^ab\?$' text
grep 'fig\|cherry' fruit
echo "--- ERE: + ? | () {m,n} and escaped special characters"
grep -E '^a+$' text
grep -E '^(ab)+$' text
grep -E 'fig|cherry' fruit
grep -E '^a.?b$' text
grep -E '(ss|pp)i' text
grep -E 'i(ss|pp){2}' text
grep -E 'a\+b|a\|b|\(paren\)' text
grep -E '\{brace\}' text
echo "--- character classes, ranges, negation"
grep '[[:upper:]]' fruit
grep -c '[[:space:]]' fruit
grep -E '^[[:alpha:]]+$' fruit
grep '[[:digit:]]' fruit
echo "status $?"
grep -i '^[a]' fruit
echo "--- word boundaries"
grep '\<pie\>' fruit
grep 'ana\>' fruit
grep '\bfoo' text
grep 'foo_bar\b' text
echo "--- -F fixed strings: no special characters"
grep -F 'a.b' text
grep -F 'x*y' text
grep -F -i 'BANANA' fruit
grep -F -x 'a|b' text
echo "--- long lines and large input"
yes 0123456789 | head -n 10000 | tr -d '\n' > long
echo needle >> long
grep -c needle long
grep -c -E '^(0123456789)+needle$' long
yes 'line of text' | head -n 100000 | grep -c 'of'
seq 1 100000 | grep -E '^9+$'
echo "--- errors: status 2 (even when something matched)"
grep apple nope fruit
echo "status $?"
grep -s apple nope fruit
echo "status $?"
grep -q apple nope fruit
echo "status $?"
grep '\(' fruit
echo "status $?"
grep -E 'a{2,1}' fruit
echo "status $?"
grep '[a' fruit
echo "status $?"
grep '[[:nope:]]' fruit
echo "status $?"
grep 'x\2' fruit
echo "status $?"
grep
echo "status $?"
grep -j x fruit
echo "status $?"
cd /tmp
rm -r /tmp/text_grep.d
