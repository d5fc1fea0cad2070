# ulimit (shell/sh/bi_proc.c) over getrlimit and setrlimit (kernel/rlimit.c):
# limits shown and set, soft and hard, -f in 512-byte blocks; a writer past
# -f gets SIGXFSZ (status 153), -n makes open fail with EMFILE; children
# inherit the limits; and /tmp is sticky and world-writable, as on Unix:
# anyone may make a file there, only its owner (or root) remove it.
echo "--- defaults"
ulimit -n; ulimit -Hn; ulimit -f; ulimit -Sc; ulimit -Hc
ulimit -a | head -2
echo "--- -f"
rm -f /tmp/proc_ulimit.big
(ulimit -f 1; yes > /tmp/proc_ulimit.big); echo "status $?"
wc -c < /tmp/proc_ulimit.big
(ulimit -f 1; printf '%600s' x > /tmp/proc_ulimit.big; echo "not reached"); echo "status $?"
wc -c < /tmp/proc_ulimit.big
(ulimit -f 4; ulimit -f; ulimit -Hf; ulimit -S -f 2; ulimit -f; ulimit -H -f)
(ulimit -f 3; ulimit -f unlimited; ulimit -f)
rm -f /tmp/proc_ulimit.big
echo "--- -n"
echo hello > /tmp/proc_ulimit.small
(ulimit -n 3; cat /tmp/proc_ulimit.small; echo "cat: $?")
(ulimit -n 4; cat /tmp/proc_ulimit.small)
rm -f /tmp/proc_ulimit.small
echo "--- inherited"
(ulimit -n 10; ulimit -c 8; sh -c 'ulimit -n; ulimit -c')
echo "--- trace shows the calls"
trace sh -c 'ulimit -n 10; ulimit -n' 2>&1 | grep rlimit
echo "--- errors"
ulimit -n 65; echo "status $?"
ulimit -S -n 65; echo "status $?"
ulimit -x; echo "status $?"
ulimit -f abc; echo "status $?"
ulimit -f 1 2; echo "status $?"
echo "--- /tmp"
test -k /tmp && echo "/tmp is sticky"
ls -ld /tmp | cut -c1-10
echo root > /tmp/proc_ulimit.root
runas 1000 sh -c 'echo mine > /tmp/proc_ulimit.user && rm /tmp/proc_ulimit.user && echo "a user makes and removes its own file"'
runas 1000 rm -f /tmp/proc_ulimit.root; echo "status $?"
rm /tmp/proc_ulimit.root
