# XCU utilities: sort, uniq, comm, join.
#@ sort-default  sort: lines in the collating order (C locale: bytes)
printf 'b\na\nC\nB\n10\n9\n' | sort
#@ sort-n  sort: -n numeric
printf '10\n9\n-1\n2.5\n100\n' | sort -n
#@ sort-r  sort: -r reverses
printf 'a\nc\nb\n' | sort -r
#@ sort-u  sort: -u keeps one of equal lines
printf 'b\na\nb\na\n' | sort -u
#@ sort-k  sort: -k sorts on a field
printf 'x 3\ny 1\nz 2\n' | sort -k2
#@ sort-k-n  sort: -k with a type letter
printf 'a 10\nb 9\nc 100\n' | sort -k2n
#@ sort-t  sort: -t field separator
printf 'a:3\nb:1\nc:2\n' | sort -t: -k2,2
#@ sort-f  sort: -f folds case
printf 'b\nA\na\nB\n' | sort -f | tr '\n' ' '; echo
#@ sort-b  sort: -b ignores leading blanks in keys
printf '  b\na\n c\n' | sort -b
#@ sort-c  sort: -c checks order, status 1 when out of order
printf 'a\nb\n' | sort -c; echo $?; printf 'b\na\n' | sort -c 2>/dev/null; echo $?
#@ sort-o  sort: -o writes to a file, which may be the input
printf 'b\na\n' > f; sort -o f f; cat f
#@ sort-m  sort: -m merges sorted files
printf 'a\nc\n' > 1; printf 'b\nd\n' > 2; sort -m 1 2
#@ sort-stable-keys  sort: the whole line breaks ties between equal keys
printf 'b 1\na 1\nc 0\n' | sort -k2,2
#@ sort-multi-key  sort: several -k, the first first
printf 'a 2 x\nb 1 y\nc 2 a\n' | sort -k2,2n -k3,3
#@ sort-no-newline  sort: a last line without newline gets one
printf 'b\na' | sort
#@ uniq-default  uniq: adjacent repeats are written once
printf 'a\na\nb\na\n' | uniq
#@ uniq-c  uniq: -c counts
printf 'a\na\nb\n' | uniq -c | sed 's/^ *//'
#@ uniq-d-u  uniq: -d only repeated, -u only unique
printf 'a\na\nb\nc\nc\n' | uniq -d; echo --; printf 'a\na\nb\nc\nc\n' | uniq -u
#@ uniq-f-s  uniq: -f skips fields, -s skips characters
printf 'x a\ny a\nz b\n' | uniq -f1; printf 'xa\nya\nzb\n' | uniq -s1
#@ uniq-files  uniq: input and output files
printf 'a\na\n' > in; uniq in out; cat out
#@ comm-default  comm: three columns
printf 'a\nb\nd\n' > 1; printf 'b\nc\nd\n' > 2; comm 1 2
#@ comm-suppress  comm: -1 -2 -3 suppress columns
printf 'a\nb\nd\n' > 1; printf 'b\nc\nd\n' > 2; comm -12 1 2; echo --; comm -3 1 2
#@ comm-stdin  comm: - is standard input
printf 'a\nb\n' > 1; printf 'b\nc\n' | comm -23 1 -
#@ join-default  join: on the first field
printf 'a 1\nb 2\nc 3\n' > 1; printf 'a x\nc y\nd z\n' > 2; join 1 2
#@ join-fields  join: -1 -2 choose the fields
printf '1 a\n2 b\n' > 1; printf 'a X\nb Y\n' > 2; join -1 2 -2 1 1 2
#@ join-a-v  join: -a and -v write unpaired lines
printf 'a 1\nb 2\n' > 1; printf 'b x\nc y\n' > 2; join -a1 1 2; echo --; join -v2 1 2
#@ join-t  join: -t separator
printf 'a:1\nb:2\n' > 1; printf 'a:x\nb:y\n' > 2; join -t: 1 2
#@ join-o  join: -o lists output fields
printf 'a 1\nb 2\n' > 1; printf 'a x\nb y\n' > 2; join -o 2.2,1.2,0 1 2
#@ join-e  join: -e fills missing fields given by -o
printf 'a 1\nb 2\n' > 1; printf 'a x\n' > 2; join -a1 -e EMPTY -o 1.1,2.2 1 2
#@ sort-k-chars  sort: -k field.char positions
printf 'xb2\nya1\nzc0\n' | sort -k1.2,1.2
#@ sort-k-nr  sort: -t, with a reversed numeric key
printf 'a,5\nb,10\nc,7\n' | sort -t, -k2nr
#@ sort-u-key  sort: -u with -k keeps the first of lines with equal keys
printf 'a 1\nb 1\nc 2\n' | sort -u -k2,2
#@ sort-n-blanks  sort: -n skips leading blanks, a missing number is zero
printf '  3\n1\nx\n 2\n' | sort -n
#@ sort-files  sort: several files sorted together
printf 'b\n' > 1; printf 'a\nc\n' > 2; sort 1 2
#@ sort-r-n  sort: -rn
printf '1\n10\n2\n' | sort -rn
#@ uniq-c-count  uniq: -c with counts above 9
i=0; while [ $i -lt 12 ]; do echo x; i=$((i + 1)); done | uniq -c | sed 's/^ *//'
#@ uniq-f-and-s  uniq: -f and -s together: fields are skipped first, then characters
printf 'a xab\nb yab\nc zac\n' | uniq -f1 -s2
#@ comm-tabs  comm: the column separator is a tab
printf 'a\n' > 1; printf 'b\n' > 2; comm 1 2 | od -c | sed 's/^ *//; s/  */ /g; s/ *$//' | head -1
#@ join-many  join: every pairing of equal keys
printf 'k 1\nk 2\n' > 1; printf 'k a\nk b\n' > 2; join 1 2
#@ join-a-both  join: -a1 -a2 write unpaired lines of both
printf 'a 1\nb 2\n' > 1; printf 'b x\nc y\n' > 2; join -a1 -a2 1 2
#@ join-v1  join: -v1 only the unpaired lines of file 1
printf 'a 1\nb 2\n' > 1; printf 'b x\n' > 2; join -v1 1 2
