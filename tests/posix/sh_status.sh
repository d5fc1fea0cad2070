# Shell Command Language, 2.8 Exit Status and Errors, 2.8.1 Consequences of
# Shell Errors (a non-interactive shell), 2.9.1.1 Command Search and
# Execution. Only whether a shell exits and the statuses POSIX fixes are
# compared, not the wording of messages.
#@ not-found  2.8.2 Exit Status for Commands: a command not found is 127
no_such_command_here; echo "status $?"
#@ not-executable  2.8.2: a command found but not executable is 126
printf 'echo hi\n' > script; chmod 644 script; ./script; echo "status $?"
#@ signal-status  2.8.2: a command ended by a signal has a status above 128
{ sh -c 'kill -TERM $$'; s=$?; } 2>/dev/null; [ $s -gt 128 ] && echo "above 128: $((s - 128))"
#@ exit-status-range  2.8.2: exit n gives n modulo 256
sh -c 'exit 300'; echo $?
#@ syntax-error  2.8.1: a syntax error in a script ends it
printf 'echo before\nif then fi\necho after\n' > s.sh; sh s.sh 2>/dev/null; [ $? -ne 0 ] && echo "non-zero"
#@ special-redirect-error  2.8.1: a redirection error of a special builtin ends the shell
sh -c ': < nonexistent; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ regular-redirect-error  2.8.1: a redirection error of another utility does not
sh -c 'cat < nonexistent; echo continued' 2>/dev/null
#@ special-usage-error  2.8.1: a special builtin's usage error ends the shell
sh -c 'shift 5; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ regular-usage-error  2.8.1: another utility's usage error does not
sh -c 'cd /nonexistent/dir; echo continued' 2>/dev/null
#@ expansion-error  2.8.1: an expansion error ends a non-interactive shell
sh -c 'unset x; echo ${x?}; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ readonly-assign  2.8.1: assigning to a readonly variable ends the shell
sh -c 'readonly r=1; r=2; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ not-found-continues  2.8.1: a command not found does not end the shell
sh -c 'no_such_command_here; echo continued' 2>/dev/null
#@ sh-c-args  sh: -c command_string [command_name [argument...]]
sh -c 'echo "$0 $1 $2 $#"' name one two
#@ sh-stdin  sh: commands read from standard input with -s
echo 'echo "from stdin $1"' | sh -s arg
#@ sh-script-args  sh: a script file and its arguments
printf 'echo "$# $1"\n' > s.sh; sh s.sh a b
#@ sh-e  2.14 set -e: a failing simple command ends the shell
sh -c 'set -e; true; false; echo not reached'; echo "status $?"
#@ sh-e-exempt  2.14 set -e: not in an if condition, && list or ! pipeline
sh -c 'set -e; if false; then :; fi; false && :; ! true; echo survived'
#@ sh-u  2.14 set -u: expanding an unset parameter is an error
sh -c 'set -u; unset z; echo "$z"; echo not reached' 2>/dev/null; [ $? -ne 0 ] && echo "shell exited"
#@ sh-n  2.14 set -n: read commands but do not execute them
sh -n -c 'echo not run'; echo "status $?"
#@ sh-x  2.14 set -x: trace to standard error
sh -c 'set -x; : traced' 2>&1 | grep -c traced
#@ search-path  2.9.1.1: PATH is searched for a name without a slash
mkdir bin; printf '#!/bin/sh\necho found-in-path\n' > bin/mycmd; chmod +x bin/mycmd; PATH="$PWD/bin:$PATH"; mycmd
#@ slash-no-search  2.9.1.1: a name with a slash is not searched for
mkdir bin; printf '#!/bin/sh\necho run\n' > bin/c2; chmod +x bin/c2; bin/c2; c2 2>/dev/null; echo "status $?"
#@ script-no-shebang  2.9.1.1: an executable without #! is run by the shell
printf 'echo no-shebang\n' > s2; chmod +x s2; ./s2
#@ function-before-path  2.9.1.1: a function is found before a utility
cat() { echo "function cat"; }; cat /dev/null
