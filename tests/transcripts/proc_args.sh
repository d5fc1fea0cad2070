# Long argument lists: ARG_MAX is 64 KiB of argv and envp (strings, their
# NULs, a pointer each), and a list near it reaches the program whole.
echo "--- 8986 bytes in one argument"
x=$(seq 1 1400 | tr -d '\n')
/bin/echo $x$x | wc -c
echo "--- 60 KiB in one argument"
x=$(head -c 61440 /dev/zero | tr '\0' x)
/bin/echo $x | wc -c
/bin/echo $x | tr -d x | wc -c
echo "--- 60000 bytes in 500 arguments"
y=$(head -c 119 /dev/zero | tr '\0' y)
/bin/echo $(yes $y | head -n 500) | wc -c
/bin/echo $(yes $y | head -n 500) | tr ' ' '\n' | grep -c -x $y
echo "--- over the limit: the shell's message, status 126"
/bin/echo $x$x
echo "status $?"
echo "--- xargs counts as the kernel does: 2000 items of 60 characters, 3 commands"
z=$(head -c 60 /dev/zero | tr '\0' z)
yes $z | head -n 2000 | xargs > /tmp/xargs.tmp
echo "status $?"
wc -l < /tmp/xargs.tmp
tr ' ' '\n' < /tmp/xargs.tmp | grep -c -x $z
rm /tmp/xargs.tmp
