# Shell Command Language, 2.6.3 Command Substitution and 2.6.4 Arithmetic
# Expansion.
#@ dollar-paren  2.6.3 Command Substitution: $(command)
echo "[$(echo hi)]"
#@ backquote  2.6.3: `command`
echo "[`echo hi`]"
#@ trailing-newlines  2.6.3: trailing newlines are removed, inner ones kept
x=$(printf 'a\n\nb\n\n\n'); printf '[%s]\n' "$x"
#@ nested  2.6.3: substitutions nest
echo $(echo $(echo deep))
#@ backquote-escape  2.6.3: within backquotes, \$ \` \\ keep their meaning
HOME=/h; echo `echo \$HOME-like \\\\`
#@ split-unquoted  2.6.3: an unquoted result is split into fields
set -- $(echo a b c); echo $#
#@ quoted-no-split  2.6.3: a quoted result is one field
set -- "$(echo a b c)"; echo $#
#@ status  2.6.3: the status of an assignment-only command is that of the last substitution
x=$(exit 3); echo $?
#@ subshell-env  2.6.3: the command runs in a subshell environment
x=1; y=$(x=2; echo $x); echo "$x $y"
#@ case-in-subst  2.6.3: a case with unbalanced ) inside $( )
echo $(case a in a) echo matched;; esac)
#@ empty  2.6.3: an empty result unquoted gives no field
set -- $(true); echo $#
#@ arith-basic  2.6.4 Arithmetic Expansion
echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7 / 2))
#@ arith-vars  2.6.4: variables by name, with or without $
x=4; y=5; echo $((x * y)) $(($x + $y))
#@ arith-compare  2.6.4: comparisons give 1 or 0
echo $((1 < 2)) $((2 < 1)) $((3 == 3)) $((3 != 3)) $((2 >= 2)) $((1 <= 0))
#@ arith-logic  2.6.4: && || ! and the conditional operator
echo $((1 && 0)) $((0 || 2)) $((!0)) $((!5)) $((1 ? 10 : 20)) $((0 ? 10 : 20))
#@ arith-bits  2.6.4: bit operators and shifts
echo $((6 & 3)) $((6 | 3)) $((6 ^ 3)) $((~0)) $((1 << 4)) $((256 >> 2))
#@ arith-assign  2.6.4: assignment operators change the variable
x=5; : $((x += 3)); echo $x; : $((x *= 2)); echo $x; : $((x -= 1)); echo $x; : $((x = 1)); echo $x
#@ arith-bases  2.6.4: octal and hexadecimal constants as in C
echo $((010)) $((0x1f)) $((0X10))
#@ arith-unary  2.6.4: unary minus and plus
x=3; echo $((-x)) $((+x)) $((- -x))
#@ arith-nested-expansion  2.6.4: the expression is expanded first
a=2; op=+; echo $(($a $op 3))
#@ arith-unset  2.6.4: an unset variable is zero
unset u; echo $((u + 1))
#@ arith-divzero  2.6.4: division by zero is an error
(echo $((1 / 0)); echo "not reached") 2>/dev/null || echo "failed"
#@ arith-quoted  2.6.4: expansion inside double quotes
echo "$((2 * 21))"
#@ comment-with-paren  2.6.3: a comment inside $( ) may hold a )
y=$(echo hi # a comment with )
); echo "$y"
#@ assign-and-command-status  2.8.2: with a command name, the status is the command's
x=$(false) true; echo $?
#@ arith-precedence  2.6.4: the precedence of C
echo $((1 + 2 << 1)) $((1 | 2 ^ 3 & 4)) $((2 + 3 * 4 - 6 / 2)) $((1 < 2 == 1))
#@ arith-assign-chain  2.6.4: assignment is right-associative and has a value
echo $((a = b = 3)) $a $b
