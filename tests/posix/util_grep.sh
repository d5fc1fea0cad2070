# XCU utilities: grep (basic and extended regular expressions, XBD 9).
#@ grep-basic  grep: lines that match
printf 'apple\nbanana\ncherry\n' | grep an
#@ grep-status  grep: 0 if selected, 1 if none, above 1 for an error
echo a | grep a >/dev/null; echo $?; echo a | grep b; echo $?; grep a nonexistent 2>/dev/null; [ $? -gt 1 ] && echo error
#@ grep-v  grep: -v selects lines that do not match
printf 'a\nb\nc\n' | grep -v b
#@ grep-c  grep: -c counts
printf 'a\nb\na\n' | grep -c a
#@ grep-i  grep: -i ignores case
printf 'Hello\nhello\nHELLO\nbye\n' | grep -i hello
#@ grep-n  grep: -n line numbers
printf 'x\ny\nx\n' | grep -n x
#@ grep-l  grep: -l names files
echo a > 1; echo b > 2; echo a > 3; grep -l a 1 2 3
#@ grep-q  grep: -q writes nothing
echo a | grep -q a; echo $?
#@ grep-s  grep: -s suppresses messages about files
grep -s a nonexistent; echo "exit above 1: $(( $? > 1 ))"
#@ grep-x  grep: -x matches whole lines
printf 'ab\nabc\n' | grep -x ab
#@ grep-F  grep: -F fixed strings
printf 'a.c\nabc\n' | grep -F a.c
#@ grep-E  grep: -E extended expressions
printf 'ac\nabc\nabbc\n' | grep -E 'ab+c'; printf 'cat\ndog\ncow\n' | grep -E 'cat|dog'
#@ grep-e-multi  grep: several -e patterns
printf 'a\nb\nc\n' | grep -e a -e c
#@ grep-f  grep: -f patterns from a file
printf 'a\nc\n' > pats; printf 'a\nb\nc\n' | grep -f pats
#@ grep-multi-files  grep: with several files, lines get the file name
echo hit > 1; echo hit > 2; grep hit 1 2
#@ grep-bre-anchors  XBD 9.3.8 BRE anchors
printf 'abc\nbca\n' | grep '^a'; printf 'abc\nbca\n' | grep 'a$'
#@ grep-bre-star  XBD 9.3.6 BRE * and .
printf 'ac\nabc\nabbc\nxyz\n' | grep 'ab*c'; printf 'ab\na\n' | grep 'a.'
#@ grep-bre-interval  XBD 9.3.6 BRE intervals \{m,n\}
printf 'a\naa\naaa\n' | grep -x 'a\{2,3\}'
#@ grep-bre-backref  XBD 9.3.6 BRE back-references
printf 'abab\nabba\n' | grep '\(ab\)\1'
#@ grep-bre-bracket  XBD 9.3.5 bracket expressions
printf 'a1\nb2\nc-\n]x\n' | grep '[[:digit:]]'; printf 'a1\nc-\n' | grep '[a-]$' ; printf ']x\nyy\n' | grep '[]]'
#@ grep-bre-literal  XBD 9.3.3 BRE: + ? | ( are ordinary
printf 'a+b\nab\n' | grep 'a+b'; printf 'a|b\n' | grep 'a|b'
#@ grep-ere-ops  XBD 9.4 ERE: ? + {n} () |
printf 'color\ncolour\n' | grep -E 'colou?r'; printf 'ab\nabab\n' | grep -Ex '(ab){2}'
#@ grep-empty-pattern  grep: an empty pattern matches every line
printf 'a\n\nb\n' | grep -c ''
#@ grep-dash-file  grep: - is standard input
echo in | grep in -
#@ grep-c-files  grep: -c with several files gives file:count
printf 'a\na\n' > 1; printf 'b\n' > 2; grep -c a 1 2
#@ grep-leading-star  XBD 9.3.6: a * at the start of a BRE is literal
printf '*a\nba\n' | grep '*a'
#@ grep-ere-interval  XBD 9.4.6: ERE intervals
printf 'ab\naab\naaab\n' | grep -xE 'a{2,}b'
#@ grep-ere-anchors-alt  XBD 9.4: anchors in alternatives
printf 'start\nmiddle\nend\n' | grep -E '^s|d$'
#@ grep-bracket-negation  XBD 9.3.5: [^...] matches what is not listed
printf 'abc\nxyz\n' | grep '^[^a]'
#@ grep-dot-literal  XBD 9.3.3: \. is a literal period
printf 'a.b\naxb\n' | grep 'a\.b'
#@ grep-x-empty  grep: -x with an empty pattern matches empty lines
printf 'a\n\nb\n' | grep -n -x ''
#@ grep-e-dash  grep: -e lets a pattern begin with -
printf -- '-x\ny\n' | grep -e -x
#@ grep-F-multi  grep: -F with patterns on several lines
printf 'a+\nb?\nc\n' | grep -F 'a+
b?'
#@ grep-i-bracket  grep: -i applies to bracket expressions
printf 'ABC\n' | grep -i '[a]bc'
#@ grep-v-c  grep: -v with -c counts the lines that do not match
printf 'a\nb\nc\n' | grep -vc a
#@ grep-l-stdin  grep: -l names standard input
echo a | grep -l a
#@ grep-space-class  XBD 9.3.5: [[:space:]] and [[:alpha:]]
printf 'a b\nab\n' | grep '[[:space:]]'; printf '12\na2\n' | grep '^[[:alpha:]]'
#@ grep-backref-ere-free  XBD 9.3.6: a back-reference to a group repeated
printf 'aa-aa\naa-ab\n' | grep '\(a*\)-\1$'
#@ grep-ere-group  XBD 9.4: ERE groups with alternation
printf 'ac\nbc\ncc\n' | grep -E '^(a|b)c$'
#@ grep-i-F  grep: -i with -F
printf 'A.B\naxb\n' | grep -i -F a.b
#@ grep-x-F  grep: -x with -F
printf 'ab\nabc\n' | grep -x -F ab
#@ grep-upper-lower  XBD 9.3.5: [[:upper:]][[:lower:]]*
printf 'Word\nword\nWORD\n' | grep -x '[[:upper:]][[:lower:]]*'
