# find: names, paths, types, sizes, depth, -prune, operators, -exec ; and +,
# -print0, -printf, -empty, -newer, -perm, -delete, symbolic links
# (-type l, -lname, -H, -L), -samefile, -newerXY, errors.
rm -rf /tmp/files_find.d && mkdir /tmp/files_find.d && cd /tmp/files_find.d
mkdir -p src/lib src/skip docs empty
printf 'int main;\n' > src/main.c
printf 'x' > src/lib/util.c
printf '#define X\n' > src/lib/util.h
printf 'skip\n' > src/skip/old.c
printf '%2000s' ' ' > docs/big.txt
: > docs/empty.txt
chmod 755 src/main.c
echo "--- names, paths and types"
find . -name '*.c'
find src -iname 'UTIL.*'
find . -path '*lib*'
find . -type d
find . -type f -name '*.txt'
find src -type f,d -name 'l*'
echo "--- depth"
find . -maxdepth 1
find . -mindepth 2 -maxdepth 2 -type f
find src -depth
echo "--- operators"
find src \( -name '*.h' -o -name 'main*' \) -type f
find src ! -name '*.c' -type f
find src -type f -not -path '*skip*'
find src -name '*.c' -a -path '*lib*'
echo "--- -prune"
find src -name skip -prune -o -type f -print
echo "--- sizes, -empty, -perm, -newer"
find . -type f -size +1
find . -type f -size -2c
find . -type f -size +1k
find . -empty
find . -type f -perm 755
find . -type f -perm -100
sleep 1; : > stamp
find . -newer src/main.c -name stamp
find . -newer stamp
echo "--- actions: -exec, -print0, -printf, -quit, -delete"
find src -name '*.c' -exec echo found {} \;
find src -name '*.c' -exec echo all: {} +
find src -name 'u*' -print0 | tr '\0' '|'; echo
find src/lib -type f -printf '%f %s %d %p|%P\n'
find . -name '*.c' -print -quit
find . -name 'old.c' -delete
find src/skip -type f
find src -name '*.c' -exec false \; ; echo "status $?"
echo "--- errors"
find nodir; echo "status $?"
find . -frobnicate; echo "status $?"
find . -name; echo "status $?"
echo "--- symbolic links"
mkdir -p ln/d && : > ln/d/f && ln -s f ln/d/l && ln -s ../d ln/d/up && ln -s nowhere ln/bad
ln -s ln/d dlink
find ln -type l | sort
find ln -type d
find ln -type l -o -type f -name f | sort
find ln -lname '*d' | sort
find ln -ilname 'NOW*'
find -L ln 2>&1 | sort
find -L ln -type l 2>/dev/null; echo "status $?"
find dlink
find -H dlink -type f | sort
find dlink -follow -name f 2>&1 | sort
find -H -P dlink -type f
echo "--- -samefile, -newerXY, -printf"
mkdir sf && : > sf/file && : > sf/fifo && ln sf/file hard && touch -d @1000 sf/old
find sf -name 'f*' -printf 'x\cy'; echo
find . -samefile sf/file | sort
find sf -newerat @12345 | sort
find sf -newermt @999.5 -type f | sort
find sf -newermm sf/old | sort
find sf ! -newerct @0; echo "status $?"
find sf -newermt soon; echo "status $?"
cd /tmp && rm -r /tmp/files_find.d
