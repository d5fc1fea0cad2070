# Pipelines: every stage runs at the same time, connected by pipes; the
# status is the last stage's; builtins and compound commands in any stage
# (each stage of a pipeline of two or more runs in a sub-shell, the last
# too, as in dash: what it does to variables stays there).
cd /tmp
echo hello | cat
printf 'c\nb\na\nb\n' | sort | uniq | tr a-z A-Z | rev | cat
echo "five stages: $(echo x | cat | cat | cat | cat)"
yes | head -n 3
yes pipeline | head -n 100000 | tail -n 1
seq 1 20000 | grep 7 | wc -l
printf 'one two\nthree\n' | wc -w
true | false; echo "true|false: $?"
false | true; echo "false|true: $?"
! true | false; echo "! true|false: $?"
! false; echo "! false: $?"
printf 'x\ny\n' | while read line; do echo "read: $line"; last=$line; done
echo "the last stage ran in a sub-shell: last=$last"
for i in 3 1 2; do echo $i; done | sort
{ echo b; echo a; } | sort | head -n 1
if true; then echo from-if; fi | tr a-z A-Z
echo abc | { read v; echo "group read $v"; } | tr a-z A-Z
f() { echo "function says $1"; }
f hi | tr a-z A-Z
echo start | f piped
pwd | tr / :
cd / | cat; pwd | tr / :
echo "stderr into the pipe:"
{ echo out; echo err >&2; } 2>&1 | sort -r
echo "only stdout goes down the pipe:"
{ echo err >&2; } 2>/dev/null | wc -l
nope | echo "after a missing command"
echo data | nope; echo "status $?"
echo long |
  cat |
  tr a-z A-Z
x=1 | cat; echo "x is [${x}]"
echo 2 | read y; echo "y is [$y]"
echo 3 | { read z; echo "z in the group: $z"; }; echo "z after: $z"
