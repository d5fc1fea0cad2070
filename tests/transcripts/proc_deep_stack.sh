# A process that blocks deep in its own calls: it is stopped with its whole
# stack kept (on the web target, saved into its memory at the block and
# restored after), however deep, as long as the stack fit while it ran.
echo "--- a program 6000 calls deep sleeps, then returns"
fault deep 6000
echo "status $?"
echo "--- a shell function 150 calls deep runs sleep"
f() {
  if [ "$1" -gt 0 ]; then
    f $(($1 - 1))
  else
    sleep 0.1
    echo "slept at the bottom"
  fi
}
f 150
echo "status $?"
