# bash's syntax beside POSIX's (off with set -o posix): case items ending
# in ;& (the next body runs too) and ;;& (the patterns are tried on); |&
# sends standard error with standard output into the pipe. Only in bash
# (where POSIX says otherwise): &> and &>>, $[...], and a line joined by
# backslash-newline ending a here-document.
echo "--- case ;;& and ;&"
case wow in w?w) echo ok ;;& wow) echo also ;; *) echo "not this" ;; esac
case a in a) echo 1 ;& b) echo 2 ;& c) echo 3 ;; d) echo 4 ;; esac
for w in x y; do
    case $w in x) echo "x, then" ;& y) echo "y's body" ;; esac
done
f() { case $1 in a*) echo "starts with a" ;;& *b) echo "ends with b" ;;& *) echo any ;; esac; }
f ab; f b
(case z in z) echo "in a sub-shell" ;& q) echo "fell through" ;; esac)
echo "--- &> &>> |& (|& in sh too; &> only in bash: in sh a &>b is a & >b)"
cd /tmp
{ echo to-pipe; echo err-to-pipe >&2; } |& sort
ls /tmp /nowhere |& grep -c nowhere
bash <<'END_OF_BASH'
{ echo out; echo err >&2; } &> both
cat both
{ echo more >&2; } &>> both
cat both
rm -f both
END_OF_BASH
sh -c 'echo in the background 2&>1; wait'
[ -f 1 ] && echo "sh: and >1 made the file 1"; rm -f 1
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
echo "--- a line joined by backslash-newline that reads as the delimiter"
printf 'cat <<END\nbody\nEN\\\nD\necho after\n' > /tmp/joined_delimiter
bash /tmp/joined_delimiter
sh /tmp/joined_delimiter 2>/dev/null || echo "sh: no delimiter line, status $?"
rm -f /tmp/joined_delimiter
echo "--- \$[...] is \$((...)) in bash"
bash -c 'echo $[1+2] "$[3 * 4]"'
sh -c 'echo $[1+2]'
echo "--- ! alone is ! : in bash, a syntax error in sh"
bash -c '!; echo "bash: $?"'
sh -c '!; echo "not reached"' 2>/dev/null; echo "sh: $?"
