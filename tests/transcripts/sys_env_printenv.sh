# printenv (NAMEs' values; the whole environment; -0; status 1 for a NAME
# not set) and env running a script that is not a binary through /bin/sh,
# as execvp does, found in PATH before a program of the same name.
# Outputs as GNU's.
echo "--- printenv"
export WALRUS=42 BANANA=hello LETTERS=
printenv WALRUS BANANA LETTERS; echo "status $?"
printenv WALRUS NOPE_NOT_SET BANANA; echo "status $?"
printenv A=B; echo "status $?"
env -i one=two three=four printenv | sort
env -i five=six seven=eight printenv -0 | od -c
env A=foo PATH= /bin/printenv A
printenv -x; echo "status $?"
echo "--- env runs a script"
rm -rf /tmp/envt; mkdir /tmp/envt
printf '#!/bin/sh\necho "script: $*"\n' > /tmp/envt/true
printf 'echo "no #! line: $1"\nexit 3\n' > /tmp/envt/plain
chmod a+x /tmp/envt/true /tmp/envt/plain
env PATH="/tmp/envt:$PATH" true hello world; echo "status $?"
env /tmp/envt/plain one; echo "status $?"
env PATH=/tmp/envt plain two; echo "status $?"
chmod a-x /tmp/envt/plain
env /tmp/envt/plain; echo "status $?"
env /tmp/envt/nope; echo "status $?"
rm -rf /tmp/envt
