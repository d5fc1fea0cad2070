# realpath and readlink (no symbolic links on Duplex: canonical names),
# du (sizes of trees, -s -a -c -d -b; links followed with -H and -L).
rm -rf /tmp/files_rp.d && mkdir -p /tmp/files_rp.d/a/b && cd /tmp/files_rp.d
: > a/b/file
echo "--- realpath"
realpath a/b/file
realpath a/./b/../b//file
realpath .
realpath /
realpath a/nothere
realpath a/nothere/deeper; echo "status $?"
realpath -e a/nothere; echo "status $?"
realpath -m a/nothere/deeper
realpath -q a/b/file/x; echo "status $?"
echo "--- readlink"
readlink a/b/file; echo "status $?"
readlink -f a/b/../b/file
readlink -n -f a; echo
echo "--- du"
printf '%3000s' x > a/big
printf '%10s' x > a/b/small
du a | cut -f2 | sort
du -s a | cut -f2
du -a a | cut -f2 | sort
du -c a a/b | cut -f2
du -d 0 a | cut -f2
du -b a/big a/b/small
du nodir; echo "status $?"
echo "--- du and symbolic links"
mkdir t && printf '%10s' x > t/ten && ln -s ../t a/lnk && ln -s . a/b/up
ln -s a/big blnk
du a | cut -f2 | sort
du -L a | cut -f2 | sort
du -aL a | cut -f2 | sort
du -H a/lnk | cut -f2
du -bH blnk
du -b blnk
du -bL blnk
du -bLH blnk
du -bHL blnk
du -bLP blnk
cd /tmp && rm -r /tmp/files_rp.d
