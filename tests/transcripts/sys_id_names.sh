# id, whoami, groups, which, hostname: who and where.
id
id -u; id -g; id -G; id -un; id -gn
id root
id nosuchuser; echo "status $?"
id -u -g; echo "status $?"
whoami
whoami extra; echo "status $?"
groups
groups root
which sh | grep -c "/sh$"
which -a cat | head -1 | grep -c "/cat$"
which nosuchcommand; echo "status $?"
which sh nosuchcommand | grep -c "/sh$"; echo "status $?"
hostname | grep -c .
hostname -s | grep -c '\.'
