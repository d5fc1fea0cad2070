# POSIX special builtins (XCU 2.14) and the errors that end a shell (2.8.1),
# checked against dash on the host (make host-bin-check HOST_BIN_TESTS=
# 'posix_*'). Each fatal error runs in a sub-shell, which it ends; its
# message goes to /dev/null, its status is shown.
echo "--- assignments before a special builtin stay"
v=kept :; echo "v=$v"
w=temp true; echo "w=[$w]"
echo "--- errors of special builtins end the shell"
(shift 3; echo never) 2>/dev/null; echo "shift too far: $?"
(set -- a; shift x; echo never) 2>/dev/null; echo "shift x: $?"
(: > /no/such/dir/f; echo never) 2>/dev/null; echo "redirection of a special builtin: $?"
(cat > /no/such/dir/f; echo "goes on: $?") 2>/dev/null
(export 1bad; echo never) 2>/dev/null; echo "export of a bad name: $?"
(readonly r=1; r=2; echo never) 2>/dev/null; echo "assignment to a read-only: $?"
(readonly r=1; unset r; echo never) 2>/dev/null; echo "unset of a read-only: $?"
(for i in 1 2; do break x; done; echo never) 2>/dev/null; echo "break x: $?"
(exit foo; echo never) 2>/dev/null; echo "exit foo: $?"
(eval 'if'; echo never) 2>/dev/null; echo "eval of a syntax error: $?"
(. /no/such/file; echo never) 2>/dev/null; echo ". of a missing file: $?"
(set -o nosuchoption; echo never) 2>/dev/null; echo "bad set option: $?"
(echo ${x:?}; echo never) 2>/dev/null; echo "\${x:?}: $?"
(unset x; set -u; echo $x; echo never) 2>/dev/null; echo "set -u: $?"
echo "--- exit and return"
(exit 300); echo "exit 300: $?"
f() { return 7; }; f; echo "return 7: $?"
f() { false; return; }; f; echo "return alone: $?"
sh -c 'return 5; echo never'; echo "return at the top: $?"
echo "--- export, readonly, unset"
unset e; export e; echo "exported, unset: [${e-unset}]"
export e=1; sh -c 'echo "child sees e=$e"'
readonly ro=1; readonly -p | grep ' ro='
export -p | grep ' e='
unset e; echo "unset: [${e-gone}]"
fn() { :; }; unset -f fn; (fn) 2>/dev/null; echo "unset -f: $?"
echo "--- set"
set -- a b c; echo "$# $2"; set --; echo "$#"
set -a; auto=exported; set +a; sh -c 'echo "set -a: $auto"'
set -o | grep -c 'errexit'
set +o | grep -c 'set +o noglob'
set -C; echo a > /tmp/posix_special.txt; (echo b > /tmp/posix_special.txt) 2>/dev/null
echo "noclobber: $?"; echo c >| /tmp/posix_special.txt; cat /tmp/posix_special.txt; set +C
rm -f /tmp/posix_special.txt
sh -n -c 'echo never'; echo "set -n: $?"
sh -o errexit -c 'false; echo never'; echo "sh -o errexit: $?"
sh -v -c 'echo shown' 2>&1
(set -e; false; echo never); echo "set -e: $?"
(set -e; false || true; if false; then :; fi; echo "conditions are exempt")
echo "--- trap"
trap 'echo "on exit"' EXIT
trap 'echo int' INT
trap
trap 0 2
trap
trap '' HUP; trap
trap - HUP
(trap 'echo sub-shell exit' EXIT; exit 3); echo "status $?"
sh -c 'trap "echo bye" EXIT; echo hi'
echo "--- eval, exec, times"
eval 'x=1; echo "eval: $x"'
eval "echo one;" "echo two"
(exec echo "exec replaces")
times > /dev/null; echo "times: $?"
