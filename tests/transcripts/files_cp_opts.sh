# cp's options: -P (links as links; the default with -r), -L, -H, -p and
# --preserve=LIST (mode, owner, times), -a, --parents, -T, -u, -t.
# Outputs as GNU's.
rm -rf /tmp/cpt; mkdir /tmp/cpt; cd /tmp/cpt; umask 022
echo a > file; ln -s file lnk; mkdir d; ln -s ../file d/l; echo b > d/f
echo "--- links"
cp lnk plain; stat -c %F plain
cp -P lnk l2; stat -c '%F %N' l2
cp -d lnk l3; stat -c %F l3
cp -r d d2; stat -c '%F %N' d2/l
cp -rL d d3; stat -c %F d3/l
ln -s d dl; cp -rH dl d4; stat -c '%F' d4 d4/l
cp -r dl d5; stat -c '%F' d5
echo "--- -p, --preserve, -a"
chmod 640 file; touch -d '2020-02-02 20:20:20' file; chown 9:9 file
cp file f1; stat -c '%a %U %G %y' f1 | sed 's/2020/then/;s/ [0-9-]* [0-9:.]* +0000$/ now/'
cp -p file f2; stat -c '%a %U %G %y' f2
cp --preserve=mode,mode file f3; stat -c '%a %U' f3
cp --preserve=timestamps file f4; stat -c '%y' f4
cp --preserve=bogus file f5; echo "status $?"
touch -h -d '2019-03-04 05:06:07' d/l d/f; touch -d '2021-01-01' d
cp -a d a1; stat -c '%F %y' a1 a1/l a1/f
echo "--- --parents"
mkdir -p b/c/e a; echo x > b/c/e/file
cp --parents b/c/e/file a/; cat a/b/c/e/file
cp -v --parents b/c/e/file a2 2>&1; echo "status $?"
mkdir a3; cp -v --parents b/c/e/file a3
echo "--- -T, -t, -u"
echo new > src; mkdir tdir
cp -T src tfile; cat tfile
cp -T src tdir; echo "status $?"
cp -t tdir src file; ls tdir
echo one > one; touch -d '2020-01-01' one; echo two > two
cp -u one two; cat two
touch -d '2030-01-01' one; cp -u one two; cat two
cd /; rm -rf /tmp/cpt
