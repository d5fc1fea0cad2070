# The regular builtins of POSIX (and dash's local), checked against dash on
# the host (make host-bin-check HOST_BIN_TESTS='posix_*'): alias, cd and
# pwd, command, type, getopts and OPTIND, hash, local, read, umask,
# echo, printf, test, kill, wait, ulimit.
echo "--- alias"
alias ll='ls -l' a2=x
alias ll; alias | grep -c .
unalias ll a2; alias ll 2>/dev/null; echo "unalias: $?"
echo "--- cd and pwd"
mkdir -p /tmp/posix_cd/sub/deep
cd -- /tmp/posix_cd; pwd
cd sub; cd ..; pwd
cd /; cd - > /dev/null; echo "cd -: $PWD, OLDPWD=$OLDPWD"
CDPATH=/tmp/posix_cd; cd deep 2>/dev/null || cd sub; pwd; unset CDPATH
cd /no/such/dir 2>/dev/null; echo "cd to nowhere: $?"; pwd
cd /; rm -rf /tmp/posix_cd
echo "--- command and type"
f() { echo function; }
echo() { printf 'wrapped: %s\n' "$*"; }
echo hello
command echo plain
unset -f echo
command -v cd; command -v f; command -v no_such_cmd; echo "not found: $?"
type f
type cd; type if; type export
command -v command
hash cat; echo "hash: $?"; hash -r; hash no_such_cmd 2>/dev/null; echo "hash of nothing: $?"
echo "--- getopts"
set -- -a -b value -c rest
while getopts ab:c opt; do echo "opt=$opt arg=${OPTARG-}"; done
echo "OPTIND=$OPTIND"; shift $((OPTIND - 1)); echo "left: $*"
OPTIND=1; set -- -x
getopts a opt 2>/dev/null; echo "unknown: $opt ${OPTARG-unset}"
OPTIND=1; getopts :a opt; echo "silent: $opt $OPTARG"
OPTIND=1; set -- -ab; getopts ab o; getopts ab p; echo "grouped: $o $p $OPTIND"
OPTIND=1; set -- -- -a; getopts a opt; echo "after --: $? $OPTIND"
echo "--- local"
v=global
f() { local v=local; echo "in f: $v"; g; }
g() { echo "g sees: $v"; }
f; echo "after: $v"
h() { local u; echo "local alone: [${u-unset}]"; }; h
echo "--- read"
printf 'one two three\n' | { read a b; echo "a=$a b=$b"; }
printf 'no newline' | { read x; echo "status $? x=$x"; }
printf 'a\\\nb\n' | { read x; echo "joined: $x"; }
printf 'a\\b\n' | { read -r x; echo "raw: $x"; }
printf 'x:y:z\n' | { IFS=: read a b; echo "a=$a b=$b"; }
echo "--- umask"
umask 022; umask; umask -S
umask g-w,o=; umask; umask a=rx; umask -S; umask 022
echo "--- echo and printf"
echo -n 'no newline '; echo 'tab\there' '\c' never
printf '%s|%5s|%-5s|%d|%03d|%x|%o|%c|%%\n' s r l 42 7 255 8 char
printf '%s\n' a b c
printf 'x%dy\n' 1 2
printf '%b\n' 'a\tb' 'octal \0101'
printf '%d\n' "'A"
printf '%d\n' 12abc 2>/dev/null; echo "bad number: $?"
echo "--- test"
test 1 -eq 1 && [ a = a ] && [ ! -z x ] && [ -n x ] && echo basic
[ 2 -lt 10 ] && [ b \> a ] && echo compare
[ -d / -a -f /no/such ] || echo and-or
[ \( 1 = 1 \) ] && echo parens
[ -f = ] && echo "three args compare strings"
[ 1 -eq x ] 2>/dev/null; echo "bad number: $?"
echo "--- kill, wait, ulimit"
kill -l 15
sleep 10 & kill $!; wait $! 2>/dev/null; echo "killed: $?"
(exit 4) & wait $!; echo "waited: $?"
ulimit -f > /dev/null; echo "ulimit: $?"
