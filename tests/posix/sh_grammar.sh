# Shell Command Language, 2.9 Shell Commands and 2.10 Shell Grammar:
# pipelines, lists, compound commands and function definitions.
#@ pipeline  2.9.2 Pipelines: stdout of one is stdin of the next
echo abc | tr a-z A-Z | cat
#@ pipeline-status  2.9.2: the status is that of the last command
false | true; echo $?; true | false; echo $?
#@ pipeline-bang  2.9.2: ! inverts the status
! false; echo $?; ! true; echo $?; ! false | false; echo $?
#@ and-or  2.9.3 Lists: && and || are left-associative, equal precedence
false && echo no || echo yes; true || echo no && echo yes2
#@ and-or-status  2.9.3: the status of an AND-OR list is the last command run
false && true; echo $?; true || false; echo $?
#@ sequential  2.9.3: ; and newline separate sequential lists
echo a; echo b
echo c
#@ async  2.9.3: & runs asynchronously, wait waits for it
{ echo bg > f; } & wait; cat f
#@ async-status  2.9.3: the status of an asynchronous list is zero
false & echo $?; wait
#@ group  2.9.4 Grouping Commands: { } runs in the current environment
x=1; { x=2; }; echo $x
#@ subshell  2.9.4: ( ) runs in a subshell environment
x=1; (x=2; cd /); echo $x; pwd >/dev/null
#@ subshell-exit  2.9.4: exit in a subshell leaves only the subshell
(exit 4); echo "status $?"
#@ for-list  2.9.4 The for Loop
for i in a b c; do printf %s $i; done; echo
#@ for-no-in  2.9.4: for without in iterates over the positional parameters
set -- x y; for i; do echo $i; done
#@ for-empty  2.9.4: an empty list runs no iteration, status 0
false; for i in; do echo never; done; echo "status $?"
#@ for-var-after  2.9.4: the variable keeps its last value
for i in 1 2 3; do :; done; echo $i
#@ case-first-match  2.9.4 Case Conditional Construct: the first matching pattern
case ab in a*) echo first;; ab) echo second;; esac
#@ case-alternatives  2.9.4: | separates patterns
case y in x|y|z) echo matched;; esac
#@ case-no-match  2.9.4: no match: status 0
false; case q in a) ;; esac; echo "status $?"
#@ case-last-item  2.9.4: the ;; of the last item is optional
case a in a) echo last-item
esac
#@ case-paren  2.9.4: an optional ( before the pattern
case x in (x) echo paren;; esac
#@ if-elif  2.9.4 The if Conditional Construct
for n in 1 2 3; do if [ $n = 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo many; fi; done
#@ if-status  2.9.4: if with no branch taken has status 0
if false; then :; fi; echo $?
#@ while  2.9.4 The while Loop
n=0; while [ $n -lt 3 ]; do n=$((n + 1)); done; echo $n
#@ until  2.9.4 The until Loop
n=3; until [ $n -eq 0 ]; do n=$((n - 1)); printf %s $n; done; echo
#@ while-status  2.9.4: the status of a loop is that of the last body run, or 0
while false; do :; done; echo $?
#@ break-continue  2.14 break, continue: leave or restart the loop
for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done
#@ break-n  2.14 break: break n leaves n loops
for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done
#@ function  2.9.5 Function Definition Command
f() { echo "args: $*"; }; f a b
#@ function-return  2.9.5: the status is that of return, or of the last command
f() { return 3; }; f; echo $?; g() { false; }; g; echo $?
#@ function-params  2.9.5: positional parameters are the function's, restored after
set -- outer; f() { echo "$1 $#"; }; f in ner; echo "$1"
#@ function-globals  2.9.5: functions share the shell's variables
f() { v=set-in-f; }; f; echo $v
#@ function-subshell-body  2.9.5: a function body may be a subshell
f() ( v=inner; echo $v ); v=outer; f; echo $v
#@ function-redirect  2.9.5: a redirection on the definition applies at each call
f() { echo in-f; } > f.out; f; cat f.out
#@ function-recursion  2.9.5: functions may call themselves
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 5
#@ newline-in-list  2.10: newlines may follow && || |
true &&
echo after-and
echo a |
cat
#@ comment-lines  2.10: comments and blank lines between commands
# a comment

echo between # trailing
#@ for-newline-in  2.9.4: a newline may come before in
for i
in a b
do echo $i
done
#@ brace-literal  2.9.4: } is a reserved word only where a command may start
echo }; { echo in; }
#@ reserved-after-bang  2.9.2: reserved words after !
if ! false; then echo negated; fi
#@ heredoc-in-cmdsub  2.7.4: a here-document inside a command substitution
x=$(cat <<EOF
inside
EOF
); echo "$x"
#@ heredoc-delim-quoted-part  2.7.4: any quoting of the delimiter makes the body literal
x=1; cat <<\E1; cat <<"E"2
$x
E1
$x
E2
#@ cmdsub-subshell-paren  2.6.3: $( (subshell) ) is not arithmetic
echo $( (echo spaced) )
#@ cmdsub-nested-quotes  2.6.3: quotes inside $( ) are separate from the outside
echo "$(echo "inner "quoted" words")"
#@ backquote-nested  2.6.3: backquotes nest with escaped backquotes
echo `echo outer \`echo inner\``
#@ case-expansion-pattern  2.9.4: patterns undergo expansion
p='a*'; case abc in $p) echo matched;; esac
#@ case-empty-pattern-list  2.9.4: an item may have an empty list
case x in x) ;; esac; echo "status $?"
#@ function-name-reuse  2.9.5: a function definition replaces an earlier one
f() { echo one; }; f() { echo two; }; f
#@ until-false-break  2.9.4: break leaves an until loop
n=0; until false; do n=$((n + 1)); [ $n -ge 3 ] && break; done; echo $n
#@ nested-subshells  2.9.4: nested subshells and groups
( (echo a; (echo b)); { echo c; } )
#@ pipeline-group  2.9.2: a compound command in a pipeline
{ echo b; echo a; } | sort
#@ while-read  2.9.4: while read loops over input
printf '1\n2\n3\n' | while read n; do echo "n=$n"; done
#@ async-and-or  2.9.3: an AND-OR list runs asynchronously as a whole
{ false || echo or-ran > f; } & wait; cat f
#@ io-number-adjacent  2.10.1: digits are an io_number only right before the operator
echo x 2 >f; cat f
#@ operators-unspaced  2.3: operators end words without blanks
echo a>f;cat f;true&&echo y||echo n
#@ escaped-blank-hash  2.3: a # inside a word does not start a comment
echo a\ #b
#@ case-in-words  2.4: in and esac as patterns and words in a case
case in in in) echo "word in";; esac
#@ bang-needs-blank  2.9.2: ! is a reserved word only as a word of its own
!true 2>/dev/null; echo $?
#@ redirect-only-command  2.9.1: a command of redirections only creates the file
> f; test -f f && echo made; x=1 > g; test -f g && echo "made with assignment"
#@ brace-after-semicolon  2.9.4: } after ; needs no blank
{ echo grouped;}
