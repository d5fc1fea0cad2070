# tr (translate, -d, -s, -c, ranges, classes, repeats, escapes) and cut
# (-b -c -f, -d, -s, lists and ranges).
rm -rf /tmp/text_tr.d
mkdir /tmp/text_tr.d
cd /tmp/text_tr.d
echo "--- tr: translate, ranges, the last byte of SET2 repeats"
echo 'hello world' | tr a-z A-Z
echo 'hello world' | tr lo 01
echo 'abcdef' | tr a-f xy
echo 'hello' | tr a-y b-z
echo "--- tr: classes"
echo 'Hello World 42' | tr '[:lower:]' '[:upper:]'
echo 'Hello World 42' | tr '[:upper:]' '[:lower:]'
echo 'Hello World 42' | tr '[:digit:]' '#'
echo 'Hello World 42' | tr '[:space:]' '_'
echo
echo "--- tr -d, -s, -c"
echo 'hello world' | tr -d lo
echo 'a1b22c333' | tr -d '[:digit:]'
echo 'a1b22c333' | tr -cd '[:digit:]'
echo
echo 'aaabbbccc   dd' | tr -s 'a-c '
echo 'hello    world' | tr -s ' '
echo 'hello world' | tr -c 'a-z\n' '.'
echo 'aabbccaa' | tr -ds b a
echo 'one two  three' | tr -s ' ' '\n'
echo "--- tr: repeats and escapes"
echo 'abcdef' | tr a-f '[x*]'
echo 'abcdef' | tr a-f 'A[-*3]Z'
printf 'tab\there\n' | tr '\t' ' '
printf 'a\\b\n' | tr '\\' /
echo 'x' | tr '\170' '\171'
printf 'one\ntwo\n' | tr '\n' ,
echo
echo "--- tr: binary data and large input"
printf 'a\000b\377c\n' | tr '\000\377' 'XY'
yes abcdefghij | head -n 100000 | tr a-j 0-9 | cksum
echo "--- tr: errors"
echo abc | tr
echo "status $?"
echo abc | tr a
echo "status $?"
echo abc | tr z-a x
echo "status $?"
echo "--- cut -f: fields"
printf 'a:b:c:d\nno colon\n1:2\n' > data
cut -d : -f 2 data
cut -d : -f 1,3 data
cut -d : -f 3,1 data
cut -d : -f 2- data
cut -d : -f -2 data
cut -d : -s -f 2 data
cut -d : -f 5 data
printf 'x\ty\tz\n' | cut -f 2
echo "--- cut -c and -b: characters and bytes"
printf 'abcdefgh\nxy\n\n' > chars
cut -c 2-4 chars
cut -c 1,3,5- chars
cut -b -2 chars
cut -c 3 chars
printf 'no newline' | cut -c 1-2
echo "--- cut: several files, standard input"
cut -c 1 chars data
echo 'a b c' | cut -d ' ' -f 2
echo "--- cut: errors"
cut -f 1 -c 1 data
echo "status $?"
cut data
echo "status $?"
cut -f 0 data
echo "status $?"
cut -c 3-1 data
echo "status $?"
cut -d ab -f 1 data
echo "status $?"
cut -c 1 nope data
echo "status $?"
cd /tmp
rm -r /tmp/text_tr.d
