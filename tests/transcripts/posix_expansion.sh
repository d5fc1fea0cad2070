# POSIX word expansions (XCU 2.6), checked against dash on the host (make
# host-bin-check HOST_BIN_TESTS='posix_*'): tilde, parameter expansion and
# its operators, command substitution, arithmetic, field splitting with
# IFS, pathname expansion, quote removal. `args` shows the fields a
# command receives, one per line between brackets.
args() { for a; do printf '[%s]' "$a"; done; echo; }
echo "--- the word of \${x:-word} keeps its own quotes"
args 1 ${undefined:-"2 3" "4 5"} 6
args 1${undefined:-"2 3" "4 5"}6
args "${Unset:-'b'}"
args ${Unset:-'a b c'}
args ${Unset:-a b c}
args "${Unset:-a b c}"
v='x y'; args ${Unset:-"$v"} ${Unset:-$v}
IFS=_; args 1${undefined:-"2_3"x_x"4_5"}6; IFS=' 	
'
args "${var-\}}" "${var-}}" "${var-\$}"
echo "--- operators"
unset u; e=; s=set
args "${u-d}" "${u:-d}" "${e-d}" "${e:-d}" "${s:-d}"
args "${u+a}" "${e+a}" "${e:+a}" "${s:+a}"
args "${u=assigned}" "$u"
(echo ${nope?gone}) 2>/dev/null; echo "\${x?} status: $?"
p=/usr/local/lib/file.tar.gz
args "${p#*/}" "${p##*/}" "${p%.*}" "${p%%.*}" "${#p}"
args "${p#'/usr'}" "${p%"gz"}"
set -- a "b c" d
args $# "$@" "$*" ${#}
args "x$@y"
IFS=:; args "$*"; IFS=' 	
'
set --
args "$@" "${@}" x
echo "--- tilde"
HOME=/home/me
args ~ ~/dir "~" \~ a~b
x=foo:~:~/b; args "$x"
x=~; args "$x"
args ${undef:-~} "${undef:-~}"
echo "--- command substitution"
args "$(echo a; echo b)" $(echo c d)
args "$(printf 'x\n\n\n')" `echo back quotes`
args "$(echo $(echo nested))"
x=$(exit 3); echo "status of an assignment: $?"
args "$(case a in a) echo in-case;; esac)"
echo "--- arithmetic"
args $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7 / 2))
args $((1 << 4)) $((5 > 3)) $((5 == 3)) $((2 ? 3 : 4)) $((0x10)) $((010))
n=5; args $((n += 2)) $n $((n * n))
(echo $((1 / 0))) 2>/dev/null; echo "division by zero: $?"
(x=abc; echo $((x + 1))) 2>/dev/null; echo "not a number: $?"
echo "--- field splitting"
v='  a  b  '; args $v "$v"
IFS=:; v='a::b:'; args $v; IFS=' 	
'
IFS=; v='a b'; args $v; unset IFS
v='a b'; args $v
IFS=' 	
'
echo "--- pathname expansion"
mkdir -p /tmp/posix_exp && cd /tmp/posix_exp && rm -f ./* && touch a.c b.c .hidden x.h
args *.c ? "*.c" '*'.c [ab].c [!a].c *.none
args [[:alpha:]].h [[:print:]].c *.[[:punct:]]* .h*
cd / && rm -rf /tmp/posix_exp
set -f; args *; set +f
