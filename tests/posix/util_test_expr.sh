# XCU utilities: test ([) and expr.
#@ test-strings  test: = != -n -z and a lone string
test abc = abc && echo eq; test a != b && echo ne; test -n x && echo n; test -z '' && echo z; test str && echo lone
#@ test-empty  test: no argument is false, an empty string is false
test; echo $?; test ''; echo $?
#@ test-ints  test: -eq -ne -lt -le -gt -ge
for op in -eq -ne -lt -le -gt -ge; do test 3 $op 4; printf '%s=%s ' $op $?; done; echo
#@ test-negative  test: integers may be negative
test -5 -lt 2 && echo yes
#@ test-files  test: -e -f -d -s -r -w
mkdir d; touch empty; echo x > full
for f in d empty full none; do printf '%s:' $f; for o in -e -f -d; do test $o $f && printf ' %s' $o; done; echo; done
test -s full && echo "full -s"; test -s empty || echo "empty not -s"
#@ test-symlink  test: -h and -L for symbolic links
touch t; ln -s t l; test -h l && echo h; test -L l && echo L; test -h t || echo "t not link"
#@ test-x  test: -x executable
touch f; chmod 755 f; test -x f && echo x; chmod 644 f; test -x f || echo "not x"
#@ test-not  test: ! negates
test ! a = b && echo negated; test ! && echo "bang alone is a string"
#@ test-and-or  test: -a and -o (XSI)
test a = a -a b = b && echo and; test a = b -o b = b && echo or
#@ test-parens  test: parentheses group
test \( a = a \) && echo grouped
#@ test-bracket  [: the same utility, ] is required
[ 1 -eq 1 ] && echo bracket; [ 1 -eq 1 2>/dev/null; [ $? -gt 1 ] && echo "missing ]: error"
#@ test-error  test: a malformed expression gives a status above 1
test 1 -eq 2>/dev/null; [ $? -gt 1 ] && echo error; test a -eq 1 2>/dev/null; [ $? -gt 1 ] && echo error
#@ test-nt-ot  test: -nt -ot (newer, older)
touch -t 200001010000 old; touch -t 201001010000 new; test new -nt old && echo nt; test old -ot new && echo ot
#@ test-t  test: -t on a descriptor that is not a terminal
test -t 0 || echo "not a tty"
#@ expr-arith  expr: + - * / %
expr 3 + 4; expr 10 - 3; expr 6 \* 7; expr 17 / 5; expr 17 % 5; expr -17 / 5
#@ expr-compare  expr: comparisons give 1 or 0, as numbers or strings
expr 2 \< 10; expr a \< b; expr 5 = 5; expr 5 != 5; expr abc \> abd
#@ expr-status  expr: status 1 when the result is null or zero
expr 0; echo $?; expr '' ; echo $?; expr 5; echo $?
#@ expr-or-and  expr: | and &
expr 0 \| 7; expr '' \| ''; expr 3 \& 4; expr 3 \& 0
#@ expr-match  expr: : anchors a BRE at the start, gives the length
expr abcdef : 'abc'; expr abcdef : 'b'; expr abcdef : '.*'
#@ expr-match-group  expr: : with \( \) gives the matched part
expr foo.tar.gz : '\(.*\)\.gz'; expr abc : 'x\(.*\)'; echo $?
#@ expr-paren  expr: parentheses group
expr \( 2 + 3 \) \* 4
#@ expr-error  expr: an invalid expression gives 2
expr 1 + 2>/dev/null; echo $?; expr a + 1 2>/dev/null; [ $? -gt 1 ] && echo error
#@ expr-precedence  expr: * before +, comparison before &
expr 1 + 2 \* 3; expr 1 = 1 \& 2 = 2
#@ test-one-arg-ops  test: one argument is true when not null, even an operator
test -n && echo "-n alone"; test -z && echo "-z alone"; test ! ; echo "! alone: $?"
#@ test-three-args  test: three arguments with a binary operator in the middle
test = = = && echo "= = ="; test ! = x && echo "! = x"
#@ test-four-args  test: four arguments starting with !
test ! a = b && echo yes; test ! '' = '' || echo no
#@ test-paren-three  test: ( string ) with three arguments
test '(' x ')' && echo grouped; test '(' '' ')' || echo empty
#@ test-leading-zero  test: integers compare as numbers
test 010 -eq 10 && echo "010 = 10"; test 1 -lt 01 || echo "not less"
#@ test-devices  test: -c and -f of /dev/null, -d of /
test -c /dev/null && echo char; test -f /dev/null || echo "not regular"; test -d / && echo root
#@ test-p  test: -p for a FIFO
mkfifo p; test -p p && echo fifo; touch f; test -p f || echo "not fifo"
#@ test-string-ops-args  test: = with operands that look like operators
test -n = -n && echo equal; test x != -z && echo different
#@ expr-string-number  expr: integers compare as numbers, others as strings
expr 10 \> 9; expr 10 \> 09a; expr abc = abc
#@ expr-match-anchor  expr: the expression is anchored at the start only
expr abc : 'b'; expr abc : '.*c$'
#@ expr-negative  expr: negative integers
expr -5 + 2; expr 0 - 5 \* -2
#@ expr-zero-string  expr: a result of 0 or "" is status 1, the operands are still written
expr 3 - 3; echo $?; expr x : y; echo $?
#@ expr-division-zero  expr: division by zero is an error
expr 1 / 0 2>/dev/null; [ $? -gt 1 ] && echo error
#@ test-a-o-precedence  test (XSI): -a binds tighter than -o
test 1 -eq 2 -a 1 -eq 1 -o 1 -eq 1 && echo true; test 1 -eq 1 -o 1 -eq 2 -a 1 -eq 2 && echo true2
#@ test-unset-quoted  test: -n and -z of an unset variable, quoted
unset u; test -n "$u" || echo "not -n"; test -z "$u" && echo "-z"
