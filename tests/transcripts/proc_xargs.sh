# xargs: splitting and quoting of items, -n -I -0 -r -t, the limits of a
# command line, and the exit statuses 123 124 125 126 127.
rm -rf /tmp/xa_t
mkdir /tmp/xa_t
cd /tmp/xa_t
echo "--- default: echo, as many items as fit"
echo a b c | xargs
printf 'one\ntwo\n\n  three   four\n' | xargs echo items:
echo "--- quotes and backslashes"
printf "a 'b c' \"d e\" f\\\\ g ''\n" | xargs -n 1 echo x
echo "--- -n"
seq 1 7 | xargs -n 3
echo "--- -I: one command per line, leading blanks dropped"
printf 'a\n  b c\n\nd\n' | xargs -I {} echo [{}] {}.txt
echo x | xargs -I X echo X-X-X
echo "--- -0"
printf 'a b\0c\0' | xargs -0 -n 1 echo item:
echo "--- no input: the command runs once, unless -r"
printf '' | xargs echo ran
printf '' | xargs -r echo ran
echo "--- -t shows each command on standard error"
echo 1 2 3 | xargs -t -n 2 echo 2> trace
cat trace
echo "--- the command's standard input is /dev/null, not the items"
echo - | xargs cat
echo "status $?"
echo "--- no limit on the number of arguments but their size (GNU's 128 KiB)"
seq 1 2500 | xargs | wc -l
seq 1 30000 | xargs | wc -l
seq 1 2500 | xargs -n 1000 | wc -l
echo "--- exit statuses"
echo a | xargs sh -c 'exit 3'
echo "status $?"
echo a b | xargs -n 1 sh -c 'exit 255'
echo "status $?"
echo a | xargs sh -c 'kill -9 $$'
echo "status $?"
touch noexec
echo a | xargs ./noexec
echo "status $?"
echo a | xargs nope-command
echo "status $?"
echo "--- -s: bytes per command line, each argument with its NUL"
printf 'a b c d e f\n' | xargs -s 12 echo
printf 'a b c d e f\n' | xargs -s 5 echo
echo "status $?"
echo "--- -E: a logical end of input"
printf 'a\nb\nSTOP\nc\n' | xargs -E STOP echo
printf 'aXbXc' | xargs -d X -E b echo
echo "--- -d: a delimiter, nothing else special"
printf 'a,b,,c\n' | xargs -d, echo | od -c
printf "it's a b\nc\n" | xargs -d '\n' -n1 echo
printf 'x\ty\tz' | xargs -d '\t' -n2 echo
printf 'x:y' | xargs -d '\072' echo
printf 'x:y' | xargs -d '\x3a' echo
echo a | xargs -d ab echo
echo "status $?"
echo "--- -a: items from a file, standard input for the command"
printf 'x\ny\n' > list
echo stdin | xargs -a list sh -c 'echo "$@"; cat' sh
xargs -a nope echo
echo "status $?"
echo "--- -P: commands at the same time"
printf 'a b c d e f g h\n' | xargs -n 2 -P 3 echo | sort
seq 1 20 | xargs -P 0 -n 1 echo | sort -n | tr '\n' ' '
echo
printf '1\n2\n' | xargs -P 2 -n 1 sh -c 'exit $1' sh
echo "status $?"
echo a | xargs -P x echo
echo "status $?"
echo "--- bad input and usage"
printf "a 'b\n" | xargs echo > out
echo "status $?"
cat out
printf 'a "b\n' | xargs echo > out
echo "status $?"
cat out
echo a | xargs -n 0
echo "status $?"
echo a | xargs -n x
echo "status $?"
echo a | xargs -I
echo "status $?"
echo a | xargs -q
echo "status $?"
cd /tmp
rm -r /tmp/xa_t
echo "--- --process-slot-var: each command's slot, 0 to N-1; long options"
printf 'one\ntwo\nthree\n' | xargs -n 1 -P 1 --process-slot-var=V printenv V
printf 'a\nb\nc\nd\n' | xargs -n 1 -P 2 --process-slot-var=SLOT sh -c 'echo "$SLOT"' | grep -cv '^[01]$'
printf 'a\nb\n' | xargs --max-args=1 --no-run-if-empty echo x
printf 'a b\n' | xargs --null echo
xargs --bogus </dev/null; echo "status $?"
