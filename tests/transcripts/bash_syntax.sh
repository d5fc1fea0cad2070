# bash's syntax beside POSIX's (off with set -o posix): case items ending
# in ;& (the next body runs too) and ;;& (the patterns are tried on);
# &> &>> and |& send standard error with standard output.
echo "--- case ;;& and ;&"
case wow in w?w) echo ok ;;& wow) echo also ;; *) echo "not this" ;; esac
case a in a) echo 1 ;& b) echo 2 ;& c) echo 3 ;; d) echo 4 ;; esac
for w in x y; do
    case $w in x) echo "x, then" ;& y) echo "y's body" ;; esac
done
f() { case $1 in a*) echo "starts with a" ;;& *b) echo "ends with b" ;;& *) echo any ;; esac; }
f ab; f b
(case z in z) echo "in a sub-shell" ;& q) echo "fell through" ;; esac)
echo "--- &> &>> |&"
cd /tmp
{ echo out; echo err >&2; } &> both
cat both
{ echo more >&2; } &>> both
cat both
{ echo to-pipe; echo err-to-pipe >&2; } |& sort
ls /tmp/both /nowhere |& wc -l
rm -f both
echo "--- assignments before a special builtin: kept in sh, not in bash"
sh -c 'v=1; v=2 :; echo "sh: $v"'
bash -c 'v=1; v=2 :; echo "bash: $v"; w=1; w=2 unset w; echo "bash: $w"'
echo "--- set -o posix: ;& is an error"
sh -c 'set -o posix; eval "case a in a) echo x;& esac"' 2>/dev/null || echo "syntax error"
echo "--- here-documents: backslash-newline joins lines, the delimiter's too"
cat <<END
joined \
line
END
cat <<EN\
D
the delimiter is END
END
cat <<END
a line joined to the delimiter's text \
END
END
cat <<'E"F'
a quote inside the other quotes: \
E"F
bash -c 'cat <<$(x)
a delimiter that looks like \$(x)
$(x)'
echo "--- \$[...] is \$((...))"
echo $[1+2] "$[3 * 4]"
