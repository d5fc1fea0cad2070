# Quoting: single quotes, double quotes, backslashes, comments.
echo 'single quotes keep $HOME, `cmd`, "double" and \ as they are'
x=value
echo "double quotes expand \$x: $x, and keep 'single' quotes"
printf '%s\n' "backslash in double quotes: \" \\ \$ \` but \a stays"
printf '%s\n' back\ slash\ed\ spaces \'quote\' \"dq\"
printf '%s|' "a  b" 'c  d' e\ \ f; echo
printf '%s|' "" '' x""y; echo
printf '%s|' "$x"'$x'"$x"; echo
echo "multi
line"
echo 'it'\''s'
echo one \
     two \
     three
echo "# not a comment" # a comment
echo not#a#comment
# a whole-line comment
echo "a;b" 'c|d' "e&f" \<g\> '(h)'
empty=
printf '[%s]\n' $empty "$empty"
printf '[%s]\n' "$undefined_variable"x
echo "nested \"quotes\" and 'single'"
