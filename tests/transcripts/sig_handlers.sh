# Signals: handlers run inside the process (on both targets), sigsuspend
# waits with the signals unblocked, default actions, 128+N, SIGPIPE, kill -l.
echo '# two handlers; sigsuspend returns after each'
sigcatch -n 2 USR1 USR2 > /tmp/sig.out &
pid=$!
until grep -q ready /tmp/sig.out 2>/dev/null; do sleep 0.05; done
kill -USR1 $pid
kill -USR2 $pid
wait $pid
echo "sigcatch exited with $?"
cat /tmp/sig.out
rm /tmp/sig.out
echo '# default actions: terminate (128+N), and a stopped job killed'
sleep 10 &
kill -TERM $!
wait $!
echo "sleep: $?"
sleep 10 &
kill -STOP $!
kill -KILL $!
wait $!
echo "stopped sleep: $?"
echo '# a writer whose reader is gone dies of SIGPIPE'
sh -c 'yes; echo "yes: $?" >&2' | head -n 2
echo '# names and numbers'
kill -l 13
kill -l 141
kill -l PIPE
kill -l 99 2>&1
echo "status $?"
