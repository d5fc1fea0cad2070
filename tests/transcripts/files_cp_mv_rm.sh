# cp, mv and rm: files, directories, -r -f -v, the GNU error messages, and
# the exit statuses (1 on any failure, the other operands still done).
rm -rf /tmp/cmr_t
mkdir /tmp/cmr_t
cd /tmp/cmr_t
echo one > a
echo two > b
echo "--- cp a file to a new name"
cp a c
cat c
echo "--- cp over an existing file"
cp b c
cat c
echo "--- cp files into a directory"
mkdir d
cp a b d
ls -1 d
cat d/a
echo "--- cp into a directory named with a trailing slash"
cp c d/
ls -1 d
echo "--- cp errors"
cp
echo "status $?"
cp a
echo "status $?"
cp a a
echo "status $?"
cp a ./a
echo "status $?"
cp nope a d
echo "status $?"
cp a b nodir
echo "status $?"
cp a b c
echo "status $?"
cp a nodir/x
echo "status $?"
cp -q a b
echo "status $?"
echo "--- directories need -r"
cp d e
echo "status $?"
cp -r d e
ls -1 e
echo "--- cp -r into an existing directory makes a subdirectory"
cp -r d e
ls -1 e e/d
echo "--- cp -r keeps the contents"
cat e/d/b
echo "--- cp -r: a directory into itself"
cp -r d d/sub
echo "status $?"
cp -r d d
echo "status $?"
echo "--- cp: files and directories do not overwrite each other"
mkdir -p f/a
cp a f
echo "status $?"
cp -r d a
echo "status $?"
echo "--- cp -v"
cp -v a v1
cp -rv d w
echo "--- cp -r copies a FIFO as a FIFO"
mkfifo d/p
cp -r d g
ls -l g/p | cut -c1
echo "--- mv: rename"
mv v1 v2
cat v2
ls v1
echo "status $?"
echo "--- mv: into a directory"
mv v2 c g
ls -1 g
echo "--- mv: a directory"
mv g h
ls -1 h
echo "--- mv -v"
mv -v h/v2 h/v3
echo "--- mv errors"
mv
echo "status $?"
mv a
echo "status $?"
mv nope x
echo "status $?"
mv a a
echo "status $?"
mv a b nodir
echo "status $?"
mv d d/sub
echo "status $?"
mv e a
echo "status $?"
mkdir -p m/a
mv a m
echo "status $?"
mkdir -p n/e/x
mv e n
echo "status $?"
mv nope a h
echo "status $?"
ls -1 h
echo "--- rm: files"
rm b
ls b
rm nope
echo "status $?"
rm -f nope
echo "status $?"
rm -f
echo "status $?"
rm
echo "status $?"
echo "--- rm: directories"
rm d
echo "status $?"
rm -r .
echo "status $?"
rm -r d/..
echo "status $?"
rm -r /
echo "status $?"
rm -rv w
echo "status $?"
rm -r d f h m n nope
echo "status $?"
rm -rf d nope
echo "status $?"
echo three > t
rm -v t e/a e/b
rm -r e
echo "--- all gone"
ls -A
cd /tmp
rm -r /tmp/cmr_t
