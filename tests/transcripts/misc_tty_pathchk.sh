# tty (the terminal on standard input, here the console) and pathchk
# (path names this system, or any POSIX system with -p, can take).
echo "--- tty"
tty
echo "status $?"
tty < /dev/null
echo "status $?"
tty -s < /dev/null
echo "status $?"
tty -s
echo "status $?"
tty extra
echo "status $?"
echo "--- pathchk: this system's limits"
pathchk /tmp/new_file a/b/c
echo "status $?"
pathchk ''
echo "status $?"
pathchk "$(printf 'x%.0s' $(seq 300))" 2>&1 | cut -c 1-60
echo "--- -p: every POSIX system's: 14 bytes a component, the portable characters"
pathchk -p good_name dir/file.c-1
echo "status $?"
pathchk -p 'bad*name'
echo "status $?"
pathchk -p a/abcdefghijklmnopq/b
echo "status $?"
pathchk -p ''
echo "status $?"
echo "--- -P: no empty name, no component beginning with -"
pathchk -P -- -x a/-y ok
echo "status $?"
pathchk -P ''
echo "status $?"
