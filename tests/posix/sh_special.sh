# Shell Command Language, 2.14 Special Built-In Utilities: break, colon,
# continue, dot, eval, exec, exit, export, readonly, return, set, shift,
# times, trap, unset; and how they differ from other utilities
# (assignments before them stay, errors end the shell).
#@ colon  2.14 colon: expands its arguments and returns 0
false; : $((x = 5)) ignored; echo "$? $x"
#@ dot  2.14 dot: commands of a file run in the current environment
printf 'v=from-dot\necho in-dot\n' > inc.sh; . ./inc.sh; echo $v
#@ dot-path  2.14 dot: a name without a slash is searched in PATH
mkdir p; printf 'echo searched\n' > p/inc2; PATH="$PWD/p:$PATH"; . inc2
#@ dot-status  2.14 dot: the status is that of the last command
printf 'false\n' > f.sh; . ./f.sh; echo $?
#@ eval  2.14 eval: the arguments are joined and run as a command
x='echo evaluated'; eval "$x"; eval 'y=1;' 'echo $y'
#@ eval-empty  2.14 eval: no arguments gives 0
false; eval; echo $?
#@ exec-command  2.14 exec: replaces the shell
exec echo replaced; echo not reached
#@ exec-fd  2.14 exec: opens descriptors in the current shell
exec 3> f; echo via3 >&3; exec 3>&-; cat f
#@ exit-status  2.14 exit: ends the shell with n
sh -c 'exit 5'; echo $?
#@ exit-default  2.14 exit: without n, the status of the last command
sh -c 'false; exit'; echo $?
#@ exit-trap  2.14 exit: an EXIT trap runs first
sh -c 'trap "echo trapped" EXIT; exit 3'; echo $?
#@ export-p  2.14 export: -p lists in a form that can be read again
export MYV='a b'; export -p | grep MYV= > saved; unset MYV; . ./saved; echo "[$MYV]"; sh -c 'echo "[$MYV]"'
#@ export-assign  2.14 export: name=word assigns and exports
export E2=val; sh -c 'echo $E2'
#@ readonly  2.14 readonly: the value cannot change or be unset
readonly R=1; (R=2) 2>/dev/null || echo "cannot assign"; (unset R) 2>/dev/null || echo "cannot unset"; echo $R
#@ readonly-p  2.14 readonly: -p lists readonly variables
readonly RO='x y'; readonly -p | grep RO= > saved; sh -c '. ./saved; echo "[$RO]"; (RO=2) 2>/dev/null || echo still-readonly'
#@ return-value  2.14 return: from a function with n
f() { return 7; echo no; }; f; echo $?
#@ return-dot  2.14 return: ends a dot script
printf 'echo part1\nreturn 3\necho part2\n' > r.sh; . ./r.sh; echo "status $?"
#@ set-params  2.14 set: -- sets the positional parameters
set -- a b c; echo "$# $2"; set --; echo $#
#@ set-list  2.14 set: without arguments lists variables, quoted to be read again
zvar='a b'; set | grep '^zvar=' > saved; unset zvar; . ./saved; echo "[$zvar]"
#@ set-o  2.14 set: -o and +o option names
set -o noglob; case $- in *f*) echo "noglob is -f";; esac; set +o noglob
#@ shift  2.14 shift: shifts positional parameters
set -- a b c d; shift; echo "$*"; shift 2; echo "$*"
#@ shift-too-many  2.14 shift: n greater than $# is an error
sh -c 'set -- a; shift 2; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "error"
#@ times  2.14 times: two lines of user and system times
times | wc -l | tr -d ' '
#@ trap-exit  2.14 trap: the EXIT condition
sh -c 'trap "echo bye" EXIT; echo hello'
#@ trap-signal  2.14 trap: a trapped signal runs the action
sh -c 'trap "echo got USR1" USR1; kill -USR1 $$; echo after'
#@ trap-ignore  2.14 trap: an empty action ignores the signal
sh -c 'trap "" TERM; kill -TERM $$; echo survived'
#@ trap-reset  2.14 trap: - resets to the default
{ sh -c 'trap "echo caught" TERM; trap - TERM; kill -TERM $$; echo not reached'; [ $? -gt 128 ] && echo "killed"; } 2>/dev/null
#@ trap-list  2.14 trap: without operands lists the traps, quoted to be read again
trap 'echo x' INT; trap > saved; trap - INT; . ./saved; kill -INT $$; echo after
#@ trap-numeric  2.14 trap: signal numbers 0 2 are EXIT and INT
sh -c 'trap "echo at exit" 0; echo body'
#@ unset-var  2.14 unset: -v unsets variables
x=1; unset x; echo "[${x-unset}]"; y=2; unset -v y; echo "[${y-unset}]"
#@ unset-func  2.14 unset: -f unsets functions
f() { echo f; }; unset -f f; f 2>/dev/null || echo "gone"
#@ assign-persists  2.14: an assignment before a special builtin stays
x=1; x=2 :; echo $x
#@ break-in-function-loop  2.14 break: inside a loop body
for i in 1 2 3; do if [ $i = 2 ]; then break; fi; echo $i; done; echo "after $i"
#@ continue-n  2.14 continue: continue n resumes the nth enclosing loop
for i in 1 2; do for j in a b; do [ $j = a ] && continue 2; echo no; done; echo no2; done; echo done
#@ exit-trap-status  2.14 trap: $? in the EXIT trap is the exit status, which it keeps
sh -c 'trap "echo in trap \$?" EXIT; exit 3'; echo $?
#@ trap-ignored-inherited  2.14 trap: a signal ignored by the shell stays ignored in children
trap '' USR1; sh -c 'kill -USR1 $$; echo child survived'
#@ shift-zero  2.14 shift: shift 0 changes nothing
set -- a b; shift 0; echo "$*"
#@ set-e-function  2.14 set -e: applies in a function called as a command
sh -c 'set -e; f() { false; echo not reached; }; f; echo not reached either'; echo "status $?"
#@ set-e-and-or  2.14 set -e: the last command of an AND-OR list does count
sh -c 'set -e; true && false; echo not reached'; echo "status $?"
#@ dot-missing  2.14 dot: a file that cannot be found ends a non-interactive shell
sh -c '. ./no_such_file; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ eval-status  2.14 eval: the status of the command
eval 'false'; echo $?; eval '(exit 6)'; echo $?
#@ export-no-value  2.14 export: a name without a value is exported when set
export LATE; LATE=later; sh -c 'echo "$LATE"'
#@ unset-readonly  2.14 unset: a readonly variable cannot be unset
readonly K=1; (unset K) 2>/dev/null || echo failed; echo $K
#@ return-status-default  2.14 return: without n, the status of the last command
f() { (exit 4); return; }; f; echo $?
#@ break-too-many  2.14 break: n larger than the loops leaves them all
for i in 1 2; do for j in 1 2; do break 5; done; echo no; done; echo out
#@ trap-numeric-reset  2.14 trap: a first operand that is a number resets all the conditions
sh -c 'trap "echo t" INT USR1; trap 0 2; trap'
#@ break-not-number  2.14 break: an operand that is not a positive number is an error
for i in 1 2; do x=a; (break $x) 2>/dev/null; [ $? -ne 0 ] && echo error; break; done
#@ set-a  2.14 set -a: every variable assigned is exported
sh -c 'set -a; AV=1; sh -c "echo \$AV"'
#@ special-redirect-empty  2.14: a redirection to "" fails, and ends the shell for a special builtin
sh -c ': > ""; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"; cat 2>/dev/null > "" || echo failed
