# bash's variables, which the shell keeps beside POSIX's (not with set -o
# posix): $_ (the last word of the command before), SECONDS, BASHPID, UID
# and EUID; and a backslash at the very end of the input.
echo "--- \$_"
echo one two; echo "$_"
true three; (echo four); echo "$_"
x=5; echo "[$_]"
f() { echo "in f: $_"; }; true five; f six; echo "after f: $_"
true seven; $NOTHING; echo "[$_]"
unset _; echo "$_"
sh -c 'echo "a new shell: $_"'
sh -c 'set -o posix; true eight; echo "posix, not changed since: [$_]"'
echo "--- SECONDS"
case $SECONDS in [0-9]*) echo "a number" ;; esac
SECONDS=100; case $SECONDS in 10[0-9]) echo "counts from 100" ;; esac
SECONDS=7 true; case $SECONDS in 10[0-9]) echo "a temporary assignment is undone" ;; esac
SECONDS=1+2; echo "not a number: $SECONDS"
echo "--- BASHPID, UID, EUID"
[ "$BASHPID" = "$$" ] && echo "BASHPID is \$\$ in the shell"
p=$(echo "$BASHPID"); [ "$p" != "$$" ] && echo "and another in \$(...)"
[ "$UID" = "$(id -u)" ] && [ "$EUID" = "$(id -u)" ] && echo "UID and EUID are id -u"
sh --posix -c 'echo "posix: [$BASHPID$UID$SECONDS]"'
echo "--- a backslash last of all"
sh -c 'echo \'
printf 'echo one \\\n' > /tmp/bs; sh /tmp/bs
printf 'echo two \\' > /tmp/bs; sh /tmp/bs
rm -f /tmp/bs
