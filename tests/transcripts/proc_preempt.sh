# A process that computes forever without making a system call does not keep
# the CPU. On arm64 the timer interrupts it every 10 ms; on the web target the
# build put preemption points in its loops (web/preempt.js), where it
# gives the CPU up when its time slice is over. The shell and every other
# process still get their turns, and signals reach the spinner.
fault spin &
a=$!
fault spin &
b=$!
sleep 0.3
echo "two spinners, and the shell still answers"
seq 1 1000 | wc -l
kill $a $b
wait $a
echo "status $?"
wait $b
echo "status $?"
fault spin & sleep 0.2; kill $!; wait; echo alive
echo '# a stock tool given hard input: backtracking without end'
echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | grep '\(a*\)*\1b' &
sleep 0.2
kill $!
wait $!
echo "grep: status $?"
echo '# stopped, it stays stopped; continued, it computes again'
fault spin &
sleep 0.1
kill -STOP $!
sleep 0.1
ps | grep -c ' T .*fault spin$'
kill -CONT $!
sleep 0.1
ps | grep -c ' R .*fault spin$'
kill -KILL $!
wait $!
echo '# a handler runs where the computation was stopped'
sigcatch -s USR1 > /tmp/spin.out &
pid=$!
until grep -q ready /tmp/spin.out 2>/dev/null; do sleep 0.05; done
kill -USR1 $pid
wait $pid
echo "sigcatch -s: status $?"
cat /tmp/spin.out
rm /tmp/spin.out
echo '# the shell itself, in a loop of builtins, runs its trap'
sh -c 'trap "echo caught TERM; exit" TERM; while :; do :; done' &
sleep 0.2
kill $!
wait $!
