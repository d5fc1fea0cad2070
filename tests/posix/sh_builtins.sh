# Shell Command Language and the utilities the shell must provide itself
# (XCU: cd, read, getopts, command, umask, wait, kill, alias, unalias,
# true, false, pwd, type, hash, fc is left out: it is interactive).
#@ cd-pwd  cd: changes the directory and sets PWD, OLDPWD
mkdir -p a/b; cd a/b; echo "${PWD##*/}"; cd ../..; echo "${OLDPWD##*/}"
#@ cd-dash  cd: - goes to OLDPWD and writes its name
mkdir x y; cd x; cd ../y; cd - > /dev/null; echo "${PWD##*/}"
#@ cd-home  cd: without an operand goes to HOME
mkdir h; HOME=$PWD/h; cd; echo "${PWD##*/}"
#@ cd-fail  cd: a missing directory fails and keeps the directory
here=$PWD; cd ./nonexistent 2>/dev/null || echo failed; [ "$PWD" = "$here" ] && echo unchanged
#@ cd-dotdot-logical  cd: -L (the default) treats .. logically
mkdir -p top/real/sub; cd top; ln -s real/sub link; cd link; cd ..; echo "${PWD##*/}"
#@ pwd-p  pwd: -P resolves symbolic links
mkdir r; ln -s r l; cd l; pwd | sed 's,.*/,,'; pwd -P | sed 's,.*/,,'
#@ read-fields  read: splits into the variables, the last takes the rest
echo 'a b c d' | { read x y z; echo "$x|$y|$z"; }
#@ read-backslash  read: without -r a backslash escapes, with -r it is kept
printf 'a\\ b c\\\nd\n' | { read x y; echo "$x|$y"; }; printf 'a\\b\n' | { read -r x; echo "$x"; }
#@ read-ifs  read: IFS chooses the delimiters
echo 'a:b:c' | { IFS=: read x y z; echo "$x $y $z"; }
#@ read-eof  read: at end of file the status is above 0
printf 'no-newline' | { read x; echo "status $? [$x]"; }
#@ read-empty-var  read: missing fields leave variables empty
echo one | { read x y; echo "[$x][$y]"; }
#@ read-trim  read: leading and trailing IFS whitespace is removed
echo '   padded   ' | { read x; echo "[$x]"; }
#@ getopts  getopts: options and OPTARG, then OPTIND
set -- -a -b val rest; while getopts ab: opt; do echo "$opt ${OPTARG-}"; done; shift $((OPTIND - 1)); echo "rest: $*"
#@ getopts-grouped  getopts: options grouped in one argument
set -- -ab -cfoo x; while getopts abc: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND
#@ getopts-unknown  getopts: an unknown option gives ? and a message
set -- -z; getopts a o 2>/dev/null; echo "$o"
#@ getopts-silent  getopts: a leading : reports quietly in OPTARG
set -- -z -a; getopts :a: o; echo "$o $OPTARG"; getopts :a: o; echo "$o $OPTARG"
#@ getopts-end  getopts: -- ends the options
set -- -a -- -b; while getopts ab o; do echo $o; done; shift $((OPTIND - 1)); echo "$*"
#@ command-v  command: -v names a builtin, function or path
f() { :; }; command -v cd; command -v f; command -v no_such_cmd_x || echo "not found"
#@ command-bypass  command: runs the utility, not the function
echo() { printf 'function\n'; }; command echo utility
#@ command-special  command: makes a special builtin's errors not fatal
command shift 5 2>/dev/null || echo "failed and continued"
#@ type  type: says what a name is
type cd >/dev/null && echo "cd known"; type no_such_cmd_x >/dev/null 2>&1 || echo "unknown"
#@ umask  umask: sets and shows the mask
umask 027; saved=$(umask); umask 0; umask "$saved"; umask -S
#@ umask-effect  umask: new files get the mode minus the mask
umask 077; touch f; ls -l f | cut -c1-10
#@ umask-symbolic  umask: -S shows the mask symbolically
umask 022; umask -S; umask 0; umask -S
#@ wait-status  wait: the status of the waited process
(exit 3) & p=$!; wait $p; echo $?
#@ wait-all  wait: without operands waits for all
(echo one > a) & (echo two > b) & wait; cat a b
#@ wait-unknown  wait: a pid that is not a child gives 127
wait 999999 2>/dev/null; echo $?
#@ kill-l  kill: -l with a status names the signal
kill -l 143; kill -l 9
#@ kill-job  kill: signals a background process
sleep 10 & p=$!; kill $p; wait $p 2>/dev/null; echo "status $?"
#@ kill-0  kill: signal 0 tests that the process exists
kill -0 $$ && echo exists
#@ kill-s  kill: -s NAME
sleep 10 & p=$!; kill -s KILL $p; wait $p 2>/dev/null; echo "status $?"
#@ alias  2.3.1 Alias Substitution
alias say='echo said'
say it
#@ alias-list  alias: lists in a form for reinput
alias ll='echo from alias'; saved=$(alias ll); unalias ll; eval "alias $saved"
ll
#@ unalias  unalias: removes an alias
alias zz='echo z'; unalias zz; alias zz 2>/dev/null || echo "removed"
#@ alias-trailing-blank  2.3.1: an alias value ending in a blank checks the next word
alias run='echo ' word='expanded'
run word
#@ true-false  true, false
true; echo $?; false; echo $?
#@ hash  hash: remembers locations; -r forgets them
hash -r; echo $?
#@ cd-cdpath  cd: a directory found through CDPATH, whose name cd writes
top=$PWD; mkdir -p base/sub; CDPATH=$PWD/base; cd sub > "$top/out"; echo "${PWD##*/}"; sed 's,.*/,,' "$top/out"
#@ cd-double-dash  cd: -- ends the options
mkdir ./-d; cd -- -d && echo "${PWD##*/}"
#@ ulimit-f  ulimit: -f reports the file size limit
ulimit -f
#@ read-rest-of-line  read: the last variable gets the rest, inner blanks kept
read -r a b <<EOF
 one  two  three 
EOF
echo "[$a] [$b]"
#@ getopts-reset  getopts: OPTIND=1 starts over
set -- -a -b; getopts ab o; OPTIND=1; getopts ab o; echo "$o $OPTIND"
#@ command-assign  command: an assignment before command : does not stay
x=1; x=2 command :; echo $x
