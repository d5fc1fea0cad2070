# XCU utilities beyond the common ones: dd, nl, split, cksum, mkfifo,
# strings, nohup, nice; and a few small POSIX utilities (tty, link,
# unlink, expand, tsort, logname, pathchk) whose absence the suite records.
#@ dd-copy  dd: copies input to output; the counts go to standard error
printf 'hello world' | dd 2>/dev/null; echo
#@ dd-bs-count  dd: bs and count
printf 'abcdefgh' | dd bs=2 count=2 2>/dev/null; echo
#@ dd-skip-seek  dd: skip input blocks, seek output blocks
printf 'abcdefgh' | dd bs=1 skip=3 count=2 2>/dev/null; echo; printf 'XY' > f; printf 'ab' | dd of=f bs=1 seek=2 conv=notrunc 2>/dev/null; cat f; echo
#@ dd-conv-case  dd: conv=ucase and conv=lcase
printf 'MiXed' | dd conv=ucase 2>/dev/null; echo; printf 'MiXed' | dd conv=lcase 2>/dev/null; echo
#@ dd-files  dd: if= and of=
printf 'data' > in; dd if=in of=out 2>/dev/null; cat out; echo
#@ dd-ibs-obs  dd: ibs and obs
printf 'abcdef' | dd ibs=3 obs=2 2>/dev/null; echo
#@ dd-stats  dd: the record counts on standard error
printf 'abcde' | dd bs=2 2>&1 >/dev/null | head -2
#@ nl-default  nl: numbers non-empty lines, six wide, a tab after
printf 'a\n\nb\n' | nl
#@ nl-ba  nl: -b a numbers every line
printf 'a\n\nb\n' | nl -b a
#@ nl-options  nl: -n ln -w 3 -s, -v 10 -i 5
printf 'a\nb\n' | nl -n ln -w 3 -s, -v 10 -i 5
#@ nl-n-rz  nl: -n rz zero-fills
printf 'x\n' | nl -n rz -w 4
#@ nl-bp  nl: -b p numbers lines that match a BRE
printf 'apple\nbanana\navocado\n' | nl -b p'^a' -w 1
#@ split-l  split: -l lines per piece, named xaa, xab, ...
printf '1\n2\n3\n4\n5\n' | split -l 2; ls; cat xac
#@ split-b  split: -b bytes per piece, a prefix
printf 'abcdefg' | split -b 3 - part; ls; cat partab; echo
#@ split-a  split: -a suffix length
printf '1\n2\n' | split -l 1 -a 3; ls
#@ cksum  cksum: the CRC, the size and the name
printf 'hello\n' > f; cksum f; printf '' | cksum
#@ cksum-stdin  cksum: standard input has no name
printf 'abc' | cksum
#@ mkfifo  mkfifo: makes a FIFO that carries data
mkfifo p; test -p p && echo fifo; (echo through > p &); cat p
#@ mkfifo-m  mkfifo: -m sets the mode
mkfifo -m 600 p; ls -l p | cut -c1-10
#@ strings-default  strings: printable runs of 4 or more
printf 'ab\001hello\002xyz\003world!\n' > f; strings f
#@ strings-n  strings: -n sets the minimum
printf 'ab\001hello\002xyz\n' > f; strings -n 3 f
#@ nohup-status  nohup: runs the utility with its status
nohup sh -c 'echo out; exit 3' 2>/dev/null; echo $?
#@ nohup-not-found  nohup: 127 if the utility is not found
nohup no_such_utility_x 2>/dev/null; echo $?
#@ nice-run  nice: runs the utility
nice -n 5 echo niced; echo $?
#@ tty-not-terminal  tty: standard input that is not a terminal: "not a tty", status 1
tty; echo $?
#@ link-unlink  link, unlink: the system calls as utilities
echo x > a; link a b; cat b; unlink a; ls
#@ expand  expand: tabs to spaces at every 8 columns, or -t
printf 'a\tb\n' | expand; printf 'a\tb\n' | expand -t 4
#@ tsort  tsort: a total order from pairs
printf 'a b\nb c\n' | tsort
#@ pathchk  pathchk: -p checks portable names
pathchk -p 'good_name'; echo $?; pathchk -p 'bad*name' 2>/dev/null; echo $?
