# XCU utilities: cut, tr, fold, paste.
#@ cut-fields  cut: -f with the default tab delimiter
printf 'a\tb\tc\n' | cut -f2; printf 'a\tb\tc\n' | cut -f1,3
#@ cut-delim  cut: -d and ranges of fields
echo 'a:b:c:d' | cut -d: -f2-3; echo 'a:b:c:d' | cut -d: -f3-; echo 'a:b:c:d' | cut -d: -f-2
#@ cut-no-delim  cut: a line without the delimiter is written whole, unless -s
printf 'a:b\nplain\n' | cut -d: -f2; printf 'a:b\nplain\n' | cut -s -d: -f2
#@ cut-chars  cut: -c character positions and lists
echo abcdefgh | cut -c2-4; echo abcdefgh | cut -c1,3,5; echo abcdefgh | cut -c6-
#@ cut-bytes  cut: -b byte positions
echo abcdef | cut -b2,4
#@ cut-file  cut: reads files
printf '1 2\n3 4\n' > f; cut -d' ' -f2 f
#@ cut-order  cut: a list out of order selects in input order
echo abcdef | cut -c5,1,3
#@ tr-ranges  tr: ranges translate
echo hello | tr a-y b-z
#@ tr-delete  tr: -d deletes
echo 'hello world' | tr -d lo
#@ tr-squeeze  tr: -s squeezes repeats
echo 'aabbccdd  ee' | tr -s 'a-c '
#@ tr-complement  tr: -c complements the set
echo 'ab12cd' | tr -c 'a-z\n' X
#@ tr-classes  tr: character classes
echo 'Hello World' | tr '[:lower:]' '[:upper:]'; echo 'a1b2' | tr -d '[:digit:]'
#@ tr-escapes  tr: escapes in the sets
printf 'a b\n' | tr ' ' '\n'; printf 'x\ty\n' | tr '\t' ,
#@ tr-ds  tr: -ds deletes then squeezes
echo 'aaxxbb' | tr -ds x ab
#@ tr-repeat  tr: [c*n] and [c*] repeat a character
echo abcdef | tr abcde '[x*3]yz'; echo abcd | tr abcd 'x[y*]'
#@ fold-width  fold: -w breaks lines at the width
echo abcdefghij | fold -w 4
#@ fold-s  fold: -s breaks after a blank
echo 'aaa bbb ccc' | fold -s -w 5
#@ fold-default  fold: the default width is 80
printf '%090d\n' 0 | fold | head -1 | wc -c | tr -d ' '
#@ fold-short  fold: short lines are unchanged
printf 'ab\ncd\n' | fold -w 10
#@ paste-files  paste: joins lines of files with tabs
printf '1\n2\n3\n' > a; printf 'x\ny\n' > b; paste a b
#@ paste-d  paste: -d delimiters, used in turn
printf '1\n2\n' > a; printf 'x\ny\n' > b; printf 'p\nq\n' > c; paste -d ':,' a b c
#@ paste-s  paste: -s joins the lines of each file
printf '1\n2\n3\n' | paste -s -d, -
#@ paste-stdin  paste: - twice reads alternate lines
printf '1\n2\n3\n4\n' | paste - -
#@ cut-fields-open  cut: a list with an open range and single fields
echo 'a b c d e' | cut -d' ' -f2,4-
#@ cut-overlap  cut: overlapping ranges select each field once
echo 'a:b:c:d' | cut -d: -f1-2,2-3
#@ cut-empty-fields  cut: empty fields count
echo 'a::c' | cut -d: -f2,3
#@ tr-octal  tr: octal escapes
echo abc | tr 'abc' '\101\102\103'
#@ tr-equiv  tr: an equivalence class in the C locale is the character
echo aab | tr '[=a=]' x
#@ tr-squeeze-newlines  tr: -s squeezes empty lines
printf 'a\n\n\nb\n' | tr -s '\n'
#@ tr-delete-complement  tr: -dc keeps only the set
echo 'a1-b2_c3' | tr -dc 'a-z\n'
#@ tr-range-upper  tr: ranges of upper and lower case
echo 'MiXeD' | tr 'A-Z' 'a-z'
#@ fold-b  fold: -b counts bytes
echo abcdef | fold -b -w 2
#@ fold-s-long-word  fold: -s with a word longer than the width breaks it
echo 'abcdefgh ij' | fold -s -w 4
#@ paste-d-newline  paste: \n in the delimiter list
printf '1\n2\n3\n4\n' | paste -d '\n' - -
#@ paste-d-empty  paste: \0 is the empty delimiter
printf '1\n2\n' > a; printf 'x\ny\n' > b; paste -d '\0' a b
#@ paste-s-files  paste: -s with two files, one line each
printf '1\n2\n' > a; printf 'x\ny\n' > b; paste -s a b
#@ paste-uneven  paste: a shorter file gives empty fields
printf '1\n' > a; printf 'x\ny\nz\n' > b; paste -d, a b
#@ tr-space-class  tr: -s with [:space:]
printf 'a  \t b\n\n' | tr -s '[:space:]' ' '; echo
#@ tr-backslash  tr: \\ is a backslash
printf '%s\n' 'a\b' | tr '\\' /
#@ tr-punct  tr: -d [:punct:]
echo 'a.b,c!d' | tr -d '[:punct:]'
#@ cut-c-lists  cut: -c with a list and an open range
echo abcdefgh | cut -c 1-3,6-
