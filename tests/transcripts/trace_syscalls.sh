# trace: a command's system calls with their arguments and results, written
# by the kernel as each call returns. Addresses, pids and pipe numbers differ
# between the targets and runs: mask() hides pids and pipe numbers, and the
# calls shown are chosen with -e to have no addresses. The size of
# /etc/motd is shown as SIZE, so that the motd may change.
size=$(wc -c < /etc/motd)
mask() {
    while IFS= read -r l; do
        case $l in "[pid "*) l="[pid N] ${l#*\] }" ;; esac
        l="${l//, $size) = $size/, SIZE) = SIZE}"
        l="${l//) = $size/) = SIZE}"
        printf '%s\n' "${l/pipe [0-9]* read/pipe N read}"
    done
}
echo "--- trace cat /etc/motd: open, read, write, close, exit"
trace -e open,read,write,close,exit cat /etc/motd 2>&1 >/dev/null | mask
echo "status $?"
echo "--- the whole trace goes to -o FILE, the command's output where it was"
[ "$(trace -o /tmp/cat.trace cat /etc/motd | wc -l)" = "$(wc -l < /etc/motd)" ] &&
    echo "as many lines as /etc/motd"
grep -c '^open("/etc/motd", O_RDONLY) = 3$' /tmp/cat.trace
tail -2 /tmp/cat.trace
echo "--- an error is -1 and its name"
trace -o /tmp/nope.trace -e open cat /nope
cat /tmp/nope.trace
echo "--- a call that blocks is shown when it blocks, and when it resumes"
(sleep 1; echo late) | trace -e read head -n 1 2>&1 >/dev/null | mask
echo "--- sockets: the address, the type and shutdown's how by name"
nc -U -l /tmp/trace.sock > /dev/null &
while ! test -S /tmp/trace.sock; do sleep 0.1; done
echo hi | trace -e socket,connect,shutdown nc -U /tmp/trace.sock 2>&1
wait $!
rm /tmp/trace.sock
trace -e socketpair fdpass 2>&1 >/dev/null
echo "--- -f: the children too, each line with its pid"
trace -f -e exit sh -c 'env true; exit 4' 2>&1 | mask
echo "status $?"
echo "--- without -f, only the command itself"
trace -e exit sh -c 'env true; exit 5' 2>&1
echo "--- the command's status is trace's"
trace sh -c 'exit 3' 2>/dev/null
echo "status $?"
trace -e exit sh -c 'kill -TERM $$' 2>&1
echo "status $?"
trace /nope
echo "status $?"
trace
echo "status $?"
