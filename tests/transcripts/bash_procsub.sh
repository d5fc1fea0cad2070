# bash's process substitution: <(command) is the name of a pipe to read
# what the command writes, >(command) of one to write to it. The shell
# makes a FIFO in /tmp for each (there is no /dev/fd), runs the command in
# a sub-shell on it, and removes it: none is left behind, even when the
# name is never opened. Not with set -o posix.
cd /tmp
echo "--- <(...)"
cat <(echo hello)
diff <(printf 'a\nb\n') <(printf 'a\nc\n'); echo "diff: $?"
while read -r l; do echo "read $l"; done < <(printf '1\n2\n')
source <(echo 'echo sourced; return 37'); echo "source: $?"
f() { echo "f opens its \$1 later"; cat "$1"; }; f <(echo "through f")
echo "--- >(...)"
echo "to a sub-shell" > >(tr a-z A-Z)
sleep 1
echo "--- a name never opened"
echo <(true) | sed 's/[0-9][0-9]*/N/g'
cat <(echo "in the background") & wait
sleep 1
ls /tmp | grep -c procsub
echo "--- set -o posix"
sh -c 'set -o posix; eval "cat <(echo no)"' 2>/dev/null || echo "syntax error"
