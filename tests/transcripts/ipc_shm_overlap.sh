# Where a process's shared-memory segments are is the kernel's to decide,
# and no two of them may overlap: after A and B are attached and A is
# detached, an ordinary user may put one segment where A was, but not a
# second one there, nor one over B (EINVAL, as on Linux). The kernel and the
# platform then agree on every detach, and once every segment is removed no
# copy of one is left to be written into kernel memory at a switch: the
# kernel's counts are back where they were.
#
# kstat reads them alone, once every other process has gone to sleep: the
# subshell starts it only after a sleep, by which time the shell waits for
# it. (Read from a pipeline, as $(kstat | sed ...) did, the counts depended
# on how far the others had got: whether sed had been started yet, whether
# the subshell of $( ) already waited for its children - one process more
# or less, one waiting more or less, either way round.)
counts() { ( sleep 0.1; exec kstat ) > /tmp/kstat; cat /tmp/kstat; rm /tmp/kstat; }
before=$(counts)
runas 1000 fault shm
echo "status $?"
after=$(counts)
if [ "$before" = "$after" ]; then
  echo "kstat: back where it was"
else
  echo "kstat before: $before"
  echo "kstat after:  $after"
fi
ipcs -m
