# POSIX message queues from the shell: the priority job queue demo
# (mqjobs), a queue as a file of /dev/mqueue (ls -l, its status line, rm),
# and a process killed while it waits in mq_receive, which leaves nothing
# behind (kstat's mq and mqmsg count queues and their messages).
cd /tmp
echo "--- a dispatcher and a worker, the most urgent job first"
mqjobs
kstat mq mqmsg
echo "--- the queue left in /dev/mqueue"
mqjobs -d
ls /dev/mqueue
stat -c '%F %a %s %n' /dev/mqueue/mqjobs
cat /dev/mqueue/mqjobs
ipcs -a | grep -e '^name ' -e mqjobs
kstat mq mqmsg
mqjobs -r
mqjobs -r
kstat mq mqmsg
rm /dev/mqueue/mqjobs
kstat mq mqmsg
echo "--- a taker waits for a job; killed, it leaves nothing"
mqjobs -r &
while ! test -e /dev/mqueue/mqjobs; do sleep 0.1; done
sleep 0.3
ps > ps.tmp
grep -c 'mq .* recv' ps.tmp
kill $!
wait $!
echo "status $?"
rm /dev/mqueue/mqjobs ps.tmp
echo "--- more workers than the queue has room for stops: all eight jobs done"
mqjobs -w 8 | grep -c priority
kstat mq mqmsg
