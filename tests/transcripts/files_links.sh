# Symbolic and hard links (ln, ln -s, readlink, realpath, ls -l's "->",
# stat, test -h, cat and cd through links, loops) and file times (touch
# -d -t -r -a -m, stat -c %y %X %Y, date -d).
rm -rf /tmp/files_ln.d && mkdir -p /tmp/files_ln.d/dir && cd /tmp/files_ln.d
echo hello > dir/file
echo "--- ln -s"
ln -s dir/file rel; echo "status $?"
ln -s /tmp/files_ln.d/dir abs
cat rel
cat abs/file
readlink rel
readlink abs
readlink dir/file; echo "status $?"
readlink -v dir/file; echo "status $?"
ls -l rel | awk '{ print $1, $(NF-2), $(NF-1), $NF }'
ls -ld abs | awk '{ print $1, $(NF-2), $(NF-1), $NF }'
ls abs
ls -F abs | head -1
stat -c '%n %F %s' rel
stat -L -c '%n %F %s' rel
[ -h rel ] && echo "rel is a link"
[ -h dir ] || echo "dir is no link"
[ -f rel ] && echo "rel names a regular file"
cd abs && pwd && cat file && cd ..
realpath abs/file
readlink -f rel
echo "--- dangling links and loops"
ln -s nowhere dangling
cat dangling; echo "status $?"
ls -l dangling | awk '{ print $1, $(NF-2), $(NF-1), $NF }'
[ -e dangling ] || echo "no file behind it"
ln -s loop2 loop1
ln -s loop1 loop2
cat loop1; echo "status $?"
realpath loop1; echo "status $?"
ln -s rel rel; echo "status $?"
echo "--- ln -f, -n, -v, into a directory"
echo other > other
ln -sf other rel
cat rel
ln -sv dir/file into
ln -s other dir; echo "status $?"
readlink dir/other
cat dir/other; echo "status $?"
ln -sfn dir abs
readlink abs
ln -s dir/file
ls -l file | awk '{ print $1, $(NF-2), $(NF-1), $NF }'
rm rel dangling loop1 loop2 dir/other file
ls
echo "--- hard links"
ln dir/file hard
echo "status $?"
stat -c '%h' hard dir/file
echo more >> hard
cat dir/file
rm dir/file
cat hard
stat -c '%h' hard
ln hard hard; echo "status $?"
ln -f hard hard; echo "status $?"
ln dir dirlink; echo "status $?"
ln nope x; echo "status $?"
ln -v hard hard2
ln hard other; echo "status $?"
ln -f hard other; echo "status $?"
[ hard -ef other ] && echo "same file"
echo "--- touch"
touch -d '2024-02-29 12:34:56' t1
stat -c '%y %Y' t1
touch -t 202001021530.45 t2
stat -c '%y' t2
touch -t 9912312359 t3
stat -c '%y' t3
touch -d @86400 t4
stat -c '%X %Y' t4
touch -r t1 t4
stat -c '%Y' t4
touch -m -d '2001-01-01' t4
stat -c '%X %Y' t4
touch -a -d '2002-02-02T10:00:00Z' t4
stat -c '%X %Y' t4
touch -d '2024-01-01 00:00:00 +0100' t5
stat -c '%y' t5
touch -d 'not a date' t6; echo "status $?"
touch -t 20201301 t6; echo "status $?"
touch -r nope t6; echo "status $?"
ls t6; echo "status $?"
touch -c -d @0 t7; echo "status $?"
ls t7; echo "status $?"
ln -s t1 tl
touch -h -d @100 tl
stat -c '%Y' t1
stat -c '%n %Y' tl
echo "--- date -d"
date -u -d '2024-02-29 12:34:56' '+%Y-%m-%d %H:%M:%S %a'
date -u -d @0
date -u -d '1999-12-31T23:59:59+0200' +%s
date -d 'soon'; echo "status $?"
cd /tmp && rm -r /tmp/files_ln.d
