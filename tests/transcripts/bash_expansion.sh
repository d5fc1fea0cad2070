# bash's expansions beside POSIX's (off with set -o posix): the operators
# on each positional parameter, ${@:off:len}, ${!prefix*}, ${!x op},
# ${x@Q} ${x@U} ${x@u} ${x@L}, NAME+=value, $(<file), and ++ before what
# is no name; $"..." in bash.
set -- ab cd ef gh ij
echo "--- \${@:off:len} takes parameters"
for i in "${@:2:3}"; do echo "=$i="; done
echo "${@: -2}" "[${@:9}]"
IFS=x; echo "${*:3:2}"; unset IFS
f() { echo "${@:0:1}"; }; f one two
echo "--- an operator on each parameter"
set -- 1.c 2.c "3 x.c"
for i in "${@%.c}"; do echo "=$i="; done
for i in "${*/./-}"; do echo "=$i="; done
echo "${@@Q}"
x=hello; echo "${x@Q} ${x@U} ${x@u} ${x@L}"
echo "--- \${!prefix*} names variables"
pre_one=1 pre_two=2 pre_=; echo ${!pre_*}
for n in "${!pre_@}"; do echo "name: $n"; done
echo "[${!nothing_here*}]"
(eval 'echo "${!pre_*x}"') 2>/dev/null || echo "\${!pre_*x}: bad substitution"
echo "--- \${!x} and an operator"
ABC=123 X=ABC; echo ${!X} ${!X@Q} ${!X/2/-}
g() { echo ${!a@Q}; }; a=@; g one two
echo "--- += appends"
s+=abc; t=def; t+=$s; echo "$s $t"
h() { echo "in h: $t"; }; t+=! h; echo "after h: $t"
echo "--- \$\"...\" is \"...\" in bash (in sh, \$ then \"...\")"
bash -c 't=x; echo $"value: $t"'
sh -c 't=x; echo $"value: $t"'
echo "--- \$(<file)"
printf 'line one\nline two\n' > /tmp/bash_exp_file
c=$(</tmp/bash_exp_file); echo "$c"
rm -f /tmp/bash_exp_file
echo "--- +++x is +(++x)"
n=1; echo $((+++n)) $n; echo $((---n)) $n
echo "--- set -o posix: none of them"
(set -o posix; eval 'echo ${!pre_*}') 2>/dev/null || echo "bad substitution"
(set -o posix; eval 'v+=1') 2>/dev/null || echo "v+=1: not found"
