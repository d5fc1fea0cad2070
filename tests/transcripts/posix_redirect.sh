# Redirections (XCU 2.7), checked against dash on the host (make
# host-bin-check HOST_BIN_TESTS='posix_*'): files, appending, <> , duplicating
# and closing descriptors, exec for good, noclobber, here-documents, and
# /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N (appended to: where the
# output is a file, > would empty it, on Linux as on Duplex).
t=/tmp/posix_redirect; rm -rf $t; mkdir $t
echo one > $t/f; echo two >> $t/f; cat < $t/f
echo "--- descriptors"
exec 3> $t/three; echo "to three" >&3; exec 3>&-; cat $t/three
exec 5> $t/five; exec 6>&5; exec 5>&-; echo "copied to six" >&6
(echo "five is closed" >&5) 2>/dev/null; echo "write to 5: $?"
exec 6>&-; cat $t/five
echo err 2>&1 >/dev/null | cat
{ echo out; echo err >&2; } 2>&1 | sort
exec 4<> $t/rw; echo "read-write" >&4; exec 4>&-; cat $t/rw
echo "--- errors"
f=''; (echo x > "$f") 2>/dev/null; echo "to an empty name: $?"
(echo x > $t/no/such) 2>/dev/null; echo "into a missing directory: $?"
(echo x >&9) 2>/dev/null; echo "to a closed descriptor: $?"
cat 2>/dev/null < $t/missing; echo "from a missing file: $?"
echo "--- noclobber"
set -C; (echo again > $t/f) 2>/dev/null; echo "refused: $?"
echo forced >| $t/f; cat $t/f; echo fine > /dev/null; echo "/dev/null: $?"; set +C
echo "--- here-documents"
x=expanded
cat <<EOF | tr a-z A-Z
$x and \$x
EOF
while read line; do echo "read: $line"; done <<EOF
first
second
EOF
echo "--- the descriptor names"
echo "via /dev/stdout" >> /dev/stdout
echo "via /dev/stderr" 2>&1 >> /dev/stderr | cat
echo "from /dev/stdin" | cat /dev/stdin
exec 7> $t/seven; echo "via /dev/fd/7" > /dev/fd/7; exec 7>&-; cat $t/seven
echo "input" | { read x < /dev/fd/0; echo "got $x"; }
rm -rf $t
