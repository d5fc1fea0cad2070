# Shell Command Language, 2.6.1 Tilde Expansion and 2.6.2 Parameter
# Expansion: every form of ${...} in the table of 2.6.2, with set, empty
# and unset parameters.
#@ tilde-home  2.6.1 Tilde Expansion: ~ alone is HOME
HOME=/some/where; echo ~ ~/x
#@ tilde-quoted  2.6.1: a quoted tilde is not expanded
HOME=/h; echo "~" '~' \~
#@ tilde-assign  2.6.1: in an assignment, a tilde after = is expanded
HOME=/h; x=~/d; echo "$x"
#@ tilde-middle  2.6.1: a tilde inside a word is literal
HOME=/h; echo a~ b/~
#@ brace-simple  2.6.2 Parameter Expansion: ${parameter}
x=ab; echo "${x}cd"
#@ default-colon  2.6.2: ${parameter:-word} substitutes for unset and null
unset u; e=; s=set; echo "${u:-w1} ${e:-w2} ${s:-w3}"
#@ default-nocolon  2.6.2: ${parameter-word} substitutes only for unset
unset u; e=; echo "[${u-w1}] [${e-w2}]"
#@ assign-colon  2.6.2: ${parameter:=word} assigns when unset or null
unset u; e=; : "${u:=one}" "${e:=two}"; echo "$u $e"
#@ assign-nocolon  2.6.2: ${parameter=word} assigns only when unset
unset u; e=; : "${u=one}" "${e=two}"; echo "[$u] [$e]"
#@ error-colon  2.6.2: ${parameter:?word} writes word and a non-interactive shell exits
e=; (echo "${e:?is empty}"; echo "not reached") || echo "exited"
#@ error-nocolon  2.6.2: ${parameter?} is quiet when set but null
e=; echo "[${e?unset}]"; unset u; (echo "${u?unset}") 2>/dev/null || echo "failed"
#@ alt-colon  2.6.2: ${parameter:+word} substitutes word when set and not null
unset u; e=; s=x; echo "[${u:+w1}] [${e:+w2}] [${s:+w3}]"
#@ alt-nocolon  2.6.2: ${parameter+word} substitutes word when set, even null
unset u; e=; echo "[${u+w1}] [${e+w2}]"
#@ length  2.6.2: ${#parameter} is the length in characters
x=hello; e=; echo ${#x} ${#e}; set -- a b c; echo ${#}
#@ suffix-small  2.6.2: ${parameter%word} removes the smallest suffix
x=file.tar.gz; echo "${x%.*}"
#@ suffix-large  2.6.2: ${parameter%%word} removes the largest suffix
x=file.tar.gz; echo "${x%%.*}"
#@ prefix-small  2.6.2: ${parameter#word} removes the smallest prefix
x=/a/b/c; echo "${x#*/}"
#@ prefix-large  2.6.2: ${parameter##word} removes the largest prefix
x=/a/b/c; echo "${x##*/}"
#@ pattern-nomatch  2.6.2: no match leaves the value as it is
x=abc; echo "${x%z} ${x#z}"
#@ pattern-quoted  2.6.2: a quoted pattern character is literal
x='a*b*c'; echo "${x#*\*}" "${x%"*"*}"
#@ pattern-param  2.6.2: the pattern is itself expanded
x=abcabc; p=b; echo "${x#*$p}" "${x%$p*}"
#@ word-expanded  2.6.2: word is expanded only when used
unset u; x=1; echo "${x:-$(echo not run >&2)}"; echo "${u:-$((2 + 3))}"
#@ nested-default  2.6.2: a default may contain another expansion
unset a b; c=deep; echo "${a:-${b:-$c}}"
#@ in-double-quotes  2.6.2: inside double quotes the result is one field
unset u; set -- "${u:-a b}"; echo $#
#@ at-default  2.6.2: ${@:-word} and $# agree
set --; echo "${@:-none}"; set -- x; echo "${@:-none}"
#@ word-quoted-fields  2.6.2: quotes inside an unquoted ${x:-word} keep their fields
unset u; set -- ${u:-"2 3" "4 5"}; echo $#; printf '[%s]\n' "$@"
#@ word-single-in-double  2.6.2: single quotes in word inside double quotes are literal
unset u; echo "${u:-'b'}"
#@ word-tilde  2.6.2: word undergoes tilde expansion
HOME=/h; unset u; echo ${u:-~/x}
#@ tilde-colon  2.6.1: in an assignment, a tilde after an unquoted colon is expanded
HOME=/h; x=a:~/b:~; echo "$x"
#@ pattern-quoted-var  2.6.2: a quoted expansion in the pattern is literal
x='*ab'; p='*'; echo "${x#"$p"}" "${x#$p}" "${x##$p}"
#@ pattern-bracket  2.6.2: bracket expressions in the pattern
x=abc123; echo "${x%%[0-9]*}" "${x##*[!0-9]}"
#@ length-special  2.6.2: ${#parameter} of a positional parameter
set -- hello 'a b'; echo ${#1} ${#2}
#@ assign-positional  2.6.2: ${1:=word} cannot assign to a positional parameter
set --; (: ${1:=x}) 2>/dev/null || echo failed
