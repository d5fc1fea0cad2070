# XCU utilities: sed (editing commands, addresses, BRE).
#@ sed-s  sed: s replaces the first match
echo aaa | sed 's/a/b/'
#@ sed-s-g  sed: the g flag replaces every match
echo aaa | sed 's/a/b/g'
#@ sed-s-n  sed: a number flag replaces the nth match
echo aaaa | sed 's/a/b/3'
#@ sed-s-amp  sed: & is the matched text, \n a group
echo hello | sed 's/l*o/[&]/'; echo 'ab cd' | sed 's/\(..\) \(..\)/\2 \1/'
#@ sed-s-delim  sed: any character delimits
echo /usr/bin | sed 's|/usr|/opt|'
#@ sed-s-p  sed: the p flag with -n
printf 'a\nb\n' | sed -n 's/b/B/p'
#@ sed-s-w  sed: the w flag writes to a file
printf 'a\nb\n' | sed 's/a/A/w out' >/dev/null; cat out
#@ sed-d  sed: d deletes
printf '1\n2\n3\n' | sed 2d
#@ sed-p-n  sed: -n and p
printf '1\n2\n3\n' | sed -n 2p
#@ sed-range  sed: address ranges
printf '1\n2\n3\n4\n5\n' | sed -n 2,4p
#@ sed-regex-address  sed: context addresses
printf 'a\nfoo\nb\n' | sed '/foo/d'
#@ sed-regex-range  sed: a range between two expressions
printf 'x\nstart\ny\nend\nz\n' | sed -n '/start/,/end/p'
#@ sed-last  sed: $ is the last line
printf '1\n2\n3\n' | sed -n '$p'
#@ sed-negate  sed: ! applies to lines not selected
printf '1\n2\n3\n' | sed '2!d'
#@ sed-e-multi  sed: several -e scripts
echo abc | sed -e s/a/x/ -e s/c/z/
#@ sed-f  sed: -f script file
printf 's/a/b/\ns/c/d/\n' > script; echo ac | sed -f script
#@ sed-braces  sed: { } group commands
printf '1\n2\n3\n' | sed -n '2{p;p;}'
#@ sed-a-i-c  sed: a, i and c text
printf '1\n2\n' | sed '1a\
after
2i\
before
2c\
changed'
#@ sed-y  sed: y transliterates
echo hello | sed 'y/abcdefghij/ABCDEFGHIJ/'
#@ sed-eq  sed: = writes the line number
printf 'a\nb\n' | sed -n '$='
#@ sed-hold  sed: h g x G H use the hold space
printf '1\n2\n3\n' | sed -n '1h;1!H;${g;p;}'
#@ sed-reverse  sed: a tac with G and h
printf '1\n2\n3\n' | sed -n '1!G;h;$p'
#@ sed-n-cmd  sed: n writes and reads the next line
printf '1\n2\n3\n4\n' | sed 'n;d'
#@ sed-N-P-D  sed: N appends the next line, P and D the first line
printf '1\n2\n3\n' | sed 'N;s/\n/+/'; printf 'a\nb\nc\n' | sed -n '$!N;P;D'
#@ sed-q  sed: q quits after writing the line
printf '1\n2\n3\n' | sed 2q
#@ sed-b-t  sed: labels, b and t
echo aaa | sed ':top
s/a/b/
t top'; printf 'x\ny\n' | sed '/x/b skip
s/.*/other/
:skip'
#@ sed-r  sed: r reads a file after the line
echo inserted > ins; printf '1\n2\n' | sed '1r ins'
#@ sed-l  sed: l shows unprintable characters
printf 'a\tb\n' | sed -n l
#@ sed-step-comment  sed: comments and ; separators
echo ab | sed 's/a/x/ # comment
s/b/y/'
#@ sed-newline-in-repl  sed: an escaped newline in the replacement
echo ab | sed 's/a/&\
/'
#@ sed-bre-interval  sed: BRE intervals
echo aaaa | sed 's/a\{2\}/X/'
#@ sed-empty-regex  sed: an empty expression reuses the last one
printf 'foo\nbar\n' | sed -n '/foo/{s//baz/;p;}'
#@ sed-files  sed: several files are one stream
echo 1 > a; echo 2 > b; sed -n '$p' a b
#@ sed-empty-match-g  sed: s with g and an expression that matches empty strings
echo baaac | sed 's/a*/x/g'
#@ sed-gp  sed: flags together, g and p
echo aa | sed -n 's/a/b/gp'
#@ sed-range-backwards  sed: a second address before the first selects one line
printf '1\n2\n3\n' | sed -n '2,1p'
#@ sed-range-to-last  sed: a range to $
printf '1\n2\n3\n' | sed -n '2,$p'
#@ sed-G  sed: G appends a newline and the hold space (double spacing)
printf 'a\nb\n' | sed G
#@ sed-last-delete  sed: $d
printf '1\n2\n3\n' | sed '$d'
#@ sed-blank-delete  sed: /^$/d
printf 'a\n\nb\n\n' | sed '/^$/d'
#@ sed-escaped-delim  sed: an escaped delimiter in the expression
echo a/b/c | sed 's/\//|/g'
#@ sed-c-range  sed: c on a range writes the text once, at the end of the range
printf '1\n2\n3\n4\n' | sed '2,3c\
X'
#@ sed-class  sed: bracket expressions with classes
echo 'a1b22c333' | sed 's/[[:digit:]]\{2,\}/N/g'
#@ sed-multi-e-join  sed: -e pieces are joined by newlines
printf '1\n' | sed -e 'a\' -e 'appended'
#@ sed-n-eq-regex  sed: = with an address
printf 'a\nb\na\n' | sed -n '/a/='
#@ sed-x  sed: x exchanges pattern and hold space
printf '1\n2\n' | sed 'x'
#@ sed-D-cycle  sed: D restarts the cycle without reading when a newline is left
printf 'a\nb\nc\nd\n' | sed -n 'N;l;D'
#@ sed-w-file  sed: w writes selected lines to a file
printf 'a\nb\na\n' | sed -n '/a/w out'; cat out
#@ sed-i-before-first  sed: i before the first line
printf 'x\n' | sed '1i\
first'
#@ sed-nested-braces  sed: nested groups of commands with addresses
printf '1\n2\n3\n4\n' | sed -n '2,4{/3/!{p;};}'
#@ sed-nine-groups  sed: back-references \1 to \9
echo abcdefghi | sed 's/\(a\)\(b\)\(c\)\(d\)\(e\)\(f\)\(g\)\(h\)\(i\)/\9\8\7\6\5\4\3\2\1/'
#@ sed-literal-amp  sed: \& is a literal ampersand
echo a | sed 's/a/[\&]/'
#@ sed-not-address-s  sed: ! before s
printf '#c\nx\n' | sed '/^#/!s/^/> /'
#@ sed-first-last  sed: 1d;$d
printf '1\n2\n3\n' | sed '1d;$d'
#@ sed-y-newline  sed: y with \n
printf 'a\nb\n' | sed 'N;y/\n/,/'
#@ sed-anchored-star  sed: trailing characters removed with *$
echo 'abc   ' | sed 's/ *$//' | od -c | sed 's/^ *//; s/  */ /g; s/ *$//' | head -1
