# POSIX shell grammar (XCU 2.9, 2.10), checked against dash on the host by
# `make host-bin-check HOST_BIN_TESTS='posix_*'`: lists and AND-OR lists,
# pipelines and `!`, the compound commands, functions, here-documents,
# comments, reserved words where they are and are not recognised, and
# aliases (2.3.1). Errors are sent to /dev/null: only statuses and
# output are compared, since each shell words its messages its own way.
echo "--- lists"
true && echo and1; false && echo never; false || echo or1
true || echo never; echo after
false; echo "status after false: $?"
! true; echo "! true: $?"
! false | false; echo "! pipeline: $?"
{ echo in-group; false; }; echo "group status: $?"
echo one; echo two &
wait
echo "--- compound commands"
if false; then echo no; elif true; then echo elif; else echo no; fi
for i in a b c; do printf '%s ' "$i"; done; echo
for i
do echo "no words: $i"
done
set -- x y; for i; do echo "params: $i"; done; set --
n=0; while [ $n -lt 3 ]; do n=$((n + 1)); done; echo "while: $n"
until [ $n -eq 0 ]; do n=$((n - 1)); done; echo "until: $n"
for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo "loop $i"; done
for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo "$i$j"; done; done
case abc in a*) echo "case a*";; *) echo no;; esac
case x in (x) echo "leading paren";; esac
case y in x|y) echo "alternatives";; esac
case '*' in \*) echo "quoted star";; *) echo no;; esac
case empty in esac; echo "empty case: $?"
(echo "sub-shell"; exit 3); echo "sub-shell status: $?"
echo "--- reserved words are words elsewhere"
echo if then fi do done { }
x=while; echo "$x"
echo "--- functions"
f() { echo "f got $# args: $*"; return 4; }
f a b; echo "f returned $?"
g() (echo "sub-shell body"; exit 5)
g; echo "g: $?"
h()
{
    echo "body on the next line"
}
h
rec() { [ "$1" -gt 0 ] && rec $(($1 - 1)) && echo "level $1"; return 0; }
rec 3
echo "--- here-documents"
cat <<EOF
plain $((1 + 1)) text
EOF
cat <<'EOF'
quoted: $HOME is not expanded
EOF
cat <<-EOF
	tabs stripped
	EOF
cat <<A; cat <<B
first
A
second
B
echo "--- comments and continuations"
echo a # a comment
echo b#not-a-comment
echo con\
tinued
echo "--- aliases"
alias say='echo said'
say it
alias two='echo one; echo'
two three
alias blank='echo word '
alias word=replaced
blank word
unalias say; say 2>/dev/null; echo "after unalias: $?"
