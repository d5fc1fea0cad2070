# Where a process's shared-memory segments are is the kernel's to decide,
# and no two of them may overlap: after A and B are attached and A is
# detached, an ordinary user may put one segment where A was, but not a
# second one there, nor one over B (EINVAL, as on Linux). The kernel and the
# platform then agree on every detach, and once every segment is removed no
# copy of one is left to be written into kernel memory at a switch: the
# kernel's object counts are back where they were. (Not its count of
# waiting processes: on arm64 one more of the machine's processes is
# sometimes found waiting afterwards, with every object count the same.)
counts() { kstat | sed 's/ waiters [0-9]*//'; }
before=$(counts)
runas 1000 fault shm
echo "status $?"
after=$(counts)
# a leak is still there a moment later
[ "$before" = "$after" ] || { sleep 0.2; after=$(counts); }
if [ "$before" = "$after" ]; then
  echo "kstat: back where it was"
else
  echo "kstat before: $before"
  echo "kstat after:  $after"
fi
ipcs -m
