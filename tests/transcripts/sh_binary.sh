# A file the system refuses to run (ENOEXEC) is a script for the shell,
# unless a NUL byte in its first line says it is binary, like a truncated
# program: then it is not run at all (status 126), as in bash and dash.
d=/tmp/sh_binary.$$
mkdir $d
cd $d
echo "--- the first 60 bytes of a program"
cp /bin/cat prog
head -c 60 /bin/cat > prog
./prog
echo "status $?"
./prog /etc/motd | wc -c
echo "status $?"
(exec ./prog)
echo "status $?"
cp prog bin-prog
PATH=$d:$PATH
bin-prog
echo "status $?"
PATH=${PATH#$d:}
echo "--- a NUL in the first line, at any place: binary"
printf 'echo no\0\n' > prog
./prog
echo "status $?"
echo "--- text, or a NUL past the first line: a script"
printf 'echo script ran with $# args\n' > prog
./prog a b
echo "status $?"
printf 'echo first line ran\nexit 3\n\0\n' > prog
./prog
echo "status $?"
cd /
rm -r $d
