# test and [ (one program under two names): strings, integers, files,
# ! -a -o and parentheses, the POSIX rules by argument count, errors.
# Run through env, so that the programs are tested even where the shell
# has test and [ built in. The status is the answer: 0 true, 1 false,
# 2 error.
rm -rf /tmp/text_test.d
mkdir /tmp/text_test.d
cd /tmp/text_test.d
echo hello > full
printf '' > empty
mkdir dir
mkfifo fifo
echo "--- no argument is false, one argument is true unless empty"
env test
echo "status $?"
env test ''
echo "status $?"
env test hello
echo "status $?"
env test -n
echo "status $?"
env test !
echo "status $?"
echo "--- strings"
env test -n abc
echo "status $?"
env test -z abc
echo "status $?"
env test -z ''
echo "status $?"
env test abc = abc
echo "status $?"
env test abc == abd
echo "status $?"
env test abc != abd
echo "status $?"
env test abc '<' abd
echo "status $?"
env test abc '>' abd
echo "status $?"
echo "--- integers, of any length"
env test 3 -eq 3
echo "status $?"
env test 3 -ne 3
echo "status $?"
env test -5 -lt 2
echo "status $?"
env test 7 -le 7
echo "status $?"
env test 10 -gt 9
echo "status $?"
env test 9 -ge 10
echo "status $?"
env test ' 42 ' -eq 042
echo "status $?"
env test 123456789012345678901234567890 -gt 99999999999999999999
echo "status $?"
env test -0 -eq 0
echo "status $?"
echo "--- files"
env test -e full
echo "status $?"
env test -e nope
echo "status $?"
env test -f full
echo "status $?"
env test -f dir
echo "status $?"
env test -d dir
echo "status $?"
env test -d full
echo "status $?"
env test -p fifo
echo "status $?"
env test -p full
echo "status $?"
env test -s full
echo "status $?"
env test -s empty
echo "status $?"
env test -r full
echo "status $?"
env test -w full
echo "status $?"
env test -x nope
echo "status $?"
env test full -ef full
echo "status $?"
env test full -ef empty
echo "status $?"
env test full -nt nope
echo "status $?"
env test nope -nt full
echo "status $?"
env test nope -ot full
echo "status $?"
env test -t 9
echo "status $?"
echo "--- ! -a -o and parentheses (-a binds tighter than -o)"
env test ! -e nope
echo "status $?"
env test -f full -a -d dir
echo "status $?"
env test -f full -a -d full
echo "status $?"
env test -f nope -o -d dir
echo "status $?"
env test a = b -o c = c -a d = e
echo "status $?"
env test '(' a = b -o c = c ')' -a d = e
echo "status $?"
env test ! '(' -f full ')'
echo "status $?"
env test ! ! x
echo "status $?"
echo "--- POSIX rules by argument count"
env test -n -a -n
echo "status $?"
env test ! = x
echo "status $?"
env test '(' x ')'
echo "status $?"
env test ! -z x
echo "status $?"
echo "--- [ wants a final ]"
env [ 1 -eq 1 ]
echo "status $?"
env [ abc = def ]
echo "status $?"
env [ ]
echo "status $?"
env [ -d dir -a ! -f dir ]
echo "status $?"
env [ 1 -eq 1
echo "status $?"
echo "--- errors"
env test 1 -eq a
echo "status $?"
env test abc -gt 1
echo "status $?"
env test a b
echo "status $?"
env test a -foo b
echo "status $?"
env test a = b c
echo "status $?"
env test 1 -eq
echo "status $?"
env test '(' a
echo "status $?"
env test '(' a = a b ')'
echo "status $?"
cd /tmp
rm -r /tmp/text_test.d
