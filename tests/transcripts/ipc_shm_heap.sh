# Shared-memory segments and the kernel heap: a segment starts at the first
# page boundary inside its heap block, which is only as large as the heap's
# alignment (16 bytes on every target) allows, so removing segments wherever
# their blocks fall must leave the heap intact (kfree checks each block's
# canary and would panic). First six segments of the largest size, then one
# page behind a file of every length up to a page and a bit, in 16-byte
# steps: one of them puts the segment's block on a page boundary, the
# tightest fit.
for i in 1 2 3 4 5 6; do ipcmk -M 4M; done
for i in 0 1 2 3 4 5; do ipcrm -m $i; done
echo "status $?"
n=0
while [ $n -le 4112 ]; do
  head -c $n /dev/zero > pad.tmp
  ipcmk -M 1 -k 0x77 > /dev/null
  ipcrm -M 0x77 || echo "ipcrm failed after a $n-byte file"
  n=$((n + 16))
done
rm pad.tmp
ipcs -m
echo "--- the system runs on"
echo ok
