# A pipe the shell cannot make (every descriptor taken: EMFILE) breaks the
# whole pipeline, as in bash: "pipe error", none of it runs - a stage
# already started is killed - and a script stops there with status 1.
# (A shell test, but not an sh_* one: on a host, the programs a full
# descriptor table starts cannot even load their shared libraries.)
echo "--- the second pipe fails: the first stage was started, and is killed"
(
  i=3
  while [ $i -lt 64 ]; do eval "exec $i</dev/null"; i=$((i+1)); done
  exec 62<&- 63<&-
  { sleep 1; echo first stage ran >&2; } | cat | echo last stage ran
  echo "not reached"
)
echo "status $?"
sleep 2
echo "--- the first pipe fails: nothing starts"
(
  i=3
  while [ $i -lt 64 ]; do eval "exec $i</dev/null"; i=$((i+1)); done
  echo one | echo two
  echo "not reached"
)
echo "status $?"
echo "--- command substitution"
(
  i=3
  while [ $i -lt 64 ]; do eval "exec $i</dev/null"; i=$((i+1)); done
  x=$(echo one)
  echo "status $? [$x]"
)
echo "--- with descriptors to spare, the same pipeline runs"
(
  i=3
  while [ $i -lt 60 ]; do eval "exec $i</dev/null"; i=$((i+1)); done
  echo one | cat | cat
)
