# link and unlink: the system calls as utilities, one operand pair or one
# operand, no options; the errors are the system's, exit status 1.
rm -rf /tmp/link_t
mkdir /tmp/link_t
cd /tmp/link_t
echo hello > a
echo "--- link: a second name, the same file"
link a b
echo "status $?"
cat b
ls -l a | tr -s ' ' | cut -d ' ' -f 2
echo more >> b
cat a
echo "--- link never replaces a name, nor goes into a directory"
link a b
echo "status $?"
mkdir d
link a d
echo "status $?"
link nofile c
echo "status $?"
echo "--- operands: exactly two"
link a
echo "status $?"
link a b c
echo "status $?"
echo "--- unlink: one name goes, the file stays with the other"
unlink a
echo "status $?"
ls
cat b
echo "--- unlink: not a directory, not a missing name"
unlink d
echo "status $?"
unlink a
echo "status $?"
unlink
echo "status $?"
unlink b d
echo "status $?"
unlink b
ls
cd /
rm -rf /tmp/link_t
