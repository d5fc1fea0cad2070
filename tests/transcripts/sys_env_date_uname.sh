# env (printing, NAME=VALUE, -i, -u, -0, running a command, exit statuses
# 125 126 127), date (default format, +FORMAT, -u, -R, -r) and uname. The
# environment, the time and the system's name differ from one run or
# system to another: only what does not is compared, or the shape.
rm -rf /tmp/edu_t
mkdir /tmp/edu_t
cd /tmp/edu_t
echo "--- env: -i and NAME=VALUE"
env -i A=1 B=2
env -i A=1 A=2
env - C=3
env -i
echo "status $?"
echo "--- env: -0"
env -i -0 A=1 B=2 | tr '\000' '\n'
echo "--- env: -u"
env HOME=/x | grep '^HOME='
env -u HOME | grep -c '^HOME='
env A=1 B=2 env -u A | grep '^[AB]='
echo "--- env: running a command (with PATH unset, from /bin or /usr/bin)"
env -i X=1 sh -c 'echo X is $X'
env -i sh -c 'echo $#' a b c
echo "--- env: -C DIR"
env -C / sh -c pwd
env -i -C /tmp A=1 sh -c 'echo $A; pwd'
env -C /nope true
echo "status $?"
env -C /
echo "status $?"
env =BLAH env | grep '^=BLAH$'
echo "--- env: errors"
env nope-command
echo "status $?"
touch noexec
env ./noexec
echo "status $?"
env -z
echo "status $?"
env -u
echo "status $?"
env -u A=B
echo "status $?"
env -0 true
echo "status $?"
echo "--- date: the default format"
date | wc -w
date | tr -d 'A-Za-z0-9' | tr -s ' '
date -u | tr -s ' ' | cut -d' ' -f5
echo "--- date: +FORMAT"
date +%Y | wc -c
date '+%Y-%m-%d %H:%M:%S' | tr -d 0-9
date '+%Y-%m-%d %H:%M:%S' | wc -c
date +
date +%%
date '+%a %b' | wc -w
echo "--- date: -R and -r"
date -u -R | cut -d' ' -f6
date -u -R | tr -d 'A-Za-z0-9' | tr -s ' '
touch f
date -r f +%s > d1
stat -c %Y f > d2
cat d1 d2 | uniq | wc -l
echo "--- date: errors"
date foo
echo "status $?"
date +%Y +%m
echo "status $?"
date -x
echo "status $?"
date -r nope
echo "status $?"
echo "--- uname"
uname | wc -w
uname -snrm | wc -w
uname -m > u1
uname -ms > u2
uname -sm > u3
uname -s -m > u4
cat u2 u3 u4 | uniq | wc -l
uname -a > u5
uname -snrvm > u6
cat u5 u6 | uniq | wc -l
uname x
echo "status $?"
uname -z
echo "status $?"
cd /tmp
rm -r /tmp/edu_t
echo "--- hostname NAME: root sets the name, which uname and /proc show"
hostname box.example.org
echo "status $?"
hostname; hostname -s; uname -n; cat /proc/sys/kernel/hostname
runas 1000 hostname other
echo "status $?"
hostname a b
echo "status $?"
hostname duplex
hostname
