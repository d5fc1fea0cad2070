# Shell Command Language, 2.5 Parameters and Variables: positional and
# special parameters, and the shell variables the shell sets.
#@ positional  2.5.1 Positional Parameters
set -- one two three; echo "$1 $2 $3"
#@ positional-10  2.5.1: a parameter of more than one digit needs braces
set -- a b c d e f g h i j k; echo "${10} ${11} $10"
#@ count  2.5.2 Special Parameters: # is the number of positional parameters
set -- a 'b c' ''; echo $#; set --; echo $#
#@ at-quoted  2.5.2: "$@" gives one field per parameter
set -- 'a b' c ''; for x in "$@"; do echo "[$x]"; done
#@ at-empty  2.5.2: "$@" with no parameters gives no field
set --; for x in "$@"; do echo "never"; done; echo "done"
#@ star-quoted  2.5.2: "$*" joins with the first character of IFS
set -- a b c; echo "$*"; IFS=:; echo "$*"; IFS=; echo "$*"
#@ star-unquoted  2.5.2: $* unquoted is split into fields
set -- 'a b' c; for x in $*; do echo "[$x]"; done
#@ question  2.5.2: ? is the status of the most recent pipeline
false; echo $?; true; echo $?; (exit 7); echo $?
#@ hyphen  2.5.2: - holds the current option flags
set -f; case $- in *f*) echo "f set";; esac; set +f; case $- in *f*) echo "still";; *) echo "f unset";; esac
#@ dollar-zero  2.5.2: 0 is the name of the script
case $0 in *.sh) echo "script name";; *) echo "other: $0";; esac
#@ pid-same-in-subshell  2.5.2: $ is the shell's pid, also in a subshell
p=$$; q=$(echo $$); [ "$p" = "$q" ] && echo same
#@ bang  2.5.2: ! is the pid of the most recent background command
sleep 0 & p=$!; wait; [ -n "$p" ] && [ "$p" -gt 0 ] && echo "has pid"
#@ ifs-default  2.5.3 Shell Variables: IFS defaults to space, tab, newline
x='a	b
c'; set -- $x; echo $#
#@ pwd-var  2.5.3: PWD is set to the current directory
mkdir d; cd d; case $PWD in */d) echo "PWD ok";; esac
#@ assign-no-split  2.9.1: assignments are not field split or globbed
touch f1; x=a*' 'b; y=$x; echo "$y"
#@ assign-multi  2.9.1: assignments are done left to right
a=1 b=$a; echo $b
#@ env-assign  2.9.1: an assignment before a command goes to its environment only
x=outer; x=inner sh -c 'echo $x'; echo $x
#@ export-child  2.5: exported variables reach a child
y=exported; export y; sh -c 'echo $y'
#@ unset-empty  2.5: set but empty differs from unset
x=; echo "${x-unset}|${x:-empty}"; unset x; echo "${x-unset}"
#@ at-in-word  2.5.2: "x$@y" joins the first and last fields to the text
set -- a b c; for f in "x$@y"; do echo "[$f]"; done
#@ star-ifs-unset  2.5.2: "$*" with IFS unset joins with a space
set -- a b; unset IFS; echo "$*"
#@ star-unquoted-ifs  2.5.2: $* unquoted splits with IFS
set -- 'a:b' c; IFS=:; for f in $*; do echo "[$f]"; done
#@ bang-wait  2.5.2: the status of $! can be waited for after it ended
(exit 5) & p=$!; sleep 1; wait $p; echo $?
#@ dollar-no-i  2.5.2: a non-interactive shell has no i in $-
case $- in *i*) echo interactive;; *) echo "not interactive";; esac
#@ ppid  2.5.3: PPID is the parent's process id, also in a child shell
sh -c 'echo $PPID' > p; [ "$(cat p)" = "$$" ] && echo "child's PPID is our pid"
