# kill (-l, -SIGNAL, -s SIGNAL, -NUMBER, errors), ps (its columns, and the
# state letters R, S and T of real processes) and sleep. The shell has a
# kill of its own: "env kill" runs the program. Process ids differ from
# run to run: the background sleep's pid is taken from ps's output (the
# first word of its line) and handed to kill by xargs.
echo "--- kill -l"
env kill -l
env kill -l 9
env kill -l 137
env kill -l KILL SIGTERM usr1
env kill -l 99
echo "status $?"
echo "--- kill: errors"
env kill
echo "status $?"
env kill -s
echo "status $?"
env kill -FOO 1
echo "status $?"
env kill -s BAR 1
echo "status $?"
env kill abc
echo "status $?"
env kill 999999999
echo "status $?"
env kill -9 -- -999999999
echo "status $?"
echo "--- ps: the header, and ps itself, running"
ps | head -n 1 | tr -s ' '
ps > ps.tmp
grep ' ps$' ps.tmp | tr -s ' ' | grep -c ' R - ps$'
echo "--- a sleeping process: stopped, continued, killed"
sleep 47 &
sleep 0.5
ps > ps.tmp
grep 'sleep 47$' ps.tmp | grep -c ' S '
grep 'sleep 47$' ps.tmp | xargs -n 1 > words.tmp
head -n 1 words.tmp > pid.tmp
xargs env kill -STOP < pid.tmp
echo "status $?"
sleep 0.5
ps | grep 'sleep 47$' | grep -c ' T '
xargs env kill -s CONT < pid.tmp
sleep 0.5
ps | grep 'sleep 47$' | grep -c ' S '
xargs env kill -9 < pid.tmp
echo "status $?"
sleep 0.5
ps | grep 'sleep 47$' | grep -c ' [STR] '
rm ps.tmp words.tmp pid.tmp
echo "--- sleep"
sleep 0.2
echo "status $?"
sleep 0.1 0.1s
echo "status $?"
sleep
echo "status $?"
sleep 1x
echo "status $?"
sleep -1
echo "status $?"
