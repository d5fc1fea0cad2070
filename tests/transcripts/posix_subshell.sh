# Sub-shells (XCU 2.12): ( ), $(...), each stage of a pipeline and a
# command in the background run with a copy of the shell's state, and
# nothing they do reaches the shell. Checked against dash on the host
# (make host-bin-check HOST_BIN_TESTS='posix_*'). Duplex, which has no
# fork, gives each its own shell process with a copy of the state.
echo "--- variables, functions, options and directory stay in the sub-shell"
x=outer; (x=inner; echo "in: $x"); echo "out: $x"
f() { echo old; }; (f() { echo new; }; f); f
here=$(pwd); (set -e; cd /; echo "in: $- $(pwd)"); echo "out: [$-]"
[ "$(pwd)" = "$here" ] && echo "directory unchanged"
y=$(z=1; echo "z=$z"); echo "$y, z=[${z-unset}]"
echo ${a=1} | cat; echo "a after a pipeline: [${a-unset}]"
echo ${b=2} > /dev/null &
wait; echo "b after &: [${b-unset}]"
echo value | read c; echo "c after read in a pipeline: [${c-unset}]"
d=0; printf '1\n2\n' | while read l; do d=$l; done; echo "d=$d"
echo "one stage's assignment, in the next: $(xx=1 true | env | grep -c '^xx=')"
echo "--- what the sub-shell sees"
u=unexported; e=exported; export e
(echo "$u $e"); echo "$(echo "$u $e")"; echo x | (read w; echo "$u $e $w")
g() { echo "function g"; }; (g); echo "$(g)"; g | cat
set -- p1 p2; (echo "params: $*"); set --
false; (echo "status seen: $?")
[ "$(echo $$)" = "$$" ] && echo "\$\$ is the shell's in a sub-shell"
trap 'echo parent trap' EXIT; (echo "traps are not inherited"); trap - EXIT
echo "--- control flow ends only the sub-shell"
for i in 1 2; do (continue; echo never); echo "after ( continue ): $i"; done
for i in 1 2; do (break); echo "after ( break ): $i"; done
h() ( return 42 ); h; echo "h() ( return 42 ): $?"
(exit 9); echo "exit 9: $?"
k() { (exit 3); echo "k goes on: $?"; }; k
echo "--- a loop of builtins in a pipeline sees SIGPIPE"
while :; do echo y; done | head -n 3
i=0; while :; do i=$((i + 1)); echo $i; done | head -n 2
echo "--- background"
sleep 0 & pid=$!; wait $pid; echo "waited for \$!: $?"
{ echo in-bg; exit 6; } > /tmp/posix_bg.txt & wait $!; echo "status $?"; cat /tmp/posix_bg.txt
rm -f /tmp/posix_bg.txt
