# Starting the shell: sh FILE ARGS, sh -c STRING NAME ARGS, commands on
# standard input; $0 $1 ... $# $@ in each; the status it ends with.
echo "this script is $0 with $# arguments"
cat > /tmp/sh_invoke.sh <<'EOF'
echo "script $0 got $#: $*"
for a in "$@"; do echo "  [$a]"; done
exit 3
EOF
sh /tmp/sh_invoke.sh one "two words" three; echo "status $?"
sh -c 'echo "string as $0 with $#: $1 $2"' myname first second
sh -c 'echo "no name: $# args"'
sh -c 'echo "\$0 defaults to the shell: $0"' | grep -c sh
sh -c 'exit 5'; echo "sh -c status: $?"
sh -c 'false'; echo "status of the last command: $?"
echo 'echo "from standard input: $0 $#"; echo second command' | sh
printf 'echo line one\necho line two\nexit 6\necho never\n' | sh; echo "stdin script status: $?"
printf 'read x\nthis line is data\necho "read took the next line: $x"\n' | sh
printf 'cat\nline read by cat\n' | sh
sh < /tmp/sh_invoke.sh; echo "script on stdin: $?"
sh -x -c 'echo traced $((1+1))' 2>&1
sh -c 'set -x; v=1; echo "v=$v" | tr v V' 2>&1 | sort   # the stages trace in any order
sh -e -c 'false; echo never'; echo "sh -e: $?"
sh -z 2>/dev/null; echo "bad option: $?"
rm /tmp/sh_invoke.sh
