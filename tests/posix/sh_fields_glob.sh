# Shell Command Language, 2.6.5 Field Splitting, 2.6.6 Pathname Expansion,
# 2.6.7 Quote Removal and 2.13 Pattern Matching Notation.
#@ split-default  2.6.5 Field Splitting: runs of IFS whitespace delimit, edges ignored
x='  a   b  '; set -- $x; echo "$# [$1] [$2]"
#@ split-colon  2.6.5: each non-whitespace IFS character delimits one field
IFS=:; x='a::b:'; set -- $x; echo "$#"; for f in "$@"; do echo "[$f]"; done
#@ split-mixed  2.6.5: whitespace around a non-whitespace delimiter belongs to it
IFS=' :'; x='a : b  c'; set -- $x; echo "$#"; for f in "$@"; do echo "[$f]"; done
#@ split-empty-ifs  2.6.5: a null IFS does no splitting
IFS=; x='a b c'; set -- $x; echo $#
#@ split-unset-ifs  2.6.5: an unset IFS splits as space, tab, newline
unset IFS; x='a	b
c'; set -- $x; echo $#
#@ split-only-expansions  2.6.5: only the results of expansions are split
IFS=:; set -- a:b; echo $#
#@ split-empty-result  2.6.5: an unquoted empty expansion gives no field
e=; set -- $e; echo $#; set -- "$e"; echo $#
#@ glob-star  2.6.6 Pathname Expansion: * matches any string
touch b.c a.c a.h; echo *.c
#@ glob-question  2.13.1: ? matches one character
touch x1 x22 x3; echo x?
#@ glob-bracket  2.13.1: a bracket expression matches one character of a set
touch fa fb fc fd; echo f[a-c]; echo f[!ab]
#@ glob-nomatch  2.6.6: a pattern that matches nothing is left as it is
echo nothing*here
#@ glob-dot  2.13.3: a leading period must be matched explicitly
touch .hidden shown; echo *; echo .h*
#@ glob-slash  2.13.3: a slash must be matched explicitly
mkdir d; touch d/in; echo */*; echo d*
#@ glob-sorted  2.6.6: the names are sorted in the collating sequence
touch c b a C B A; echo *
#@ glob-quoted  2.6.6: quoted pattern characters match themselves
touch 'a*' ab; echo 'a'*; echo a\*
#@ glob-set-f  2.6.6: set -f turns pathname expansion off
touch g1; set -f; echo g*; set +f; echo g*
#@ glob-in-var  2.6.6: a pattern from an unquoted expansion is expanded
touch v1 v2; p='v*'; echo $p; echo "$p"
#@ glob-class  2.13.1: character classes in brackets
touch A1 b2 c_; echo [[:upper:]]*; echo *[[:digit:]]
#@ quote-removal  2.6.7 Quote Removal: quotes that were not the result of expansion go
x='"q"'; echo "a"'b'\c $x
#@ case-pattern  2.13: the same patterns in case
for w in abc a.c Z x; do case $w in a?c) echo "$w: a?c";; [A-Z]) echo "$w: upper";; *) echo "$w: other";; esac; done
#@ case-quoted-pattern  2.13: a quoted pattern in case is literal
x='a*'; case abc in "$x") echo literal;; $x) echo pattern;; esac
#@ case-bracket-neg  2.13.1: [!...] in case
case q in [!a-m]) echo "not a-m";; *) echo "in a-m";; esac
#@ glob-dirs-only  2.13.3: a pattern ending in / matches directories only
mkdir d1 d2; touch f1; echo */
#@ bracket-edges  2.13.1: ] first in a bracket is literal, - first or last is literal
for c in ']' '-' '[' b; do case $c in []]) echo "$c: close";; [a-]) echo "$c: dash-or-a";; [[]) echo "$c: open";; *) echo "$c: other";; esac; done
#@ bytes-in-cmdsub  2.6.3: the bytes of a command's output are kept
x=$(printf '\377\001'); printf %s "$x" | od -An -tx1 | sed 's/^ *//'
#@ case-quoted-star  2.13: a quoted * in a case pattern matches only *
for w in '*' x; do case $w in '*') echo "$w: star";; *) echo "$w: other";; esac; done
#@ split-adjacent-delims  2.6.5: two non-whitespace delimiters in a row make an empty field
IFS=x; v=axbxxc; set -- $v; echo $#; printf '[%s]' "$@"; echo
#@ split-default-word  2.6.5: the result of ${x-word} is split too
unset u; set -- ${u-a b  c}; echo $#
#@ split-leading-nonwhite  2.6.5: a leading non-whitespace delimiter makes an empty first field
IFS=:; v=:a; set -- $v; echo $#; printf '[%s]' "$@"; echo
