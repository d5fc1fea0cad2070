# trap: actions on signals and at exit; '' ignores (for children too);
# - restores the default.
tmp=/tmp/sh_trap.tmp
trap 'echo "exit trap: removing the file"; rm -f $tmp' EXIT
touch $tmp
trap 'echo "USR1 arrived"' USR1
kill -USR1 $$
echo "the script goes on after the trap"
trap
trap - USR1
trap '' TERM
kill -TERM $$
echo "TERM is ignored"
sh -c 'kill -TERM $$; echo "a child ignores it too"'
trap - TERM
sh -c 'kill -TERM $$; echo never'; echo "TERM kills again: $?"
sh -c 'trap "echo child exit trap" EXIT; echo child; exit 4'; echo "status $?"
sh -c 'trap "echo trap says bye; exit 9" INT; kill -INT $$; echo never'; echo "status $?"
trap 'echo bad' NOSUCHSIGNAL; echo "bad signal: $?"
echo "last line of the script"
