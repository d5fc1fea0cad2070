# rm's -d, -i, -I and --, and options after the operands, as GNU rm's
# (the answers come from standard input; the questions go to stderr).
rm -rf /tmp/rmo_t
mkdir /tmp/rmo_t
cd /tmp/rmo_t
mkdir -p d full/sub empty
touch a b c d/f
printf x > x
ln -s a l
mkfifo p
echo "--- -d: empty directories only"
rm -d empty
echo "status $?"
rm -d full
echo "status $?"
rm empty2 -d 2>/dev/null
echo "status $?"
mkdir empty
rm empty -dv
echo "status $?"
echo "--- -i: one question a file"
echo y | rm -i a
echo "status $?"
echo n | rm -i x
echo "status $?"
printf 'y\ny\n' | rm -i l p
echo "status $?"
printf 'y\ny\ny\n' | rm -ri d
echo "status $?"
mkdir empty
echo y | rm -di empty
echo "status $?"
echo n | rm -ri full
echo "status $?"
echo "--- -I: one question for more than three, or -r"
touch 1 2 3 4
echo n | rm -I 1 2 3 4
echo "status $?"
rm -I 1 2 3 </dev/null
echo "status $?"
echo y | rm -I 4 -v
echo "status $?"
echo n | rm -rI full
echo "status $?"
echo "--- the last of -f -i -I counts"
rm -if nope
echo "status $?"
rm -fi nope
echo "status $?"
echo "--- -- ends the options"
touch ./-v
rm -- -v
echo "status $?"
ls -A
cd /tmp
rm -r /tmp/rmo_t
