# The bash extensions a student types every day, which Duplex's sh has
# beside POSIX - and which `sh --posix` or `set -o posix` turns off:
# brace expansion, ${x:1:2} ${x/a/b} ${x^} ${x,,} ${!x}, $'...', <<<,
# [[ ]], (( )) and for (( )), let, printf -v, time, $RANDOM, $LINENO, $PPID, type,
# command -v, history, function NAME.
echo "--- braces"
echo {1..5} {a,b}c x{1..3..2} {05..07} {c..a} "{a,b}" {x}
echo pre{A,B{1,2}}post
echo "--- \${...} operators"
x=hello; echo ${x:1:2} ${x:2} ${x: -3} ${x/l/L} ${x//l/L} ${x/#h/H} ${x/%o/O}
echo ${x^} ${x^^} ${x,} X${x^^l}; y=WORLD; echo ${y,,} ${y,}
name=x; echo ${!name}
echo "--- quoting and input"
echo $'tab:\t| newline:\n| quote:\' hex:\x41 octal:\101'
cat <<< "here-string $x"
read a b <<< "one two"; echo "$b $a"
echo "--- [[ ]] and (( ))"
[[ $x == h* ]] && echo "pattern match"
[[ $x != "h*" ]] && echo "quoted: no pattern"
[[ -n $x && ( 1 -lt 2 || x > y ) ]] && echo "and, or, parens"
v="a b"; [[ $v = "a b" ]] && echo "no word splitting"
(( 2 + 2 == 4 )) && echo "arithmetic command"
(( 0 )); echo "(( 0 )): $?"
n=0; for ((i = 0; i < 4; i++)); do n=$((n + i)); done; echo "for ((;;)): $n"
let "z = 6 * 7"; echo "let: $z"
printf -v pv '%s-%03d' a 7; echo "printf -v: $pv"
echo "--- keywords, variables, builtins"
{ time true; } 2>&1 | grep -c real
function greet { echo "function keyword: $1"; }
greet hi
r1=$RANDOM; r2=$RANDOM; [ "$r1" -ge 0 ] && [ "$r1" -le 32767 ] && [ "$r1" != "$r2" ] && echo "RANDOM"
echo "LINENO: $LINENO"
[ "$PPID" -gt 0 ] && echo "PPID"
type type; command -v greet; type greet
echo 'echo "sourced: $1"' > /tmp/sh_bash.src; source /tmp/sh_bash.src arg; rm /tmp/sh_bash.src
exec 5>/tmp/sh_bash.fd; exec 6>&5-; echo "moved to 6" >&6; exec 6>&-
(echo x >&5) 2>/dev/null || echo "5 was closed by the move"; cat /tmp/sh_bash.fd; rm /tmp/sh_bash.fd
history; echo "history of a script: $?"
echo "--- sh --posix and set -o posix turn them off"
sh --posix -c 'echo {1,2} "${x-unset}"; type [[ 2>/dev/null || echo "no [["'
sh -c 'set -o posix; echo {a,b}'
