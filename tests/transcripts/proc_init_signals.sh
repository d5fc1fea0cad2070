# Process 1 gets only the signals it has handlers for, as on Linux: a
# signal whose action would be the default (SIGKILL and SIGSTOP included)
# is dropped, and root's kill still succeeds. Another user may not signal
# init at all. The machine goes on, and init still reaps orphans.
kill -9 1
echo "kill -9 1: status $?"
kill 1
echo "kill 1: status $?"
kill -INT 1
echo "kill -INT 1: status $?"
kill -STOP 1
echo "kill -STOP 1: status $?"
env kill -HUP 1
echo "env kill -HUP 1: status $?"
runas 1000 kill -9 1
echo "runas 1000 kill -9 1: status $?"
echo alive
ps | grep '^ *1 ' | tr -s ' ' | cut -d ' ' -f 5,6
