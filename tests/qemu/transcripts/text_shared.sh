# arm64 only: a program's text - its code and constants - is loaded from
# its file once, and every process running the program maps those pages:
# fork maps them into the child, and a text nobody runs any more is kept
# for the next run. So running the same program again and again loads
# nothing and leaves nothing behind: the pages in use, the pages of text
# and the pages of text ever loaded are the same after each run. (QEMU
# translates code per physical page: code copied into new pages at every
# run was translated again each time, and a long boot grew slower.)
counts() { kstat frames text textloads; }
awk 'BEGIN { }'
( awk 'BEGIN { }' )
first=$(counts)
now=$first
i=0
while [ $i -lt 10 ] && [ "$now" = "$first" ]; do
  awk 'BEGIN { }'
  ( awk 'BEGIN { }' )
  now=$(counts)
  i=$((i + 1))
done
if [ "$now" = "$first" ]; then
  echo "awk ran 20 times more: nothing loaded, nothing grown"
else
  echo "after run $i: $now"
  echo "after the first: $first"
fi

# A copy of a program is a file of its own, with its own text.
cp /bin/echo /tmp/echo.copy
a=$(kstat textloads)
/tmp/echo.copy the copy runs
b=$(kstat textloads)
[ "${b#* }" -gt "${a#* }" ] && echo "its text was loaded"
rm /tmp/echo.copy

# Texts that no process maps make way when memory runs out: four dd
# holding 64 MiB each at once need more than the machine has (two get
# their buffer), and awk's text, kept until then, is loaded again at its
# next run.
for i in 1 2 3 4; do
  sleep 2 | dd of=/dev/null bs=64M count=1 2>/dev/null &
done
wait
kstat textloads > /dev/null
a=$(kstat textloads)
awk 'BEGIN { }'
b=$(kstat textloads)
[ "${b#* }" -gt "${a#* }" ] && echo "awk's text was loaded again"
awk 'BEGIN { }'
c=$(kstat textloads)
[ "$c" = "$b" ] && echo "and kept again"
