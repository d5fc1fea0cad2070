# Pathname expansion: * ? [...], sorted; a pattern that matches nothing
# stays as written; quoted characters match themselves.
d=/tmp/sh_glob
rm -rf $d; mkdir $d; cd $d
touch apple.c banana.c cherry.h data1 data2 data10 .hidden 'with space.txt' '*star'
mkdir src src/lib docs
touch src/main.c src/util.c src/lib/list.c docs/README
echo *
echo *.c
echo *.[ch]
echo data?
echo data*
echo data[12]
echo data[!1]*
echo data[^1]*
echo [a-c]*
echo [[:upper:]]*
echo */
echo src/*.c
echo */*.c
echo */*/*.c
echo *.none
echo no/such/*
echo "*.c" '*.c' \*.c
echo .*
echo .h*
x='*.c'
echo $x
echo "$x"
for f in *.c; do echo "file: $f"; done
for f in *space*; do echo "one word: [$f]"; done
echo \**
echo ${d}/*.h
echo $d/src/*
ls *.h
set -f
echo *.c
set +f
echo *.c
cd /tmp; rm -r $d
