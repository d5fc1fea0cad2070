# ln -r: a symbolic link whose contents are the target's path relative to
# the link's own directory (both made canonical first). Outputs as GNU's.
rm -rf /tmp/lnr; mkdir -p /tmp/lnr/one/two /tmp/lnr/three; cd /tmp/lnr
echo hello > three/four; ln -s . circular
ln -sr circular/three/../three/four one/two/five && cat one/two/five; readlink one/two/five
ln -srv three/four one/six; readlink one/six
ln -sr one/two up; readlink up
ln -sr . one/two/back; readlink one/two/back
ln -sr /tmp/lnr/three three/self; readlink three/self
ln -sr three/missing one/m; readlink one/m
mkdir dir; ln -sr three/four dir; readlink dir/four
ln -r three/four h; echo "status $?"
cd /; rm -rf /tmp/lnr
