# Lists: ; && || & and newlines; background jobs, $!, wait, jobs.
echo one; echo two
true && echo "and: runs after success"
false && echo "and: never"
false || echo "or: runs after failure"
true || echo "or: never"
false || false || echo "chain of or"
true && false || echo "and then or"
false && echo no || echo "or after a failed and"
echo "status of a failed && list: $(false && true; echo $?)"
echo a &&
  echo "continued after &&"
echo b ||
  echo never
sleep 2 &
first=$!
[ -n "$first" ] && echo "\$! is set"
jobs
wait $first; echo "waited for \$!: status $?"
jobs
(exit 3) &
wait $!; echo "background status: $?"
sh -c 'kill -TERM $$' & wait $!; echo "killed background job: $?"
echo "jobs run concurrently:"
d=/tmp/sh_lists; rm -rf $d; mkdir $d
{ sleep 2; echo slow > $d/slow; } &
echo fast > $d/fast
[ -f $d/slow ] || echo "the background job has not finished yet"
wait
cat $d/fast $d/slow
sleep 10 & sleep 10 &
jobs
kill %1 %2
wait %1; echo "wait %1: $?"
wait; echo "wait: $?"
jobs
echo "background output, then wait:"
echo from-background & wait
for i in 1 2 3; do echo "job $i" > $d/$i & done; wait; cat $d/1 $d/2 $d/3
wait 99999; echo "wait for a stranger: $?"
wait %9; echo "wait for no job: $?"
rm -r $d
