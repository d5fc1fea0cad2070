# stat: -c FORMAT directives, the default multi-line report, errors.
# Inode and device numbers, owners, block counts, I/O block sizes, the
# sizes of directories and the times differ from one system to another:
# for those, only the shape of the output is checked.
rm -rf /tmp/stat_t
mkdir /tmp/stat_t
cd /tmp/stat_t
echo hello > f
touch empty
mkdir d
mkdir -m 1750 sticky
mkfifo -m 640 p
echo "--- -c: name, size, octal and ls-style mode, type, links"
stat -c '%n %s %a %A %F %h' f empty p
stat -c '%n %a %A %F %h' d sticky
echo "--- -c: a character device"
stat -c '%n %A %F' /dev/null
echo "--- -c: literal text and %%"
stat -c 'name=%n size=%s 100%%' f
echo "--- -c: numbers"
stat -c '%u %g' f | tr -s 0-9 N
stat -c '%i %h %b %B %o' f | tr -s 0-9 N
stat -c '%Y %X %Z' f | tr -s 0-9 N
echo "--- -c: times, and the birth time nobody keeps"
stat -c '%y' f | cut -d' ' -f1,2 | tr -d 0-9
stat -c '%w %W' f
echo "--- -c: an unknown directive"
stat -c '%q' f
echo "--- the default report"
stat f > out
cut -c1-7 out
grep Size: out | cut -f1
grep Size: out | cut -f2 | tr -s ' ' | cut -d' ' -f1,3,4,6-
grep Device: out | tr -s 0-9 N | tr -s ' '
grep 'Access: (' out | cut -d' ' -f1,2
grep 'Uid: (' out | tr -s ' ' | tr -d 'a-z0-9' | cut -d' ' -f3-
echo "--- the default report: the kinds of file"
stat d | grep Size: | cut -f2 | tr -s ' ' | cut -d' ' -f6-
stat empty | grep Size: | cut -f2 | tr -s ' ' | cut -d' ' -f6-
stat p | grep Size: | cut -f2 | tr -s ' ' | cut -d' ' -f6-
stat /dev/null | grep 'Size:' | cut -f2 | tr -s ' ' | cut -d' ' -f6-
stat /dev/null | grep 'Device type:' | tr -s ' ' | cut -d' ' -f6,7
echo "--- several files and errors"
stat -c %n f nope d
echo "status $?"
stat
echo "status $?"
stat -c
echo "status $?"
stat -x f
echo "status $?"
cd /tmp
rm -r /tmp/stat_t
