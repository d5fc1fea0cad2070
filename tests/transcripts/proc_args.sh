# Long argument lists, with Linux's limits: argv and envp together may take
# ARG_MAX, 2 MiB (strings, their NULs, a pointer each), one string at most
# 128 KiB with its NUL, and there is no limit on their number but that.
echo "--- getconf ARG_MAX"
getconf ARG_MAX
echo "--- 8986 bytes in one argument"
x=$(seq 1 1400 | tr -d '\n')
/bin/echo $x$x | wc -c
echo "--- 100 KiB in one argument"
x=$(head -c 102400 /dev/zero | tr '\0' x)
/bin/echo $x | wc -c
/bin/echo $x | tr -d x | wc -c
echo "--- 5000 arguments"
/bin/echo $(seq 1 5000) | wc -c
/bin/echo $(seq 1 5000) | tr ' ' '\n' | tail -n 1
echo "--- 1.9 MiB in 19 arguments of 100 KiB"
/bin/echo $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x | wc -c
echo "--- over the limit: the shell's message, status 126"
/bin/echo $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x $x
echo "status $?"
echo "--- one string of 128 KiB is too long, however little the rest takes"
y=$(head -c 131072 /dev/zero | tr '\0' y)
/bin/echo $y
echo "status $?"
/bin/echo ${y#y} | wc -c
echo "--- xargs: GNU's 128 KiB a command: 5000 items of 60 characters, 3 commands"
z=$(head -c 60 /dev/zero | tr '\0' z)
yes $z | head -n 5000 | xargs > /tmp/xargs.tmp
echo "status $?"
wc -l < /tmp/xargs.tmp
sed -n 1p /tmp/xargs.tmp | wc -w
tr ' ' '\n' < /tmp/xargs.tmp | grep -c -x $z
rm /tmp/xargs.tmp
echo "--- xargs -s above 128 KiB, up to what ARG_MAX leaves: 2 commands, 4917 items in the first"
yes $z | head -n 5000 | xargs -s 300000 > /tmp/xargs.tmp
wc -l < /tmp/xargs.tmp
sed -n 1p /tmp/xargs.tmp | wc -w
rm /tmp/xargs.tmp
