# timeout (statuses 124 and 137, -s, -k, --preserve-status), nice, nohup.
rm -rf /tmp/proc_tnn.d && mkdir /tmp/proc_tnn.d && cd /tmp/proc_tnn.d
echo "--- timeout"
timeout 5 true; echo "status $?"
timeout 5 false; echo "status $?"
timeout 0.2 sleep 5; echo "status $?"
timeout -s KILL 0.2 sleep 5; echo "status $?"
timeout --preserve-status 0.2 sleep 5; echo "status $?"
timeout -k 0.2 0.2 sleep 5; echo "status $?"
timeout 5 sh -c 'exit 3'; echo "status $?"
timeout 5 nosuchcommand; echo "status $?"
timeout x sleep 1; echo "status $?"
timeout; echo "status $?"
echo "--- nice"
nice
nice echo runs
nice -n 5 echo with -n
nice -5 echo obsolescent
nice nosuchcommand; echo "status $?"
echo "--- nohup"
nohup echo not a terminal: no nohup.out
[ -e nohup.out ] && echo "nohup.out made" || echo "no nohup.out"
nohup sh -c 'kill -HUP $$; echo survived'
nohup; echo "status $?"
cd /tmp && rm -r /tmp/proc_tnn.d
