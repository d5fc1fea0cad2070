# Errors: syntax errors stop a script (status 2) but not the shell that
# ran it; an expansion error (a bad ${...}, $((...)) or ${x?}) ends the
# script too, with status 2, as in dash; a redirection error ends only
# its command (status 2).
sh -c 'echo before; if true; then echo never'; echo "unterminated if: $?"
sh -c 'echo "open quote'; echo "open quote: $?"
sh -c 'fi'; echo "stray fi: $?"
sh -c 'echo a | | cat'; echo "double pipe: $?"
sh -c 'echo ok; ;;'; echo "stray ;;: $?"
sh -c '{ }'; echo "empty group: $?"
sh -c 'for 1x in a; do :; done'; echo "bad for name: $?"
sh -c 'echo $(( 2 + ))'; echo "bad arithmetic: $?"
sh -c 'echo ${x!y}'; echo "bad substitution: $?"
sh -c 'echo ${unset_var:?must be set}; echo never'; echo "required variable: $?"
sh -c 'echo one
echo two
done
echo never'; echo "error on line 3: $?"
printf 'echo from a file\nwhile\n' > /tmp/sh_errors.sh
sh /tmp/sh_errors.sh; echo "script with an error: $?"
sh /tmp/no_such_script.sh; echo "missing script: $?"
echo "cat <<EOF" > /tmp/sh_errors.sh
sh /tmp/sh_errors.sh; echo "unfinished here-document: $?"
rm /tmp/sh_errors.sh
echo x > /tmp/sh_errors_dir_missing/f; echo "bad redirection: $?"
echo "the shell goes on"
echo "ambiguous:" >&nonsense; echo "status $?"
continue; echo "continue outside a loop: $?"
(return 3; echo never); echo "return outside a function ends the script: $?"
sh -c 'set -q'; echo "bad option: $?"
(eval 'if true'); echo "syntax error in eval: $?"
echo 'echo sourced; fi' > /tmp/sh_errors.sh
(. /tmp/sh_errors.sh); echo "syntax error in a sourced file: $?"
rm /tmp/sh_errors.sh
echo "still running"
deep() { deep; }; deep; echo "endless recursion: $?"
