# Shell Command Language, 2.2 Quoting: the escape character, single quotes,
# double quotes, and which characters keep their special meaning inside
# double quotes.
#@ esc-specials  2.2.1 Escape Character: a backslash keeps the next character literal
echo \$HOME \\ \" \' \| \& \; \< \> \( \) \* \? \#
#@ esc-space  2.2.1: an escaped blank does not delimit a word
set -- a\ b c; echo $#; echo "$1"
#@ esc-newline  2.2.1: backslash-newline is a line continuation, removed before splitting
echo ab\
cd
#@ single-literal  2.2.2 Single-Quotes: every character within is literal
printf '%s\n' '$x `y` \n "z" \'
#@ single-no-escape  2.2.2: a single quote cannot occur within single quotes
echo 'it'\''s'
#@ double-dollar  2.2.3 Double-Quotes: $ keeps its meaning for parameter expansion
x=val; echo "x is $x, ${x}s"
#@ double-backquote  2.2.3: backquote keeps its meaning for command substitution
echo "`echo inner`"
#@ double-backslash  2.2.3: backslash is special only before $ ` " \ and newline
printf '%s\n' "\$ \` \" \\ \a \n-end"
#@ double-newline  2.2.3: backslash-newline inside double quotes is removed
echo "ab\
cd"
#@ double-keeps-blanks  2.2.3: blanks within double quotes are kept as they are
x='a   b'; echo "$x"; echo $x
#@ double-glob  2.2.3: pathname expansion does not happen within double quotes
touch a1 a2; echo "a*"; echo a*
#@ double-single  2.2.3: single quotes are ordinary within double quotes
x=v; echo "'$x'"
#@ empty-args  2.2: quoted empty strings are arguments
set -- "" '' ""; echo $#
#@ quote-mix  2.2: quoting styles concatenate into one word
set -- 'a'"b"c\ d; echo $#; echo "$1"
#@ reserved-quoted  2.4 Reserved Words: a quoted reserved word is not recognised
'if' 2>/dev/null; echo "status $?"
#@ hash-in-word  2.3 Token Recognition: # starts a comment only at the start of a word
echo a#b # comment
echo '#'not
#@ dollar-single-alone  2.6: a $ that is not followed by a name or brace is literal
echo $ "a$" 'b'
