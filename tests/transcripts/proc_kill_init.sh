# Process 1 gets only the signals it has a handler for, as on Linux: no
# default action may end or stop it, for its end would be a kernel panic.
# Not even SIGKILL from root: every kill below succeeds and does nothing.
kill -9 1
echo "status $?"
env kill -9 1
echo "status $?"
kill -TERM 1
kill -STOP 1
kill -INT 1
kill -TSTP 1
echo "status $?"
echo "process 1's state: $(ps | grep '^ *1 ' | tr -s ' ' | cut -d ' ' -f 5)"
