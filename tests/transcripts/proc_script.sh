# Scripts run by exec itself: a file whose first line is #!INTERPRETER [ARG]
# runs as INTERPRETER [ARG] FILE ARGS..., with the line's one argument
# unsplit; an interpreter may be a script too; a script is known by its own
# name (/proc/N/comm); a file without #! is still run by the shell.
cd /tmp
printf '#!/bin/awk -f\nBEGIN { for (i = 1; i < ARGC; i++) print i ": " ARGV[i] }\n' > args.awk
chmod +x args.awk
echo "--- an awk script, its arguments after its name"
./args.awk one "two words"
echo "--- the #! line's argument is one argument, blanks trimmed"
printf '#!/bin/echo  a  b  \n' > e.sh
chmod +x e.sh
./e.sh x
echo "--- \$0 and the arguments of a sh script; its name in /proc"
printf '#!/bin/sh\necho "$0 [$1] [$2]"\ncat /proc/$$/comm\n' > named.sh
chmod +x named.sh
./named.sh 1 "2 3"
echo "--- an interpreter that is itself a script"
printf '#!/tmp/e.sh -q\n' > nest.sh
chmod +x nest.sh
./nest.sh z
echo "--- #!/usr/bin/env bash: env finds bash, whose echo takes -e"
printf '#!/usr/bin/env bash\necho -e "a\\tb"\n' > envb.sh
chmod +x envb.sh
./envb.sh
echo "--- started by env, by xargs and by find -exec, not by the shell"
env ./e.sh from-env
echo from-xargs | xargs ./e.sh
find /tmp/e.sh -exec {} from-find \;
echo "--- a missing interpreter: ENOENT, status 127"
printf '#!/no/such/interp\n' > bad.sh
chmod +x bad.sh
./bad.sh
echo "status $?"
env ./bad.sh
echo "status $?"
echo "--- a script naming itself: ELOOP, status 126"
printf '#!/tmp/loop.sh\n' > loop.sh
chmod +x loop.sh
env ./loop.sh
echo "status $?"
echo "--- pgrep and killall know a running script by its name"
printf '#!/bin/sh\nwhile :; do sleep 0.1; done\n' > spin.sh
chmod +x spin.sh
./spin.sh &
sleep 0.3
pgrep -lx spin.sh | cut -d' ' -f2
killall -w spin.sh && echo killed
wait
pgrep -x spin.sh || echo "no spin.sh left"
echo "--- no #! line: the shell runs it"
printf 'echo plain script "$1"\n' > plain.sh
chmod +x plain.sh
./plain.sh p
env ./plain.sh q
rm -f args.awk e.sh named.sh nest.sh bad.sh loop.sh plain.sh spin.sh envb.sh
