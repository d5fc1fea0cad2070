# tail -f: a growing file, a FIFO across two writers, --pid, and a file
# that shrinks; -f on a pipe is ignored.
rm -rf /tmp/text_tail_follow.d && mkdir /tmp/text_tail_follow.d && cd /tmp/text_tail_follow.d
printf 'one\ntwo\n' > log
tail -f -s 0.1 log > out &
t=$!
sleep 1
echo three >> log
echo four >> log
sleep 1
kill $t
wait $t 2>/dev/null
echo "--- the file, followed"
cat out
echo "--- a FIFO"
mkfifo pipe
tail -f -s 0.1 pipe > fifo_out &
t=$!
echo first > pipe
sleep 1
echo second > pipe
sleep 1
kill $t
wait $t 2>/dev/null
cat fifo_out
echo "--- --pid: tail stops when the process has ended"
sleep 1 &
p=$!
tail -f -s 0.1 --pid=$p log
echo "tail ended"
echo "--- a pipe is not followed"
printf 'x\ny\n' | tail -f -n 1
echo "--- a file that shrinks"
printf '1\n2\n3\n' > short
tail -f -s 0.1 -n 1 short > short_out 2> short_err &
t=$!
sleep 1
printf 'new\n' > short
sleep 1
kill $t
wait $t 2>/dev/null
cat short_out
cat short_err
cd /tmp && rm -r /tmp/text_tail_follow.d
