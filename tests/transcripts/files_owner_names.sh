# Owners and groups by name: /etc/passwd and /etc/group hold Debian's
# system users and groups (root, daemon, bin, sys, adm, ..., nobody,
# nogroup); chown, chgrp, ls -l, stat and id name them, and an id with no
# name stays a number. Outputs as GNU's on a Debian system.
rm -rf /tmp/own_t; mkdir /tmp/own_t; cd /tmp/own_t; touch f g
chown daemon:adm f; stat -c '%U %G %u %g' f
chown bin:staff f; stat -c '%U %G %u %g' f
chgrp nogroup f; chown nobody g; stat -c '%U %G' f g
chown 4321:4322 g; stat -c '%U %G %u %g' g
chown news:news f; ls -l f | cut -d' ' -f3,4
ls -n f | cut -d' ' -f3,4
stat f | grep -o 'Uid: .*'
chown root: f; stat -c '%U %G' f
chown :sys f; stat -c '%U %G' f
chown nosuchuser1 f; echo "status $?"
chgrp nosuchgroup1 f; echo "status $?"
id -un; id -gn
chown news: f; stat --format='%U %G' f
chown 9: f; echo "status $?"
echo "--- chgrp -R and links: -P (the default) changes links themselves,"
echo "--- -H follows operands, -L every link; without -R links are followed"
mkdir -p d/dir/dir d2; touch d/file; ln -s ../d/dir d2/dir; ln -s ../d/file d2/file
groups() {
    for p in d d2 d/dir d/file d/dir/dir d2/dir d2/file; do
        stat -c %G "$p"
    done | tr '\n' ' '; echo
}
for opts in -R -RP -RH -RL; do
    chgrp -hR nogroup d d2
    chgrp $opts root d2; echo "$opts d2: $(groups)"
    chgrp -hR nogroup d d2
    chgrp $opts root d2/dir; echo "$opts d2/dir: $(groups)"
done
chgrp -hR nogroup d d2; chgrp root d2/dir; echo "d2/dir: $(groups)"
chgrp -hR nogroup d d2; chgrp -h root d2/file; echo "-h d2/file: $(groups)"
cd /; rm -rf /tmp/own_t
