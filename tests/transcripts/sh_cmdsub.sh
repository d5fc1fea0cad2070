# Command substitution: $(...) and `...`: the output of a command, its
# trailing newlines removed, split into words unless quoted.
echo "simple: $(echo hello)"
echo "nested: $(echo $(echo inner) outer)"
echo "backquotes: `echo old style`"
echo "trailing newlines go: [$(printf 'a\n\n\n')]"
echo "inner newlines stay: [$(printf 'a\n\nb')]"
lines=$(printf 'one\ntwo\nthree\n')
echo "quoted keeps lines:"; echo "$lines"
echo "unquoted splits:" $lines
set -- $(echo a b c)
echo "split into $# words"
count=$(seq 1 5 | wc -l)
echo "count=$count"
echo "pipeline inside: $(printf 'b\na\n' | sort | tr '\n' ' ')"
echo "list inside: $(echo one; echo two)"
echo "builtins inside: $(cd /tmp && pwd)"
echo "the cd stayed inside: $(pwd | grep -c '^/tmp$')"
v=outside
echo "variables inside: $(echo $v; v=changed; echo $v)"
echo "v is still $v"
f() { echo "from f $1"; }
echo "functions inside: $(f x)"
x=$(exit 5); echo "status of an assignment: $?"
x=$(true); echo "status after a true: $?"
echo "$(echo "quotes \"inside\" quotes")"
echo "loop inside: $(for i in 1 2 3; do printf $i; done)"
echo "large: $(seq 1 20000 | tail -n 1)"
echo "arithmetic on output: $(( $(echo 6) * 7 ))"
echo "in a here-document:"
cat <<EOF
  today is $(echo someday)
EOF
echo "in a for list:"
for w in $(echo x y); do echo "  $w"; done
case $(echo abc) in a*) echo "in a case word";; esac
echo "errors inside: [$(nope 2>&1)]"
echo "empty: [$(true)]"
