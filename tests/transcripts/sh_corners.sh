# Corners where the shell reads as dash does.
# test: -a and -o are not among POSIX's rules by argument count; the
# grammar reads them, a missing operand is false, a word left an error.
[ -a -a -a ]; echo "three -a: $?"
[ -a -a -a -a -a -a ]; echo "six -a: $?"
[ -z -a ] ] 2>/dev/null; echo "-z -a ]: $?"
[ -z -a -a ]; echo "-z -a -a: $?"
[ a -a b ]; echo "a -a b: $?"
[ "" -o b ]; echo "'' -o b: $?"
[ "" -a b ]; echo "'' -a b: $?"
# getopts sets OPTIND and OPTARG before it finds the name is bad
set -- -c foo -h
getopts 'hc:' opt- 2>/dev/null
echo "status=$? opt=$opt OPTARG=$OPTARG OPTIND=$OPTIND"
# set -: -x and -v off; with nothing after it the parameters stay
set - +; echo "set - +: $*"
set + -; echo "set + -: $*"
# set lists a value with a tab or a newline on one line, to be read back
v=$(printf 'a\tb\nc')
set | grep '^v='
saved=$(set | grep '^v=')
unset v; eval "$saved"; [ "$v" = "$(printf 'a\tb\nc')" ] && echo "read back"
# syntax errors: $(...) in a here-document's delimiter; [[ ) ]]
sh -c 'cat <<$(a)
here
$(a)
echo not reached'; echo "status $?"
sh -c 'cat <<${a}
a delimiter written with braces ends the here-document
${a}'
sh -c '[[ ) ]]; echo not reached'; echo "status $?"
sh -c '[[ ( a ]]; echo not reached'; echo "status $?"
[[ ( a && ( b ) ) ]] && echo "parentheses that pair"
# the word after an alias that ends in a blank is looked up too, in for
alias FOR='for ' EYE='i ' IN='in ' ONETWO='1 2 '
FOR EYE IN ONETWO 3; do echo "i=$i"; done
