# pgrep, pkill, killall on processes this script starts under a name of
# its own (a copy of sleep), so that nothing else is touched.
rm -rf /tmp/proc_pgrep.d && mkdir /tmp/proc_pgrep.d && cd /tmp/proc_pgrep.d
cp "$(which sleep)" dxnapper
./dxnapper 30 & a=$!
./dxnapper 31 & b=$!
sleep 0.2
echo "--- pgrep"
pgrep dxnapper | wc -l
pgrep -c dxnapper
pgrep -x dxnapp; echo "status $?"
pgrep -c -x dxnapper
pgrep -l dxnapper | sed 's/^[0-9]* //' | sort -u
pgrep -f 'dxnapper 31' | grep -c "^$b$"
pgrep -n dxnapper | grep -c "^$b$"
pgrep -o dxnapper | grep -c "^$a$"
pgrep -d, dxnapper | grep -c ,
pgrep -P $$ dxnapper | wc -l
pgrep nosuchprocess; echo "status $?"
pgrep; echo "status $?"
echo "--- pkill"
pkill -f 'dxnapper 30'; echo "status $?"
wait $a; echo "killed by signal $(( $? - 128 ))"
pkill nosuchprocess; echo "status $?"
echo "--- killall"
killall -q nosuchprocess; echo "status $?"
killall nosuchprocess; echo "status $?"
killall -s KILL dxnapper; echo "status $?"
wait $b; echo "killed by signal $(( $? - 128 ))"
pgrep -c dxnapper; echo "status $?"
killall -l | grep -c TERM
echo "--- group and session 0 are pgrep's own; killall -w waits for the deaths"
./dxnapper 32 & c=$!
./dxnapper 33 &
sleep 0.2
pgrep -s 0 dxnapper | grep -c "^$c$"
pgrep -g 0 dxnapper | wc -l
killall -w dxnapper; echo "status $?"
pgrep -c dxnapper; echo "status $?"
cd /tmp && rm -r /tmp/proc_pgrep.d
