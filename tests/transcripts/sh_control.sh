# Control flow: if/elif/else, while, until, for, case, break, continue,
# functions and return, { } groups, ( ) sub-shells.
for n in 1 2 3 4; do
    if [ $n -eq 1 ]; then
        echo "$n: one"
    elif [ $n -eq 2 ]; then
        echo "$n: two"
    elif [ $n -eq 3 ]
    then
        echo "$n: three"
    else
        echo "$n: many"
    fi
done
if false; then echo never; fi; echo "if without a branch taken: $?"
if ! [ -d /nonexistent ]; then echo "negated condition"; fi
i=0
while [ $i -lt 3 ]; do echo "while $i"; i=$(expr $i + 1); done
until [ $i -eq 0 ]; do echo "until $i"; i=$((i - 1)); done
for w in alpha "beta gamma" delta; do echo "for: $w"; done
for w in; do echo never; done; echo "empty for: $?"
set -- p1 p2
for w do echo "positional: $w"; done
for w
do
    echo "on its own line: $w"
done
for i in 1 2 3 4 5 6; do
    [ $i -eq 2 ] && continue
    [ $i -eq 5 ] && break
    echo "loop $i"
done
for a in x y; do
    for b in 1 2 3; do
        [ $b -eq 2 ] && continue 2
        [ $a = y ] && break 2
        echo "nested $a$b"
    done
done
echo "after nested loops"
for f in report.txt photo.JPG script.sh notes archive.tar.gz "two words"; do
    case $f in
        *.txt) echo "$f: text" ;;
        *.[Jj][Pp][Gg] | *.png) echo "$f: image" ;;
        *.sh)
            echo "$f: script"
            ;;
        *.tar.*) echo "$f: archive";;
        *' '*) echo "$f: has a space" ;;
        *) echo "$f: unknown"
    esac
done
case x in (x) echo "parenthesised pattern";; esac
case "*" in "*") echo "quoted star matches only a star";; esac
case abc in a*) ;; *) echo never;; esac; echo "empty case branch: $?"
greet() {
    echo "hello, $1 (of $#)"
}
greet world; greet "dear reader" extra
square() { echo $(($1 * $1)); }
echo "square 7: $(square 7)"
sign() {
    if [ $1 -lt 0 ]; then return 1; fi
    return 0
    echo never
}
sign 5 && echo "5 is positive"; sign -5 || echo "-5 is negative"
count() { n=0; for x in "$@"; do n=$((n + 1)); done; echo $n; }
count a "b c" d
echo "functions see and set globals: n=$n"
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(($1 * $(fact $(($1 - 1))))); fi; }
echo "5! = $(fact 5)"
echo "positional parameters are back: $1 $2"
{ echo "group 1"; echo "group 2"; }
{ echo in-group; } | tr a-z A-Z
v=outer
( v=inner; echo "sub-shell sees $v"; cd /; exit 3 )
echo "status $?, v=$v"
( echo "in a sub-shell: $1" )
(cd /tmp && pwd)
unset -f greet
greet 2>/dev/null || echo "greet is gone"
