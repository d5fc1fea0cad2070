# System V message queues from the shell: ipcmk, ipcs and ipcrm (with
# util-linux's output and messages), the msgdemo request/response program,
# other users refused through runas, and processes that wait in msgrcv
# while their queue is removed or they are killed.
#
# Every transcript runs on a freshly booted system, where the first queue
# gets id 0 and the next ones 1, 2, ...: the ids below are known in advance.
# ipcmk picks a random key unless -k gives one, so the one queue made with
# a random key is shown without its key column (cut -c 12-).
echo "--- nothing yet"
ipcs -q
echo "--- ipcmk -Q"
ipcmk -Q -k 0x2a
ipcmk -Q -k 0x2b -p 600
ipcs -q
echo "--- ipcmk -Q with a random key"
ipcmk -Q
ipcs -q | tail -n 2 | cut -c 12-
echo "--- ipcrm by id and by key"
ipcrm -q 2
ipcrm -q 0
echo "status $?"
ipcrm -Q 0x2b
echo "status $?"
ipcs -q
echo "--- ipcrm: errors"
ipcrm -q 0
echo "status $?"
ipcrm -Q 0x2b
echo "status $?"
ipcrm -Q 0
echo "status $?"
ipcrm -q abc
echo "status $?"
ipcrm -x
echo "status $?"
ipcrm -q
echo "status $?"
ipcmk
echo "status $?"
echo "--- request and response over one queue: requests are type 1, replies type 2"
msgdemo
ipcs -q
echo "--- a 600 queue is root's: another user gets EACCES, EPERM from ipcrm, and no line in ipcs"
ipcmk -Q -k 0x600 -p 600
runas 1000 msgdemo -c 4 hello
echo "status $?"
runas 1000 ipcrm -q 4
echo "status $?"
runas 1000 ipcs -q
ipcrm -q 4
echo "--- a client waits for a reply that never comes; its request stays queued"
ipcmk -Q -k 0x5e
msgdemo -c 5 hello &
sleep 0.5
ps > ps.tmp
grep 'msgq 5 recv' ps.tmp | grep -c 'msgdemo -c 5 hello$'
ipcs -q
echo "--- killed while it waits: the process is gone, the queue stays"
kill $!
wait $!
echo "status $?"
ps > ps.tmp
grep -c msgdemo ps.tmp
ipcs -q
ipcrm -q 5
echo "--- a server waits; removing its queue wakes it with EIDRM"
ipcmk -Q -k 0x5f
msgdemo -s 6 &
sleep 0.5
ps > ps.tmp
grep -c 'msgq 6 recv' ps.tmp
ipcrm -q 6
wait $!
echo "status $?"
ps > ps.tmp
grep -c msgdemo ps.tmp
ipcs -q
rm ps.tmp
