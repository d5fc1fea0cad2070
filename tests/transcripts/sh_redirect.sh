# Redirections: < > >> 2> 2>&1 N< N> N>> N>&M N<&M N>&- <<, for programs
# (spawn file actions) and for builtins and compound commands (the shell
# saves and restores its own descriptors).
d=/tmp/sh_redirect
rm -rf $d
mkdir $d
echo first > $d/f
echo second >> $d/f
cat < $d/f
cat $d/f > $d/g; cat $d/g
echo replaced > $d/g; cat $d/g
cat $d/missing 2> $d/err || echo "cat failed"
cat $d/err > /dev/null && echo "stderr went to the file"
cat $d/missing > $d/out 2>&1; echo "both: $(cat $d/out | wc -l) line"
cat $d/missing 2>/dev/null || echo "error hidden"
{ echo to-stdout; echo to-stderr >&2; } 2>/dev/null
{ echo to-stdout; echo to-stderr >&2; } > /dev/null 2>&1
{ echo out; echo err >&2; } 2>&1 | sort
echo "order: stdout to file, then 2>&1"
{ echo a; echo b >&2; } > $d/both 2>&1; cat $d/both
echo three 3> $d/three >&3; cat $d/three
exec 4> $d/four
echo via fd four >&4
echo again >&4
exec 4>&-
cat $d/four
echo "echo to closed fd:"; echo lost >&4
exec 5< $d/f
read line <&5; echo "read from 5: $line"
read line <&5; echo "read from 5: $line"
exec 5<&-
cd $d; pwd > pwd; cat pwd
cd /tmp; pwd >> $d/pwd; cd - > /dev/null; cat pwd; cd /tmp
while read w; do echo "line: $w"; done < $d/f
for x in 1 2; do echo $x; done > $d/loop; cat $d/loop
if true; then echo in-if; fi > $d/if; cat $d/if
echo "still on stdout"
cat <<EOF
here-document: $d is expanded, \$d is not
  leading spaces kept
EOF
cat <<'EOF'
quoted delimiter: $d stays
EOF
cat <<-EOF
	tabs stripped
	EOF
read a b <<EOF
alpha beta gamma
EOF
echo "read: $a / $b"
cat < $d/nonexistent; echo "status $?"
echo x > $d/no/such/dir; echo "status $?"
echo x > $d; echo "status $?"
pwd < $d/nonexistent; echo "builtin status $?"
echo "fd 7 is not open:"; cat <&7; echo "status $?"
cat $d/f | cat > $d/h < $d/g; cat $d/h
rm -r $d
echo done
