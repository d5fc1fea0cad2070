# expr: arithmetic, comparisons, | and &, the string operations (: match
# substr index length, + quoting), precedence, and the exit status (0: a
# result neither empty nor 0, 1: empty or 0, 2: an invalid expression).
echo "--- arithmetic"
expr 1 + 2
expr 10 - 25
expr 6 '*' 7
expr 17 / 5
expr 17 % 5
expr -17 / 5
expr -17 % 5
expr 2 + 3 '*' 4
expr '(' 2 + 3 ')' '*' 4
expr 10 - 3 - 2
expr 9223372036854775807 - 1
echo "--- comparisons: numbers as numbers, other strings as strings"
expr 10 '>' 9
expr 10a '>' 9
expr 010 = 10
expr abc '<' abd
expr abc = abc
expr abc != abc
echo "status $?"
expr 2 '<=' 2 '&' 3 '>=' 4
echo "status $?"
echo "--- | and &"
expr 5 '|' 7
expr 0 '|' 7
expr '' '|' 0
echo "status $?"
expr 5 '&' 7
expr 5 '&' 0
echo "status $?"
expr 1 '|' 1 / 0
expr 0 '&' 1 / 0
echo "--- : matches at the start: the length, or the first group"
expr abcdef : 'abc'
expr abcdef : 'a.*'
expr abcdef : 'bcd'
echo "status $?"
expr abcdef : 'a\(.*\)e'
expr abcdef : '\(x*\)'
echo "status $?"
expr 'key=value' : '.*=\(.*\)'
expr 12345 : '[0-9]*$'
expr aaa : 'a\{2\}'
expr abab : '\(ab\)\1'
echo "--- match, substr, index, length"
expr match hello 'h.l'
expr substr hello 2 3
expr substr hello 4 10
expr substr hello 0 2
echo "status $?"
expr index hello le
expr index hello z
echo "status $?"
expr length 'hello world'
expr length ''
echo "status $?"
echo "--- + makes the next argument a string, even an operator"
expr + length
expr length + length
expr + '(' = + '('
echo "--- results of 0 and empty strings give status 1"
expr 0
echo "status $?"
expr 00
echo "status $?"
expr -0
echo "status $?"
expr ''
echo "status $?"
expr 3 - 3
echo "status $?"
echo "--- errors give status 2"
expr 1 / 0
echo "status $?"
expr 5 % 0
echo "status $?"
expr a + 1
echo "status $?"
expr 9223372036854775807 + 1
echo "status $?"
expr 1 +
echo "status $?"
expr 1 2
echo "status $?"
expr '(' 1
echo "status $?"
expr ')'
echo "status $?"
expr abc : '\('
echo "status $?"
expr
echo "status $?"
