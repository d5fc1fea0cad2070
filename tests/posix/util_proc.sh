# XCU utilities about processes and the environment: env, kill, wait
# (the utilities as well as the shell's), xargs, date (only its
# deterministic parts), sleep, true, false, nohup is left out.
#@ env-print  env: without a utility writes the environment
X_ONE=1 env | grep '^X_ONE='
#@ env-i  env: -i starts with an empty environment
X_TWO=2 env -i sh -c 'echo "[${X_TWO-unset}]"'
#@ env-assign  env: name=value operands are added
env Y=yes sh -c 'echo $Y'
#@ env-i-assign  env: -i with name=value keeps only those
env -i A=1 B=2 env | sort
#@ env-not-found  env: a utility that cannot be found gives 127
env no_such_utility_x 2>/dev/null; echo $?
#@ env-status  env: the utility's status
env sh -c 'exit 4'; echo $?
#@ kill-utility  kill: the utility sends a signal by number and name
sleep 10 & p=$!; env kill -s TERM $p; wait $p 2>/dev/null; echo $?
#@ kill-l-list  kill: -l lists the signal names, HUP INT KILL TERM among them
kill -l | tr ' \t' '\n\n' | grep -x -e HUP -e INT -e KILL -e TERM | sort
#@ kill-numbers  kill: -9 and -HUP, numbers and names POSIX fixes
sleep 10 & p=$!; kill -9 $p; wait $p 2>/dev/null; echo $?; sleep 10 & p=$!; kill -HUP $p; wait $p 2>/dev/null; echo $?
#@ kill-missing  kill: a pid that does not exist is an error
sleep 0 & p=$!; wait $p; kill $p 2>/dev/null || echo failed
#@ wait-order  wait: several pids, the last one's status
(exit 1) & a=$!; (exit 2) & b=$!; wait $a $b; echo $?
#@ wait-background-output  wait: output of background jobs is complete after wait
for i in 1 2 3; do (echo $i > f$i) & done; wait; cat f1 f2 f3
#@ xargs-default  xargs: arguments from standard input
printf 'a b\nc\n' | xargs echo
#@ xargs-n  xargs: -n arguments per command
printf '1 2 3 4 5\n' | xargs -n 2 echo
#@ xargs-I  xargs: -I replaces a string, one line per command
printf 'x\ny\n' | xargs -I {} echo 'item {} end'
#@ xargs-quotes  xargs: quotes and backslashes in the input
printf '"a b" c\\ d '"'e f'"'\n' | xargs -n 1 echo
#@ xargs-empty  xargs: no input runs the utility once
printf '' | xargs echo "ran:"
#@ xargs-status  xargs: 123 if a command fails with 1-125
printf 'a\n' | xargs sh -c 'exit 1' sh; echo $?
#@ xargs-255  xargs: 124 if a command exits with 255
printf 'a\n' | xargs sh -c 'exit 255' sh 2>/dev/null; echo $?
#@ xargs-not-found  xargs: 127 if the utility cannot be found
echo a | xargs no_such_utility_x 2>/dev/null; echo $?
#@ xargs-E  xargs: -E sets the end-of-file string
printf 'a\nb\nSTOP\nc\n' | xargs -E STOP echo
#@ xargs-L  xargs: -L lines per command
printf 'a b\nc\nd e\n' | xargs -L 2 echo
#@ xargs-t  xargs: -t writes each command to standard error
echo a | xargs -t echo 2>err >/dev/null; cat err
#@ xargs-default-echo  xargs: echo when no utility is given
printf 'p q\n' | xargs
#@ date-format  date: + format with %% and literal text
date '+literal %% text'
#@ date-u-zone  date: -u is UTC
date -u +%Z
#@ date-fields  date: the fields of a format have their widths
date -u '+%Y-%m-%d %H:%M:%S' | sed 's/[0-9]/N/g'
#@ date-names  date: %a %b are names
date -u '+%a %b' | grep -c -E '^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$'
#@ sleep  sleep: waits and returns 0
sleep 0; echo $?; sleep 1; echo $?
#@ sleep-bad  sleep: an invalid operand is an error
sleep abc 2>/dev/null || echo failed
#@ true-false-utilities  true, false: the utilities in /bin too
/bin/true; echo $?; /bin/false; echo $?
#@ env-path-search  env: the utility is found by PATH
mkdir b; ln -s "$(command -v expr)" b/myexpr; PATH="$PWD/b:$PATH" env myexpr 1 + 1
#@ env-script  env: an executable file that is not a program is run by the shell (execvp)
printf '#!/bin/sh\necho "script $1"\n' > tool; chmod +x tool; env ./tool arg
#@ xargs-script  xargs: the utility may be a shell script
printf 'echo "script $*"\n' > tool; chmod +x tool; echo a b | xargs ./tool
#@ env-not-executable  env: a utility found but not executable gives 126
printf 'echo x\n' > tool; chmod 644 tool; env ./tool 2>/dev/null; echo $?
#@ env-override  env: a later name=value replaces an earlier one
env A=1 A=2 sh -c 'echo $A'
#@ wait-no-children  wait: with no children returns 0 at once
wait; echo $?
#@ wait-killed  wait: a child killed by a signal gives 128 + the number
sleep 10 & p=$!; kill -TERM $p; wait $p 2>/dev/null; echo $(( $? - 128 ))
#@ kill-l-status  kill: -l with an exit status above 128 names its signal
kill -l 137; kill -l 129
#@ kill-several  kill: several pids at once
sleep 10 & a=$!; sleep 10 & b=$!; kill $a $b; wait $a 2>/dev/null; x=$?; wait $b 2>/dev/null; echo "$x $?"
#@ kill-dash-dash  kill: -- ends the options
sleep 10 & p=$!; kill -s TERM -- $p; wait $p 2>/dev/null; echo $?
#@ xargs-n-exact  xargs: -n with a count that divides the input
printf '1 2 3 4\n' | xargs -n 2 echo
#@ xargs-I-args  xargs: -I replaces in several arguments
printf 'a\n' | xargs -I X echo X-X X
#@ xargs-blank-lines  xargs: blank lines give no arguments
printf '\n\na\n\n' | xargs echo
#@ xargs-n-exceed-I  xargs: -I with blanks inside the line keeps them
printf 'a b\n' | xargs -I {} echo '[{}]'
#@ xargs-stops-255  xargs: stops after a command exits with 255
printf 'a\nb\n' | xargs -n 1 sh -c 'echo $0; exit 255' 2>/dev/null; echo $?
#@ umask-utility  umask: the mask applies to mkdir as well
umask 077; mkdir d; ls -ld d | cut -c1-10
#@ umask-symbolic-set  umask: symbolic operands
umask 000; umask g-w,o-rwx; umask -S
#@ xargs-L-blank  xargs: -L, a line that ends in a blank goes on to the next
printf 'a \nb\nc\n\nd\n' | xargs -L 1 echo
#@ xargs-L-last  xargs: -L, the last command gets the lines that remain
printf '1\n2\n3\n' | xargs -L 2 echo
