# arm64 only: a process that computes forever without making a system call
# does not keep the CPU. The timer interrupts it every 10 ms, and the shell
# and every other process still get their turns. (The web target cannot
# interrupt WebAssembly code that never calls the kernel.)
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
