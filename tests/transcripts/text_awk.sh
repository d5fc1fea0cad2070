# awk: fields and NF, patterns and ranges, arrays, functions, printf,
# getline, redirections, the built-in functions and variables, -F -v -f,
# and errors.
rm -rf /tmp/text_awk.d
mkdir /tmp/text_awk.d
cd /tmp/text_awk.d
printf 'alice 30 paris\nbob 25 london\ncarol 35 paris\ndave 40 rome\n' > people
printf 'a:b:c\nd:e:f\n' > colon
echo "--- fields, NF, NR, \$0"
awk '{ print $1, $3 }' people
awk '{ print NR ": " $NF " (" NF " fields)" }' people
awk '{ $2 = $2 + 1; print }' people
awk '{ $5 = "x"; print; print NF }' people | head -2
awk '{ NF = 2; print }' people | head -1
awk -F: '{ print $2 }' colon
awk 'BEGIN { FS = ":"; OFS = "-" } { $1 = $1; print }' colon
echo "--- patterns: expressions, regular expressions, ranges, BEGIN and END"
awk '$2 > 30' people
awk '/paris/ { n++ } END { print n, "in paris" }' people
awk '/bob/,/carol/ { print $1 }' people
awk 'NR == 2, NR == 3 { print NR }' people
awk '$3 ~ /^r/ || $1 == "alice"' people
awk '!/a/' people
echo "--- arrays, in, delete, for-in, SUBSEP"
awk '{ sum[$3] += $2; count[$3]++ } END { for (c in sum) print c, sum[c] / count[c] }' people
awk 'BEGIN { a["x"] = 1; delete a["x"]; print ("x" in a), length(a) }'
awk 'BEGIN { m[1,2] = "one-two"; for (k in m) { split(k, p, SUBSEP); print p[1], p[2], m[k] } }'
echo "--- user functions, recursion, arrays by reference"
awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10) }'
awk 'function fill(a, n,   i) { for (i = 1; i <= n; i++) a[i] = i * i } BEGIN { fill(sq, 4); print sq[1], sq[4] }'
echo "--- printf and the number formats"
awk 'BEGIN { printf "%5.2f|%-5s|%05d|%x|%o|%e|%c|%%\n", 3.14159, "ab", 42, 255, 8, 12345.678, 65 }'
awk 'BEGIN { printf "%s %d %*d|\n", "x", "12abc", 4, 7 }'
awk 'BEGIN { x = 0.1 + 0.2; print x; OFMT = "%.2f"; print x; CONVFMT = "%.3f"; y = x ""; print y }'
awk 'BEGIN { print 1e6, 1e16, 100000 * 100000, 2^53, -0 }'
awk 'BEGIN { print 1/3 }'
echo "--- string functions"
awk 'BEGIN { s = "hello world"; print length(s), substr(s, 7), substr(s, 2, 3), index(s, "o") }'
awk 'BEGIN { s = "foo bar foo"; n = gsub(/foo/, "[&]", s); print n, s; sub(/bar/, "\\&", s); print s }'
awk 'BEGIN { print match("xxabbbc", /ab+/), RSTART, RLENGTH; print toupper("abc") tolower("DEF") }'
awk 'BEGIN { n = split("a,b,,c", parts, ","); print n, parts[4]; print split("", e) }'
awk 'BEGIN { print sprintf("%03d", 7), int(3.9), int(-3.9) }'
awk '{ gsub(/a/, "A"); print }' colon people | head -3
echo "--- arithmetic and comparisons"
awk 'BEGIN { print 7 % 3, -7 % 3, 2 ^ 10, 2 ** 3, 10 / 4 }'
awk 'BEGIN { print (10 < 9), ("10" < "9"), (2 == 2.0), ("a" < "b") }'
echo "10 9" | awk '{ print ($1 < $2) }'
awk 'BEGIN { x = 5; x += 2; x *= 3; x -= 1; x /= 4; x %= 3; x ^= 2; print x; print x++ + ++x, x-- }'
awk 'BEGIN { printf "%.4f %.4f %.4f %.4f\n", sin(1), cos(1), atan2(1, 2), exp(1) }'
awk 'BEGIN { printf "%.4f %.4f\n", log(10), sqrt(2) }'
echo "--- control flow: if, while, do, for, break, continue, next, exit"
awk 'BEGIN { for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; printf "%d ", i }; print "" }'
awk 'BEGIN { i = 0; do { i++ } while (i < 5); while (i > 2) i--; print i }'
awk 'NR == 2 { next } { print $1 } NR == 3 { exit 3 }' people; echo "status $?"
awk 'BEGIN { exit } END { print "end still runs" }'
echo "--- getline, redirections, pipes, system, close"
awk 'NR == 1 { getline; print "now", $1; getline line; print "line", line, NR }' people
awk 'BEGIN { while ((getline l < "colon") > 0) n++; print n, "lines" }'
awk 'BEGIN { "echo piped" | getline v; print v }'
awk '{ print $1 > "names" } END { close("names"); while ((getline x < "names") > 0) print "read", x }' people | head -2
awk '{ print $1 | "sort -r" }' people
awk 'BEGIN { r = system("exit 3"); print "system", r }'
awk 'BEGIN { printf "to stderr\n" > "/dev/stderr" }' 2>&1
echo "--- -v, command-line assignments, ENVIRON, ARGV, -f"
awk -v x=5 'BEGIN { print x * 2 }'
awk '{ print v, $1 }' v=1 colon v=2 colon
X=fromenv awk 'BEGIN { print ENVIRON["X"] }'
awk 'BEGIN { for (i = 0; i < ARGC; i++) print i, ARGV[i] }' a b
printf 'BEGIN { print "from a file" }\n' > prog.awk
awk -f prog.awk
echo "--- RS: paragraphs and other separators"
printf 'a b\nc\n\n\nd e\nf\n' | awk 'BEGIN { RS = "" } { print NR ": " $1 "," $NF " NF=" NF }'
printf 'x;y;z' | awk 'BEGIN { RS = ";" } { print NR, $0 }'
echo "--- errors"
awk 'BEGIN { print 1 +* 2 }'; echo "status $?"
awk '{ print' people; echo "status $?"
awk 'BEGIN { x = 1 / 0 }'; echo "status $?"
awk '{ print }' nofile; echo "status $?"
awk 'BEGIN { f() }'; echo "status $?"
awk; echo "status $?"
cd /tmp
rm -r /tmp/text_awk.d
# srand returns the previous seed: the one the inner call just set
awk 'BEGIN { srand(7); print srand(srand(9)) }'
# %c of the empty string is a NUL byte, like %c of 0
awk 'BEGIN { printf "(%c)(%c)\n", "", 0 }' | od -An -c
