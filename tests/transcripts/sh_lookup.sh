# How the shell finds a program: `command -p` looks in the standard PATH
# whatever PATH is; a PATH given to the command alone is the one searched
# (PATH=dir cmd); what `hash` remembers, a sub-shell knows too.
mkdir -p /tmp/sh_lookup/bin /tmp/sh_lookup/bin2
cd /tmp/sh_lookup
printf 'echo not the real tr\n' > bin/tr; chmod +x bin/tr
printf 'echo hello from bin2\n' > bin2/hello; chmod +x bin2/hello
PATH="$PWD/bin:$PATH"
echo aaa | tr a b
echo aaa | command -p tr a b
(PATH=$PWD/bin2; command -p hello 2>/dev/null; echo "command -p hello: $?")
(PATH=; command -p cat /dev/null && echo "command -p cat, PATH empty: $?")
(PATH=$PWD/bin2; command -pv cat; command -v cat; echo "command -v cat: $?")
PATH="$PWD/bin2:$PATH" hello; echo "PATH=dir hello: $?"
hello 2>/dev/null; echo "hello, PATH as before: $?"
hash -r
hash cat
hash | grep -c '/cat$'
echo "$(hash)" | grep -c '/cat$'
rm -r /tmp/sh_lookup
