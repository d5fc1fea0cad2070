# chown and chgrp (run as root): owners and groups by number, "OWNER:",
# ":GROUP", -R, -h on a symbolic link, --reference, -v and -c, errors.
rm -rf /tmp/files_chown.d && mkdir -p /tmp/files_chown.d/d/e && cd /tmp/files_chown.d
: > f; : > d/g; : > d/e/h
chown 4321 f; echo "status $?"
stat -c '%u %g' f
chown 4321:4322 f
stat -c '%u %g' f
chown :77 f
stat -c '%u %g' f
chown root: f
stat -c '%u %g' f
chown 55: f; echo "status $?"
chown 0: f; echo "status $?"
chown 4321 f
chgrp 88 f
stat -c '%u %g' f
chown -R 9:9 d
stat -c '%n %u %g' d d/g d/e d/e/h
chgrp -R 0 d
stat -c '%n %g' d d/e/h
ln -s f lnk
chown -h 66 lnk
stat -c '%u' f
stat -c '%u' lnk
chown 67 lnk
stat -c '%u' f
chown --reference=d/g f
stat -c '%u %g' f
chown 4321:4321 f
chown -v 0:0 f
chown -v root:root f
chown 4321:4321 f
chown -v root f
chown -c 0 f
chgrp -v 0 f
chown nosuchuser1 f; echo "status $?"
chown 0:nosuchgroup1 f; echo "status $?"
chgrp nosuchgroup1 f; echo "status $?"
chown 0 nope; echo "status $?"
chown -f 0 nope; echo "status $?"
chown 0; echo "status $?"
chown; echo "status $?"
cd /tmp && rm -r /tmp/files_chown.d
