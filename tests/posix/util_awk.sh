# XCU utilities: awk (the language of the POSIX awk utility).
#@ awk-print  awk: print fields
echo 'a b c' | awk '{ print $2, $1 }'
#@ awk-nf-nr  awk: NF and NR
printf 'a b\nc d e\n' | awk '{ print NR, NF, $NF }'
#@ awk-F  awk: -F field separator
echo 'a:b:c' | awk -F: '{ print $3 }'
#@ awk-v  awk: -v assigns before the program
awk -v x=5 'BEGIN { print x * 2 }'
#@ awk-begin-end  awk: BEGIN and END
printf '1\n2\n3\n' | awk 'BEGIN { s = 0 } { s += $1 } END { print "sum", s }'
#@ awk-pattern  awk: a pattern selects lines
printf '1\n5\n10\n' | awk '$1 > 3'
#@ awk-regex  awk: regular expression patterns (ERE)
printf 'apple\nberry\napricot\n' | awk '/^ap/ { print }'
#@ awk-range  awk: pattern ranges
printf '1\n2\n3\n4\n' | awk '$1 == 2, $1 == 3'
#@ awk-printf  awk: printf
awk 'BEGIN { printf "%5.2f|%-3s|%d|%c|%x\n", 3.14159, "a", 42.9, 65, 255 }'
#@ awk-arith  awk: arithmetic and exponent
awk 'BEGIN { print 7 % 3, 2 ^ 10, 1 / 4, -3 % 2, int(-3.7) }'
#@ awk-strings  awk: string functions
awk 'BEGIN { s = "hello"; print length(s), substr(s, 2, 3), index(s, "ll"), toupper(s), tolower("AB") }'
#@ awk-split  awk: split into an array
awk 'BEGIN { n = split("a:b:c", arr, ":"); print n, arr[1], arr[3] }'
#@ awk-sub-gsub  awk: sub and gsub, & in the replacement
awk 'BEGIN { s = "aaa"; n = gsub(/a/, "b&", s); print n, s; t = "xyz"; sub(/y/, "[&]", t); print t }'
#@ awk-match  awk: match sets RSTART and RLENGTH
awk 'BEGIN { print match("foobar", /ob/), RSTART, RLENGTH }'
#@ awk-arrays  awk: associative arrays, in, delete
awk 'BEGIN { a["x"] = 1; a["y"] = 2; delete a["x"]; print ("x" in a), ("y" in a) }'
#@ awk-for-in  awk: for (k in a), in any order: counted
printf 'a\nb\na\n' | awk '{ c[$1]++ } END { for (k in c) n++; print n, c["a"] }'
#@ awk-control  awk: if, while, do, for, break, continue
awk 'BEGIN { for (i = 0; i < 5; i++) { if (i == 1) continue; if (i == 4) break; printf "%d ", i }; while (j < 2) j++; do k++; while (k < 3); print j, k }'
#@ awk-functions  awk: user functions, local arrays by reference
awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(6) }'
#@ awk-assign-field  awk: assigning a field rebuilds $0 with OFS
echo 'a b c' | awk 'BEGIN { OFS = "-" } { $2 = "X"; print; print $0 }'
#@ awk-nf-assign  awk: $0 assignment resplits
echo 'a b' | awk '{ $0 = "x y z"; print NF }'
#@ awk-ofs-ors  awk: OFS and ORS
printf '1 2\n3 4\n' | awk 'BEGIN { OFS = ":"; ORS = ";" } { print $1, $2 } END { printf "\n" }'
#@ awk-rs-para  awk: RS = "" reads paragraphs
printf 'a\nb\n\nc\n' | awk 'BEGIN { RS = "" } { print NR ": " $1 }'
#@ awk-getline  awk: getline from a file
printf 'l1\nl2\n' > f; awk 'BEGIN { while ((getline line < "f") > 0) print "got", line }'
#@ awk-redirect  awk: print > file
awk 'BEGIN { print "to file" > "out"; close("out"); getline x < "out"; print x }'
#@ awk-compare-types  awk: numeric strings compare as numbers, others as strings
echo '10 9' | awk '{ print ($1 > $2), ("10" > "9") }'
#@ awk-uninit  awk: uninitialised values are 0 and ""
awk 'BEGIN { print x + 0, "[" x "]", length(x) }'
#@ awk-concat  awk: concatenation and precedence
awk 'BEGIN { print 1 " " 2, 1+2 "3" }'
#@ awk-exit  awk: exit status, END still runs
echo x | awk '{ exit 3 } END { print "end" }'; echo $?
#@ awk-sprintf  awk: sprintf
awk 'BEGIN { s = sprintf("%03d-%s", 7, "x"); print s }'
#@ awk-file-args  awk: var=value operands between files
echo a > 1; echo b > 2; awk '{ print v, $0 }' v=one 1 v=two 2
#@ awk-f  awk: -f program file
echo '{ print "prog:", $0 }' > p.awk; echo data | awk -f p.awk
#@ awk-fs-regex  awk: FS as a regular expression
echo 'a1b22c' | awk -F '[0-9]+' '{ print $1, $2, $3 }'
#@ awk-fs-space  awk: the default FS trims leading blanks
echo '   a   b  ' | awk '{ print NF, $1 }'
#@ awk-substr-edges  awk: substr beyond the ends
awk 'BEGIN { print substr("hello", 2, 2) "|" substr("hello", 4) "|" substr("hello", 9) "|" }'
#@ awk-number-output  awk: integers print as integers, others by OFMT/CONVFMT
awk 'BEGIN { print 1e3, 0.1 + 0.2, 2 * 0.5; OFMT = "%.2f"; print 3.14159 }'
#@ awk-system  awk: system returns the status
awk 'BEGIN { r = system("exit 3"); print "r=" r }'
#@ awk-length-bare  awk: length without parentheses is length($0)
echo hello | awk '{ print length }'
#@ awk-nf-minus  awk: $(NF-1)
echo 'a b c' | awk '{ print $(NF - 1) }'
#@ awk-next  awk: next skips the rest of the rules
printf '1\n2\n3\n' | awk '$1 == 2 { next } { print }'
#@ awk-exit-begin  awk: exit in BEGIN skips the input but runs END
echo x | awk 'BEGIN { exit 2 } { print "no" } END { print "end" }'; echo $?
#@ awk-dynamic-regex  awk: ~ and !~ with a string as expression
printf 'aa\nb\n' | awk '$0 ~ "a+" { print "m", $0 } $0 !~ /a/ { print "n", $0 }'
#@ awk-subsep  awk: (i, j) subscripts joined by SUBSEP
awk 'BEGIN { a[1, 2] = 3; if ((1, 2) in a) print "yes"; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] } }'
#@ awk-split-default  awk: split with the default FS
awk 'BEGIN { n = split("  a  b ", x); print n, x[1], x[2] }'
#@ awk-filename-nr-fnr  awk: FILENAME, NR and FNR
echo a > 1; printf 'b\nc\n' > 2; awk '{ print FILENAME, NR, FNR }' 1 2
#@ awk-environ  awk: ENVIRON
MYVAR=from-env awk 'BEGIN { print ENVIRON["MYVAR"] }'
#@ awk-argv  awk: ARGC and ARGV
awk 'BEGIN { print ARGC; for (i = 1; i < ARGC; i++) print ARGV[i] }' x y
#@ awk-v-escapes  awk: -v values have escape sequences processed
awk -v 'x=a\tb' 'BEGIN { print x }'
#@ awk-string-to-number  awk: a string with a leading number converts to it
awk 'BEGIN { print "3abc" + 1, "abc" + 1, " 12 " + 0 }'
#@ awk-string-compare  awk: strings compare by bytes
awk 'BEGIN { print ("abc" < "abd"), ("B" < "a"), ("10" < "9") }'
#@ awk-getline-var  awk: getline var reads the next line, NR counts it
printf '1\n2\n3\n' | awk 'NR == 1 { getline x; print "got", x, NR }'
#@ awk-getline-cmd  awk: "cmd" | getline
awk 'BEGIN { "echo piped" | getline v; print v }'
#@ awk-print-pipe  awk: print | "cmd"
awk 'BEGIN { print "b" | "sort"; print "a" | "sort"; close("sort"); print "after" }'
#@ awk-math  awk: sqrt, exp, log, int
awk 'BEGIN { print sqrt(16), exp(0), log(1), int(7.9) }'
#@ awk-modify-nf-field  awk: assigning a field past NF extends the record
echo 'a b' | awk '{ $4 = "d"; print; print NF }'
#@ awk-regex-slash  awk: an escaped slash in a regular expression
echo 'a/b' | awk '/a\/b/ { print "matched" }'
#@ awk-ternary-in  awk: in, the conditional and precedence of !
awk 'BEGIN { a["k"]; print ("k" in a) ? "has" : "not", !0, !"" , !"a" }'
#@ awk-printf-reuse  awk: printf formats with several conversions
awk 'BEGIN { printf "%s=%d;", "a", 1; printf "%s=%d\n", "b", 2 }'
#@ awk-dollar0-modify  awk: $1 = $1 rebuilds the record with OFS
echo '  a   b  ' | awk '{ $1 = $1; print "[" $0 "]" }'
#@ awk-rs-char  awk: RS as a single character
printf 'a;b;c' | awk 'BEGIN { RS = ";" } { print NR, $0 }'
#@ awk-uninit-array  awk: a reference creates the element
awk 'BEGIN { if (a["x"] == "") n = 0; for (k in a) n++; print n }'
#@ awk-end-dollar0  awk: $0 and NF keep the last record in END
printf 'a\nb c\n' | awk 'END { print $0, NF }'
#@ awk-convfmt  awk: CONVFMT for numbers made strings, integers as integers
awk 'BEGIN { CONVFMT = "%.2g"; a = 3.14159; b = a ""; c = 17.0 ""; print b, c }'
#@ awk-fs-begin  awk: FS set in BEGIN
printf 'a,b\n' | awk 'BEGIN { FS = "," } { print $2 }'
#@ awk-getline-eof  awk: getline from a file returns 0 at its end, -1 if it cannot open
echo one > f; awk 'BEGIN { r1 = (getline x < "f"); r2 = (getline x < "f"); r3 = (getline x < "nonexistent"); print r1, r2, r3 }'
#@ awk-regex-ere  awk: ERE alternation, groups and classes
printf 'abab\nab\nxy\n' | awk '/^(ab)+$/ && /[[:alpha:]]/ { n++ } END { print n }'
#@ awk-index-zero  awk: index is 0 when not found
awk 'BEGIN { print index("abc", "z"), index("abc", "") == 0 || index("abc", "") == 1 }'
#@ awk-print-parens  awk: print with a parenthesised list
awk 'BEGIN { print("a", "b") }'
#@ awk-printf-string-width  awk: printf widths for strings and numbers
awk 'BEGIN { printf "%5s|%-5d|%.1s|\n", "ab", 42, "xyz" }'
