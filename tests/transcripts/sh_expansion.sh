# Parameter expansion: variables, special parameters, ${...} forms,
# arithmetic, field splitting.
name=world
echo "hello $name" "hello ${name}!" "${name}wide"
echo "script: $0, args: $#"
set -- one "two words" three
echo "count $#: $1 / $2 / $3"
for a in "$@"; do echo "at: [$a]"; done
for a in $@; do echo "unquoted at: [$a]"; done
for a in "$*"; do echo "star: [$a]"; done
echo "${10:-no tenth}"
shift
echo "after shift: $# $1"
set --
for a in "$@"; do echo "never"; done
echo "empty: $# [$*] [$@]"
unset v
echo "1 ${v-unset} ${v:-empty or unset}"
v=
echo "2 [${v-unset}] ${v:-empty or unset} [${v+set}] [${v:+nonempty}]"
v=x
echo "3 ${v:+nonempty} ${v:-unused}"
echo "4 ${w:=assigned} $w"
file=/usr/share/doc/readme.tar.gz
echo "${#file} ${file##*/} ${file%/*} ${file%%.*} ${file#*.} ${file%.gz}"
echo "$((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((17 / 5)) $((17 % 5)) $((-3 + 1))"
i=5
echo "$((i * 2)) $((i > 3)) $((i == 5 && i < 4)) $((i += 10)) $i"
i=0; while [ $i -lt 3 ]; do i=$((i + 1)); done; echo "loop: $i"
words="a  b
c	d"
printf '<%s>' $words; echo
printf '<%s>' "$words"; echo
IFS=:
path=/bin:/usr/bin::/sbin
printf '<%s>' $path; echo
IFS=' 	
'
status_test() { return 7; }
status_test; echo "status $?"
echo "pid set: ${$:+yes}"
echo "no bg job yet: [${!}]"
HOME=/tmp/home
echo ~ ~/x "~" '~' a~b
(echo $((1/0)); echo never); echo "division by zero ends the shell: $?"
echo ${novar:?is required} never
