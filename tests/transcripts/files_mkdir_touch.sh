# mkdir (-p -m -v), rmdir (-p -v), touch (-c) and mkfifo (-m): what they
# make, with which mode, their GNU error messages and exit statuses.
# (Modes assume the usual umask, 022.)
rm -rf /tmp/mkt_t
mkdir /tmp/mkt_t
cd /tmp/mkt_t
echo "--- mkdir"
mkdir a
echo "status $?"
ls -ld a | cut -c1-10
mkdir a
echo "status $?"
mkdir x/y
echo "status $?"
mkdir b c a
echo "status $?"
ls -1
echo "--- mkdir -p"
mkdir -p a/b/c
echo "status $?"
mkdir -p a/b/c
echo "status $?"
mkdir -p p//q/ r
echo "status $?"
ls -1 p
touch f
mkdir -p f/g
echo "status $?"
echo "--- mkdir -m"
mkdir -m 700 m7
ls -ld m7 | cut -c1-10
mkdir -m 1777 mt
ls -ld mt | cut -c1-10
mkdir -m 0555 m5
ls -ld m5 | cut -c1-10
mkdir -p -m 711 pm/sub
ls -ld pm pm/sub | cut -c1-10
mkdir -m 9 z
echo "status $?"
mkdir -m
echo "status $?"
echo "--- mkdir -v"
mkdir -v v1 v2 a
echo "status $?"
mkdir -pv v1/s/t
echo "--- mkdir usage"
mkdir
echo "status $?"
mkdir -q d
echo "status $?"
echo "--- rmdir"
rmdir v1/s/t
echo "status $?"
rmdir a
echo "status $?"
rmdir nope
echo "status $?"
rmdir f
echo "status $?"
rmdir b c
echo "status $?"
ls -d b c
echo "--- rmdir -p"
rmdir -p a/b/c
echo "status $?"
ls -d a
rmdir -p pm/sub
echo "status $?"
mkdir -p e/e/e
touch e/file
rmdir -p e/e/e
echo "status $?"
ls -1 e
echo "--- rmdir -v"
rmdir -v v1/s v2
rmdir
echo "status $?"
echo "--- touch"
touch t1
echo "status $?"
ls -l t1 | cut -c1-10
echo data > t2
touch t1 t2 t3
echo "status $?"
cat t2
ls -1 t1 t2 t3
touch nope/x t4
echo "status $?"
ls t4
touch -c t5
echo "status $?"
ls t5
touch
echo "status $?"
echo "--- mkfifo"
mkfifo ff
echo "status $?"
ls -l ff | cut -c1-10
mkfifo ff
echo "status $?"
mkfifo -m 600 f6
ls -l f6 | cut -c1-10
mkfifo -m 0666 f7
ls -l f7 | cut -c1-10
mkfifo -m x f8
echo "status $?"
mkfifo nope/x f9
echo "status $?"
ls -l f9 | cut -c1
mkfifo
echo "status $?"
cd /tmp
rm -r /tmp/mkt_t
