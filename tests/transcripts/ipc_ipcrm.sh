# ipcrm names an object by key as the user wrote it, and a shared memory
# segment removed while still attached stays visible to ipcs with the
# status "dest" (and key 0) until its last detach, as on Linux.
echo "--- another user may not remove root's objects, by id or by key"
ipcmk -Q -k 100 > /dev/null
ipcmk -Q -k 101 -p 600 > /dev/null
runas 1000 ipcrm -Q 100
echo "status $?"
runas 1000 ipcrm -Q 0x64 -Q 0x65 -q 0
echo "status $?"
runas 1000 ipcrm -Q 102
echo "status $?"
ipcrm -Q 100 -Q 0x65
echo "status $?"
ipcs -q
echo "--- a segment removed while a writer has it attached"
ipcmk -M 64 -k 0x60 -p 600
ipcmk -S 2 -k 0x61 -p 600
shmdemo -w 0 0 &
until ps | grep -q 'semop 0'; do sleep 0.05; done
ipcrm -m 0
echo "status $?"
ipcs -m
echo "--- its key is free again; its id still answers shmctl"
ipcmk -M 128 -k 0x60
ipcs -m
ipcrm -m 0
echo "status $?"
echo "--- the last detach: gone"
kill $!
wait $!
echo "status $?"
ipcs -m
ipcrm -m 0
echo "status $?"
ipcrm -M 0x60 -s 0
ipcs -m
