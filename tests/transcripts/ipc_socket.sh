# Unix-domain sockets from the shell: nc -U (a listener and a client), the
# socket node in ls -l and stat, the errors of bind and connect, ss -x,
# the poll echo server with three clients and fd passing over a
# socketpair; processes killed while they wait in accept or poll leave no
# socket and no descriptor in flight behind (kstat).
#
# Every transcript runs on a freshly booted system, so sockets are numbered
# from 1 in the order they are made: ss's numbers are known in advance.
# A listener in the background is waited for with test -S, which is true
# once it has bound its name.
cd /tmp
echo "--- nc -U -l and nc -U"
nc -U -l /tmp/s &
while ! test -S /tmp/s; do sleep 0.1; done
echo hi | nc -U /tmp/s
wait $!
echo "status $?"
echo "--- the node stays, as on Linux"
ls -l /tmp/s | cut -c 1-10
stat -c '%F %a %s' /tmp/s
test -S /tmp/s && echo "test -S: a socket"
cat /tmp/s
echo "status $?"
echo "--- a name in use, a name nobody listens on, no name"
nc -U -l /tmp/s
echo "status $?"
echo x | nc -U /tmp/s
echo "status $?"
rm /tmp/s
nc -U /tmp/s
echo "status $?"
nc -U
echo "status $?"
echo "--- connecting needs write permission on the node"
nc -U -l /tmp/s &
while ! test -S /tmp/s; do sleep 0.1; done
echo x | runas 1000 nc -U /tmp/s
echo "status $?"
echo "--- ss -x: a listener waits in accept; then a connection"
ss -x -l
(sleep 5; echo late) | nc -U /tmp/s &
sleep 0.5
ss -x
ss -x -a | wc -l
echo "--- killed while they wait: nothing is left"
kill %1 %2
wait
kstat sock inflight
ss -x -a
rm /tmp/s
echo "--- the poll echo server, three clients at once"
sockecho
kstat sock
echo "--- an open file passed over a socketpair"
fdpass
kstat sock inflight
