# dd: if= of= bs= ibs= obs= count= skip= seek= conv=notrunc status=, the
# records-in/out summary on standard error (without GNU's time and speed:
# this dd does not print them), errors and exit statuses.
rm -rf /tmp/dd_t
mkdir /tmp/dd_t
cd /tmp/dd_t
echo 'hello world' > in
echo "--- whole file, default block size: one partial record"
dd if=in of=out
cat out
echo "--- bs=5: two full records and a partial one"
dd if=in of=out bs=5
cat out
echo "--- standard input to standard output"
dd bs=4 < in 2> err
cat err
echo "--- count and skip"
dd if=in bs=3 skip=2 count=2 2> err
echo
cat err
echo "--- skip on a pipe reads the blocks away"
cat in | dd bs=3 skip=1 2> err
cat err
echo "--- seek: the output is cut after the copy, unless conv=notrunc"
echo 0123456789 > o1
dd if=in of=o1 bs=2 seek=1 count=1 status=none
cat o1
echo
echo 0123456789 > o2
dd if=in of=o2 bs=2 seek=1 count=1 conv=notrunc status=none
cat o2
echo "--- ibs and obs regroup the data"
dd if=in ibs=3 obs=5 2> err | od -c
cat err
echo "--- sizes with suffixes, and the summary with units"
dd if=/dev/zero bs=1k count=3 2> err | wc -c
cat err
dd if=/dev/zero bs=2x1k count=1 2> err | wc -c
cat err
dd if=/dev/zero bs=1b count=3 of=/dev/null
dd if=/dev/zero bs=1000 count=1 of=/dev/null
dd if=/dev/zero bs=1M count=1 of=/dev/null
dd if=/dev/zero bs=1kB count=1 of=/dev/null
dd if=/dev/zero bs=1 count=1 of=/dev/null
dd if=in count=0
echo "--- status=noxfer and status=none"
dd if=in of=/dev/null status=noxfer
dd if=in of=/dev/null status=none
echo "status $?"
echo "--- conv=ucase, lcase, sync; several at once"
printf 'Hello World\n' > hw
dd if=hw conv=ucase status=none
dd if=hw conv=lcase,notrunc status=none
printf 'Hello' > h5
dd if=h5 bs=8 conv=sync status=none | od -c
dd if=hw ibs=5 obs=64 conv=sync,ucase status=none | od -c
dd if=hw bs=8 conv=sync status=noxfer 2> err | od -c
cat err
echo "--- conv=excl and nocreat"
dd if=hw of=hw2 conv=excl status=none
cat hw2
dd if=hw of=hw2 conv=excl status=none
echo "status $?"
dd if=hw of=nocr conv=nocreat status=none
echo "status $?"
dd if=hw of=hw2 conv=nocreat,fsync status=none
echo "status $?"
dd conv=ucase,lcase < /dev/null
echo "status $?"
echo "--- iflag=count_bytes,skip_bytes; oflag=seek_bytes,append"
printf abcdefghij > ten
dd if=ten iflag=count_bytes,skip_bytes skip=3 count=4 bs=2 status=none
echo
dd if=ten iflag=count_bytes count=5 status=none
echo
dd if=ten iflag=skip_bytes skip=7 status=none
echo
printf 0123456789 > dst
dd if=h5 of=dst oflag=seek_bytes seek=2 conv=notrunc status=none
cat dst
echo
dd if=h5 of=dst oflag=append conv=notrunc status=none
cat dst
echo
dd if=ten iflag=fullblock bs=4 count=2 status=none
echo
dd iflag=bogus < /dev/null
echo "status $?"
dd oflag=bogus < /dev/null
echo "status $?"
echo "--- errors"
dd if=nope
echo "status $?"
dd if=in of=/nope/x
echo "status $?"
dd if=in skip=100 bs=1
echo "status $?"
dd foo=1
echo "status $?"
dd bs=x
echo "status $?"
dd bs=0
echo "status $?"
dd conv=bogus
echo "status $?"
dd status=loud
echo "status $?"
cd /tmp
rm -r /tmp/dd_t
echo "--- blanks before a number are skipped, as GNU dd's strtoumax skips them"
printf 'high\n' > /tmp/dd_blank
dd if=/tmp/dd_blank 'count= 2' ibs=1 2>/dev/null; echo
dd if=/tmp/dd_blank 'count=1x 3' ibs=1 2>/dev/null; echo
dd if=/tmp/dd_blank 'count= x' ibs=1; echo "status $?"
rm -f /tmp/dd_blank
