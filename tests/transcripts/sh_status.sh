# Exit statuses: 0/1, 127 command not found, 126 not executable, 128+N
# for a signal (with bash's words for it), exit N, set -e.
true; echo "true: $?"
false; echo "false: $?"
nope; echo "not found: $?"
/no/such/program; echo "no such path: $?"
d=/tmp/sh_status; rm -rf $d; mkdir $d
touch $d/plain
$d/plain; echo "not executable: $?"
$d; echo "a directory: $?"
cd $d && ./plain; echo "relative, not executable: $?"
cd /tmp
sh -c 'exit 42'; echo "exit 42: $?"
sh -c 'exit 300'; echo "exit 300: $?"
sh -c 'kill -KILL $$'; echo "SIGKILL: $?"
sh -c 'kill -TERM $$'; echo "SIGTERM: $?"
sh -c 'kill -SEGV $$'; echo "SIGSEGV: $?"
sh -c 'kill -HUP $$'; echo "SIGHUP: $?"
sh -c 'kill -INT $$'; echo "SIGINT, no message: $?"
sh -c 'kill -PIPE $$'; echo "SIGPIPE, no message: $?"
sh -c 'kill -TERM $$' | cat; echo "in a pipeline, not last: $?"
echo x | sh -c 'kill -TERM $$'; echo "last in a pipeline: $?"
yes | head -n 1; echo "yes ended by SIGPIPE, silently: $?"
sh -c 'false; exit'; echo "exit without a number keeps \$?: $?"
sh -c 'exit nonsense'; echo "exit with a bad number: $?"
(exit 7); echo "sub-shell: $?"
f() { return 9; }; f; echo "function: $?"
! f; echo "negated: $?"
sh -c 'set -e; echo before; false; echo never'; echo "set -e: $?"
sh -c 'set -e; false || echo "a condition does not stop set -e"; if false; then :; fi; ! true; echo survived'
sh -e -c 'true && false; echo never'; echo "sh -e: $?"
echo "not found in the middle:"; nope | cat; echo "status: $?"
rm -r $d
