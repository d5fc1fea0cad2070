# System V shared memory from the shell: the shmdemo frame buffer (a writer
# draws, a reader attached read-only shows), the shared ring of the C
# library (ringdemo), segments made and removed with ipcmk and ipcrm and
# listed by ipcs (with util-linux's output), errors, another user refused,
# and a process killed while it holds a segment and waits on a semaphore.
#
# Every transcript runs on a freshly booted system, where the first segment
# and the first semaphore set both get id 0, the next ones 1, 2, ...:
# shmdemo and ringdemo each use one of each, so the ids below are known.
echo "--- nothing yet"
ipcs -m
echo "--- a frame buffer in shared memory"
shmdemo
echo "status $?"
echo "--- a ring of 4 slots between a producer and a consumer"
ringdemo
echo "status $?"
ipcs -m
echo "--- ipcmk -M, ipcs -m, ipcrm -m and -M"
ipcmk -M 5000 -k 0x51
ipcmk -M 1 -k 0x52 -p 600
ipcs -m
ipcrm -m 2
echo "status $?"
ipcrm -M 0x52
echo "status $?"
ipcs -m
echo "--- errors"
ipcrm -m 2
echo "status $?"
ipcrm -M 0x52
echo "status $?"
ipcmk -M 0
echo "status $?"
ipcmk -M 5000000
echo "status $?"
shmdemo -w 2 0
echo "status $?"
shmdemo -w 1x 0
echo "status $?"
shmdemo extra
echo "status $?"
echo "--- a 600 segment is root's: another user may not attach it or remove it"
ipcmk -M 64 -k 0x60 -p 600
ipcmk -S 2 -k 0x61 -p 600
runas 1000 shmdemo -w 4 2
echo "status $?"
runas 1000 ipcrm -m 4
echo "status $?"
echo "--- a writer attaches, then waits for its turn; killed, it detaches"
shmdemo -w 4 2 &
sleep 0.5
ipcs -m | grep 0x00000060
ps > ps.tmp
grep 'semop 2' ps.tmp | grep -c 'shmdemo -w 4 2$'
kill $!
wait $!
echo "status $?"
ps > ps.tmp
grep -c shmdemo ps.tmp
ipcs -m | grep 0x00000060
ipcrm -m 4 -s 2
ipcs -m
ipcs -s
rm ps.tmp
