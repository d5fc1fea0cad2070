# bash's {name}<file: the shell opens the file on a descriptor of its
# own choosing (10 or more), keeps it open after the command, and puts
# its number in name; {name}>&- closes it. In sh, {name} is a word.
cd /tmp
echo "first line" > named_fd_in
bash <<'END_OF_BASH'
if :; then echo "a compound command"; fi {in}<named_fd_in
[ "$in" -ge 10 ] && echo "a descriptor of 10 or more"
cat <&$in
exec {out}>named_fd_out
echo "written through \$out" >&$out
exec {out}>&-
cat named_fd_out
f() { read -r line <&"$1"; echo "f read: $line"; }
exec {again}<named_fd_in
f "$again"
readonly ro
echo "not run" {ro}</dev/null; echo "a read-only name: status $?"
END_OF_BASH
sh -c 'echo {in}<named_fd_in'
rm -f named_fd_in named_fd_out
