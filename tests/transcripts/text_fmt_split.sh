# fmt (filling paragraphs, -w, -s, indentation) and split (-l -b -n -a -d,
# prefixes).
rm -rf /tmp/text_fmt_split.d && mkdir /tmp/text_fmt_split.d && cd /tmp/text_fmt_split.d
echo "--- fmt"
printf 'one two three four five six seven eight nine ten\neleven twelve.  Thirteen\n\nnew paragraph here\n' > para
fmt -w 20 para
fmt -30 para
printf 'a very long line that goes on and on and on\nshort\n' | fmt -s -w 15
printf '  indented first line and\nthe rest of the paragraph follows\n' | fmt -w 25
echo "--- fmt: optimal fit, not greedy; spaces kept inside a line"
printf 'hello world \nthis is some text    \n' | fmt -w 10
echo 1 2 3 4 5 6 7 8 9 0 | fmt -w 9
echo 1 2 3 4 5 6 7 8 9 0 | fmt -w 11
printf 'A sentence.  And  two spaces kept; (a paren) or a widow. x y z end.\n' | fmt -w 24
printf 'A sentence.  And  two spaces kept; (a paren) or a widow. x y z end.\n' | fmt -u -w 24
echo "--- fmt: indentation is measured in columns (a tab reaches the next multiple of 8); with tabs in, tabs out"
printf '\thello\n        world\n' | fmt | od -c
printf '    a b\n    c\td\n' | fmt | od -c
fmt nofile; echo "status $?"
echo "--- split"
seq 1 10 > ten
split -l 4 ten; cat xaa; echo ..; cat xac; ls x*
rm x*
split -b 5 ten part.; ls part.*; cat part.ab; echo
split -l 3 -d -a 3 ten num; ls num*
split -n 2 ten half; wc -c half*
seq 1 5 | split -l 2 - in; cat inab
seq 1 11 | split -l 1 -d -a 1 - one; echo "status $?"; ls one* | wc -l
split -l 0 ten; echo "status $?"
cd /tmp && rm -r /tmp/text_fmt_split.d
