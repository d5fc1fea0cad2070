# Semaphores from the shell. POSIX named semaphores with psem (one call per
# run: create, wait, trywait, timedwait, post, value, unlink), the counter
# demo (two processes, one shared counter, with and without a semaphore),
# errors with the system's messages, another user refused, waiters woken by
# a post or killed while they wait - after which nothing remains - and
# System V sets with ipcmk, ipcs and ipcrm.
#
# Every transcript runs on a freshly booted system: the first System V set
# gets id 0. "psem count" prints how many semaphores the kernel holds.
echo "--- two processes, one counter"
counter
echo "status $?"
psem count
echo "--- create, take, give"
psem create /s 2
echo "status $?"
psem value /s
psem wait /s
psem trywait /s
echo "status $?"
psem value /s
psem trywait /s
echo "status $?"
psem post /s
psem post /s
psem value /s
psem count
echo "--- errors"
psem create /s
echo "status $?"
psem value /nosuch
echo "status $?"
psem unlink /nosuch
echo "status $?"
psem create /a/b
echo "status $?"
psem create /
echo "status $?"
psem create /big 2147483648
echo "status $?"
psem create /max 2147483647
psem post /max
echo "status $?"
psem unlink /max
psem create /zero
psem timedwait /zero 0.2
echo "status $?"
psem unlink /zero
psem create /n x
echo "status $?"
psem frob /s
echo "status $?"
psem
echo "status $?"
echo "--- another user: mode 0600 is root's"
runas 1000 psem value /s
echo "status $?"
runas 1000 psem unlink /s
echo "status $?"
echo "--- a waiter is woken by a post"
psem trywait /s
psem trywait /s
psem wait /s &
sleep 0.5
ps > ps.tmp
grep 'sem /s' ps.tmp | grep -c 'psem wait /s$'
psem post /s
wait $!
echo "status $?"
psem value /s
echo "--- killed while it waits in sem_wait: nothing remains"
psem wait /s &
sleep 0.5
ps > ps.tmp
grep 'sem /s' ps.tmp | grep -c 'psem wait /s$'
kill $!
wait $!
echo "status $?"
ps > ps.tmp
grep -c psem ps.tmp
psem post /s
psem value /s
psem unlink /s
psem count
psem value /s
echo "status $?"
echo "--- System V semaphore sets"
ipcs -s
ipcmk -S 3 -k 0x53
ipcmk -S 1 -k 0x54 -p 600
ipcs -s
psem count
ipcrm -s 0
ipcrm -S 0x54
ipcs -s
ipcrm -s 0
echo "status $?"
ipcmk -S 0
echo "status $?"
ipcmk -S 65
echo "status $?"
psem count
rm ps.tmp
