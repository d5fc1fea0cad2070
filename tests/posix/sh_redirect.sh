# Shell Command Language, 2.7 Redirection.
#@ output  2.7.2 Redirecting Output: > creates and truncates
echo first > f; echo second > f; cat f
#@ append  2.7.3 Appending Redirected Output: >> appends
echo one > f; echo two >> f; cat f
#@ input  2.7.1 Redirecting Input: <
echo content > f; cat < f
#@ fd-number  2.7: a digit before the operator names the descriptor
{ echo out; echo err >&2; } 2> e > o; cat o e
#@ dup-output  2.7.6 Duplicating an Output File Descriptor: 2>&1
{ echo to-err >&2; } 2>&1 | cat
#@ dup-order  2.7: redirections apply left to right
{ echo err >&2; } 2>&1 >/dev/null | cat; { echo err2 >&2; } >/dev/null 2>&1 | cat; echo end
#@ dup-input  2.7.5 Duplicating an Input File Descriptor: <&
echo line > f; exec 3< f; cat <&3; exec 3<&-
#@ close  2.7.5: n<&- closes a descriptor
{ echo closed >&3; } 3>&- 2>/dev/null || echo "failed"
#@ readwrite  2.7.7 Open File Descriptors for Reading and Writing: <>
echo abc > f; exec 4<> f; read x <&4; echo "$x"; exec 4>&-
#@ noclobber  2.7.2: with set -C, > does not overwrite, >| does
echo old > f; set -C; (echo new > f) 2>/dev/null || echo "failed"; cat f; echo forced >| f; cat f
#@ heredoc  2.7.4 Here-Document: expansions in the body
x=val; cat <<END
x is $x
sum $((1 + 1))
END
#@ heredoc-quoted  2.7.4: a quoted delimiter makes the body literal
x=val; cat <<'END'
x is $x \$
END
#@ heredoc-tab  2.7.4: <<- strips leading tabs
cat <<-END
	indented
		twice
	END
#@ heredoc-backslash  2.7.4: in the body, backslash quotes only $ ` \ and newline
cat <<END
a\$b \\ \" \a
END
#@ heredoc-two  2.7.4: two here-documents on one line are read in order
cat <<A; cat <<B
from a
A
from b
B
#@ heredoc-fd  2.7.4: a here-document on another descriptor
cat <<EOF 3<<EOF3 0<&3
wrong
EOF
right
EOF3
#@ exec-redirect  2.14 exec: redirections without a command stay in effect in the shell
exec 3>&1; exec > f; echo into-file; exec 1>&3 3>&-; cat f
#@ redirect-compound  2.9.4: a redirection applies to the whole compound command
for i in 1 2; do echo $i; done > f; if true; then echo in-if; fi >> f; cat f
#@ redirect-word-expanded  2.7: the word after the operator is expanded
n=f; echo hi > "$n.txt"; cat f.txt
#@ redirect-no-split  2.7: the redirection word is not field split
n='a b'; echo hi > $n; cat 'a b'
#@ redirect-missing  2.7.1: a file that cannot be opened fails the command
cat < nonexistent || echo "failed"
#@ redirect-position  2.7: a redirection may come anywhere in a simple command
> f echo front; cat f; echo a > f b; cat f
#@ redirect-fd-9  2.7: descriptors up to 9 are supported
exec 9> f; echo nine >&9; exec 9>&-; cat f
#@ dup-close-move  2.7.6: n>&m then m>&- leaves n open
exec 3>&1; { echo via4 >&4; } 4>&3 3>&-; exec 3>&-
#@ redirect-in-loop  2.7: a redirection on a loop reads the same stream
printf '1\n2\n3\n' > f; while read x; do printf '%s,' "$x"; done < f; echo
#@ redirect-stdin-of-group  2.7: a group's input is shared by its commands
printf 'a\nb\n' > f; { read x; read y; echo "$y $x"; } < f
#@ redirect-append-create  2.7.3: >> creates a missing file
echo made >> new; cat new
#@ redirect-clobber-devnull  2.7.2: set -C does not stop writes to a non-regular file
set -C; echo x > /dev/null && echo "devnull ok"
#@ heredoc-unquoted-backslash-newline  2.7.4: backslash-newline in an unquoted body is removed
cat <<END
a\
b
END
#@ heredoc-empty  2.7.4: an empty here-document
cat <<END
END
echo after
#@ heredoc-cmdsub-body  2.7.4: command substitution in the body
cat <<END
[$(echo sub)]
END
#@ redirect-ambiguous-glob  2.7: a redirection word is not globbed in a non-interactive shell, or it is one file
touch only1; echo x > only*; ls | sort
#@ dup-stderr-stdout-pipe  2.7.6: 2>&1 into a pipe keeps the order of writes
{ echo 1; echo 2 >&2; echo 3; } 2>&1 | cat
