# man: a page for every program of /bin and every builtin of the shell, and
# the system calls and IPC functions (sections 2 and 3) with overviews of
# the mechanisms (7). Not on a terminal, a page is plain text.
echo "--- every program in /bin has a page"
n=0
for f in /bin/*; do
    n=$((n + 1))
    man -w "${f##*/}" >/dev/null 2>&1 || echo "no page for $f"
done
[ "$n" -gt 60 ] && echo "checked every program of /bin"
echo "--- every builtin has a page"
set -f
help | {
    on=
    while IFS= read -r l; do
        case $l in Builtins:) on=1; continue ;; "  "*) ;; *) on= ;; esac
        [ -n "$on" ] || continue
        set -- $l
        man -w "$1" >/dev/null 2>&1 || echo "no page for builtin $1"
        echo "$1"
    done | wc -l
}
set +f
echo "--- man 2 msgrcv | head"
man 2 msgrcv | head -n 8
echo "--- man sh | grep"
man sh | grep -c 'spawn'
man sh | grep '^[A-Z]'
echo "--- man pipe: the first of 1, 2, 3, 7 (pipe(2)); man 7 pipe the overview"
man pipe | head -n 1
man 7 pipe | head -n 4 | tail -n 1
echo "--- a page for a family of calls"
man sem_trywait | head -n 4 | tail -n 1
man -w sem_trywait
echo "--- sockets and POSIX message queues: calls, families, overviews"
for n in socket accept4 sendmsg recvfrom setsockopt CMSG_DATA mq_timedsend mq_setattr; do
    man -w "$n"
done
man 7 unix | head -n 4 | tail -n 1
man 7 mq_overview | head -n 4 | tail -n 1
echo "--- man -k"
man -k 'message queue'
echo "--- errors"
man nope
echo "status $?"
man 7 nope
echo "status $?"
man
echo "status $?"
