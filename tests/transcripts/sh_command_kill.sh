# command takes away what is special about a special builtin: its error
# is only a status, and the script goes on (POSIX 2.14); without command
# the same error ends a script. The kill builtin: signal 0, -- before the
# operands, and -l's names one a line without SIG, as dash's.
echo "--- command: errors of special builtins are not fatal"
command shift 5 2>/dev/null; echo "shift: $?"
command set -o no_such_option 2>/dev/null; echo "set: $?"
command . /no/such/file 2>/dev/null; echo "dot: $?"
readonly r=1
command export r=2 2>/dev/null; echo "export: $?"
command eval 'shift 5' 2>/dev/null; echo "eval: $?"
echo "--- without command, the script ends"
sh -c 'shift 5; echo not reached' 2>/dev/null; echo "sh: $?"
sh -c 'command shift 5; echo reached' 2>/dev/null; echo "sh: $?"
echo "--- kill -0: does the process exist"
kill -0 $$ && echo exists
kill -s 0 $$ && echo exists
sleep 0 & p=$!; wait $p; kill -0 $p 2>/dev/null || echo "gone: $?"
echo "--- kill -- PID"
sleep 10 & p=$!; kill -s TERM -- $p; wait $p 2>/dev/null; echo "status $?"
sleep 10 & p=$!; kill -- $p; wait $p 2>/dev/null; echo "status $?"
echo "--- kill -l"
kill -l | grep -x -e HUP -e INT -e KILL -e TERM
kill -l | grep -c SIG
kill -l 130
kill -l 9
kill -l -- 15
