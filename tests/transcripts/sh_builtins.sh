# Builtins: cd, pwd, export, unset, read, shift, set, eval, ., exec,
# true/false/:, help; X=1 cmd assignments for one command.
cd /tmp
pwd
mkdir -p /tmp/sh_builtins/sub
cd /tmp/sh_builtins/sub; pwd
cd ..; pwd
cd -
cd - > /dev/null; pwd
echo "PWD=$PWD OLDPWD=$OLDPWD"
HOME=/tmp/sh_builtins
cd; pwd
HOME=
cd /tmp/sh_builtins/sub; cd; pwd
cd /nonexistent; echo "cd failed: $?"
cd /tmp/sh_builtins
V=local
sh -c 'echo "child sees V=[$V]"'
export V
sh -c 'echo "after export: V=[$V]"'
export W=direct
sh -c 'echo "W=$W"'
Z=only-for-this sh -c 'echo "Z=$Z"'
echo "Z here: [$Z]"
unset V
sh -c 'echo "after unset: V=[$V]"'
echo "unset: [${V-gone}]"
(export 1bad); echo "bad name, a special builtin: $?"
printf 'first line\nsecond  line  here\n' > input
read a < input; echo "read: [$a]"
{ read a; read b c; } < input; echo "read two: [$a] [$b] [$c]"
read x y z <<EOF
  one   two   three four
EOF
echo "split: [$x] [$y] [$z]"
read -r raw <<'EOF'
back\slash kept
EOF
echo "raw: $raw"
read cooked <<'EOF'
back\slash removed
EOF
echo "cooked: $cooked"
IFS=: read f1 f2 f3 <<EOF
a:b:c:d
EOF
echo "IFS read: $f1 $f2 $f3"
read nothing < /dev/null; echo "read at end of input: $?"
printf 'r1\nr2\nr3\n' | while read line; do echo "got $line"; done
set -- a b c d e
echo "$# $*"
shift; echo "shift: $*"
shift 2; echo "shift 2: $*"
(shift 5; echo never); echo "shift too far ends the shell: $?"
set -- "x y" z; echo "set: $# [$1]"
set --; echo "set --: $#"
cmd='echo evaluated $((1+1))'
eval $cmd
eval 'for i in 1 2; do echo "eval loop $i"; done'
eval "q=assigned"; echo "eval assigned: $q"
echo 'echo "sourced with $# args: $*"; sourced_var=yes' > lib.sh
. ./lib.sh one two
echo "sourced_var=$sourced_var"
echo 'return 4; echo never' > ret.sh
. ./ret.sh; echo "return from a sourced file: $?"
(. ./missing.sh); echo "source missing: $?"
: ignored arguments; echo "colon: $?"
true; echo $?; false; echo $?
sh -c 'exec echo "exec replaced the shell"; echo never'
sh -c 'exec > out; echo "into the file"'; cat out
sh -c 'exec nope'; echo "exec nope: $?"
help | head -n 1
cd /tmp; rm -r /tmp/sh_builtins
