# /proc (proc(5)): a directory per process, self, the descriptor links,
# the files at the top, the host name, and what Linux refuses there. Pids
# and times differ from run to run: they are compared, not printed.
echo "--- the top"
ls /proc | grep -v '^[0-9][0-9]*$'
ls -ld /proc /proc/uptime /proc/sys/kernel/hostname | awk '{ print $1, $NF }'
set -- $(cat /proc/uptime); echo "uptime has $# fields"
cut -d' ' -f1-3 /proc/version
cat /proc/mounts
head -1 /proc/cpuinfo
awk '{ print $1, $3 }' /proc/meminfo | head -3
t=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
[ "$t" = "$(free | awk '/^Mem:/ { print $2 }')" ] && echo "MemTotal is free's total"
echo "--- a process's directory"
[ -d /proc/$$ ] && echo "the shell has /proc/\$\$"
sh -c 'read pid comm state ppid rest < /proc/self/stat
       [ "$pid" = "$$" ] && echo "stat: pid is \$\$"
       [ "$ppid" = "$PPID" ] && echo "stat: ppid is \$PPID"
       echo "stat: $comm $state"'
wc -w < /proc/self/stat | tr -d ' '
sh -c 'cd /proc/self && grep "^Pid:" status | { read k v; [ "$v" = "$$" ] && echo "status: Pid is \$\$"; }'
grep -E '^(Name|State|Uid|Gid|Threads):' /proc/self/status
cat /proc/self/cmdline | tr '\0' '|'; echo
cat /proc/self/comm
ls -l /proc/self/ | awk 'NR > 1 { print $1, ($1 ~ /^l/ ? $(NF-2) : $NF) }'
echo "--- descriptors"
echo hello > /tmp/proc.f
ls /proc/self/fd
readlink /proc/self/fd/0 < /tmp/proc.f
readlink /proc/self/fd/5 5>> /tmp/proc.f
echo | readlink /proc/self/fd/0 | sed 's/[0-9][0-9]*/N/'
ls -l /proc/self/fd/ < /tmp/proc.f 5>> /tmp/proc.f |
    awk '$(NF-2) == 0 || $(NF-2) == 5 { print $1, $(NF-2), $(NF-1), $NF }'
cat /proc/self/fd/0 < /tmp/proc.f
(cd /tmp && readlink /proc/self/cwd)
[ -e /proc/self/exe ] && echo "exe exists"
echo "--- the host name"
[ "$(cat /proc/sys/kernel/hostname)" = "$(hostname)" ] && echo "hostname agrees"
echo box > /proc/sys/kernel/hostname
hostname; uname -n
echo duplex > /proc/sys/kernel/hostname
cat /proc/sys/kernel/hostname
echo "--- refused"
echo x > /proc/uptime; echo "status $?"
runas 1000 sh -c 'echo x > /proc/uptime'; echo "status $?"
runas 1000 sh -c 'echo x > /proc/sys/kernel/hostname'; echo "status $?"
runas 1000 ls /proc/1/fd; echo "status $?"
touch /proc/new; echo "status $?"
mkdir /proc/new; echo "status $?"
rm /proc/uptime; echo "status $?"
echo "--- a process gone"
sleep 100 & p=$!
exec 3< /proc/$p/status
kill $p; wait $p
cat <&3; echo "status $?"
exec 3<&-
cat /proc/$p/stat 2>&1 | sed 's/[0-9][0-9]*/N/'
[ -e /proc/$p ] || echo "its directory is gone"
rm -f /tmp/proc.f
