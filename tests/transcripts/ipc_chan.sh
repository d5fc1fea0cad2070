# Typed channels (docs/ipc/channels.md): a producer and a consumer in two
# processes, what the calls do at the edges (full, empty, timeout, closed,
# no receiver, the quota), a process killed while it waits in a receive
# (it leaves no channel and no waiter behind: kstat and ps say so), and
# pipes between a parent and a child for comparison. Process ids differ
# from run to run, so none is printed.
echo "--- a producer and a consumer: 100 messages of 1 KiB"
chandemo
echo "status $?"
echo "--- the calls at the edges"
chandemo semantics
echo "status $?"
echo "--- a receiver killed while it waits"
kstat chan
chandemo wait &
until ps | grep -q ' chan [0-9]* recv  *chandemo wait$'; do sleep 0.1; done
kstat chan
ps | grep 'chandemo wait$' | grep -c ' S  *chan [0-9]* recv '
kill $!
wait $!
echo "status $?"
kstat chan
ps | grep -c 'chan [0-9]* recv'
echo "--- the same with SIGKILL"
chandemo wait &
until ps | grep -q ' chan [0-9]* recv  *chandemo wait$'; do sleep 0.1; done
kill -9 $!
wait $!
echo "status $?"
kstat chan timers
ps | grep -c 'chan [0-9]* recv'
echo "--- pipes between a parent and a child"
pipedemo
pipedemo "one line" "and another"
echo "--- mistakes"
chandemo bogus
echo "status $?"
kstat chan bogus
echo "status $?"
