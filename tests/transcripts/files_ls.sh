# ls: order, -a -A -1 -C -d -F -l -r -t, several operands, errors, exit status.
# Owners, groups, dates, block counts and directory sizes differ from one
# system to another: for those, only the shape of the output is checked.
rm -rf /tmp/ls_t
mkdir /tmp/ls_t
cd /tmp/ls_t
mkdir dir sub
mkdir -m 700 priv
touch b a .hidden C dir/x dir/y
echo hello > five
mkfifo fifo
echo "--- not to a terminal: one name a line, in C order"
ls | cat
echo "--- -a"
ls -a
echo "--- -A"
ls -A
echo "--- -1 -r"
ls -1 -r
echo "--- -F"
ls -1F
echo "--- a directory operand"
ls -1 dir
echo "--- several operands: files first, then directories with headers"
ls -1 sub dir five a
echo "--- -d"
ls -1d dir sub .
ls -1d
echo "--- -C, 30 columns wide"
env COLUMNS=30 ls -C
env COLUMNS=30 ls -CF
echo "--- -l: mode, links and name"
ls -l | grep -v '^total' | tr -s ' ' | cut -d' ' -f1,2,9
echo "--- -l: sizes of files"
ls -l five a fifo | tr -s ' ' | cut -d' ' -f5,9
echo "--- -l: a directory listing starts with its total"
ls -l dir | head -n 1 | cut -d' ' -f1
echo "--- -l: the date is month, day and time"
ls -l five | tr -s ' ' | cut -d' ' -f6-8 | tr -d 'A-Za-z0-9'
echo "--- -ld"
ls -ld dir priv | tr -s ' ' | cut -d' ' -f1,2,9
echo "--- -ldF"
ls -ldF fifo dir | tr -s ' ' | cut -d' ' -f1,9
echo "--- -t: newest first"
sleep 1
touch newest
ls -1t | head -n 1
ls -1tr | tail -n 1
echo "--- errors"
ls nope
echo "status $?"
ls -1 nope a
echo "status $?"
ls -1 a nope sub
echo "status $?"
ls -z
echo "status $?"
ls -1 a
echo "status $?"
cd /tmp
rm -r /tmp/ls_t
