# mktemp (files, directories, templates, -p -t -u -q) and truncate
# (sizes, relative sizes, -c, -r).
rm -rf /tmp/files_mktemp.d && mkdir /tmp/files_mktemp.d && cd /tmp/files_mktemp.d
echo "--- mktemp"
f=$(mktemp); [ -f "$f" ] && echo "file made"; case $f in /tmp/tmp.??????????) echo "name ok";; esac; rm "$f"
d=$(mktemp -d); [ -d "$d" ] && echo "dir made"; rmdir "$d"
f=$(mktemp here.XXXX); case $f in here.????) echo "template ok";; esac; ls -l "$f" | cut -c1-10
f=$(mktemp -p . in.XXX); case $f in ./in.???) echo "-p ok";; esac
f=$(TMPDIR=/tmp/files_mktemp.d mktemp -t t.XXXXXX); case $f in /tmp/files_mktemp.d/t.??????) echo "-t ok";; esac
f=$(mktemp -u u.XXXX); [ -e "$f" ] || echo "-u made nothing"
mktemp bad.XX; echo "status $?"
mktemp -q bad.XX; echo "status $?"
mktemp /nodir/x.XXXX; echo "status $?"
echo "--- truncate"
printf 'hello world' > t
truncate -s 5 t; cat t; echo
truncate -s +3 t; wc -c < t
truncate -s -2 t; wc -c < t
truncate -s 1K t; wc -c < t
truncate -s '<100' t; wc -c < t
truncate -s %300 t; wc -c < t
truncate -s /256 t; wc -c < t
truncate -s 0 new; wc -c < new
truncate -c -s 10 absent; ls absent 2>&1 | head -1
printf '12345678' > ref; truncate -r ref t; wc -c < t
truncate t; echo "status $?"
truncate -s x t; echo "status $?"
cd /tmp && rm -r /tmp/files_mktemp.d
