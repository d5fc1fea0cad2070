# Ports and capabilities (docs/ipc/ports.md): an echo service bound to the
# name "echo" and clients calling it; a handle got by looking a name up
# has SEND only and cannot receive; a filter refuses messages (by type, by
# size, by rate) and counts them; a server killed while it waits in a
# receive leaves no port, no handle and no name behind. The servers print
# nothing: only the clients, which run one at a time, do.
echo "--- an echo service and its clients"
kstat port cap
echoserver &
echoclient hello world
echoclient -t 2 shout this
echoclient -t 7 unknown
echo "--- a looked-up handle has SEND only: it cannot receive"
echoclient -R -i
echo "status $?"
echo "--- stop the server"
echoclient -q
wait
echo "server status $?"
kstat port cap
echo "--- a filter: types 0 and 1 only, at most 5 bytes"
echoserver -N picky -t 0,1 -s 5 &
echoclient -N picky short
echoclient -N picky -t 2 short
echo "status $?"
echoclient -N picky toolong
echo "status $?"
echoclient -N picky -i -q
wait
echo "--- a filter: one message a second"
echoserver -N slow -r 1 &
echoclient -N slow one two
echo "status $?"
sleep 1.2
echoclient -N slow -i -q
wait
echo "--- a server killed while it waits in port_recv"
echoserver -N doomed &
until ps | grep -q ' port [0-9]* recv  *echoserver -N doomed$'; do sleep 0.1; done
kstat port cap
kill $!
wait $!
echo "status $?"
kstat port cap
ps | grep -c 'port [0-9]* recv'
echoclient -N doomed -W 0 hello
echo "status $?"
echo "--- mistakes"
echoclient -W 0 hello
echo "status $?"
echoclient -N "a name much longer than thirty-one bytes" -W 0 x
echo "status $?"
echoclient -W 0 -x
echo "status $?"
