# diff chooses the hunks GNU diff chooses among equally short scripts: a
# run of changes is reported at the last of its equivalent places, lines
# found in one file only are changes for certain, a last line without a
# newline differs from the same line with one. The expected output is GNU
# diff's. Also -B groups, -F, the line formats, --no-dereference.
rm -rf /tmp/text_diff_hunks.d && mkdir /tmp/text_diff_hunks.d && cd /tmp/text_diff_hunks.d
pair() {                       # pair A B OPTION... : diff the files A and B
  printf "$1" > a; printf "$2" > b; shift 2
  echo "--- $*"
  diff "$@" -L a -L b a b; echo "status $?"
}
pair 'a\nb\n' 'b\nb\n' -U1
pair 'b\nb\na\na\na\na\n' 'b\na\na\na\n'
pair 'b\nc\nc\na\n' 'b\nb\nc\na\n' -c
pair 'c\nc\na\nb\nc\n' 'c\nc\nc\na\nb\nb\nc\n'
pair 'a\na\nb\nb\na\n' 'a\nb\n' -c
pair 'b\nb\n' 'a\nc\nb\nb\nb\n'
pair 'b\na\na\nb\nb\nb\n' 'b\na\na\na\nb\n' -U1
pair 'd\na\n' 'c\nd\nd\n' -u
pair 'a\nb' 'c\nb\na'
pair 'x\ny\nz' 'x\ny\nz\n' -u
pair 'a\nab\nx\n' 'a\na  b\nab\ny\n' -w
pair 'x\nb' 'x\nb \n' -b
pair 'a\nb' 'a\nc\nb\n' -e
pair 'a\n\nb\nc\nd\ne\n\nf\n' 'a\nb\nc\nX\ne\nf\n\n' -B -U1
pair 'a\n\nb\n' 'a\nb\n\n' -B
pair 'f() {\n 1\n 2\n 3\n 4\n}\ng() {\n 5\n 6\n}\n' 'f() {\n 1\n 2\n x\n 4\n}\ng() {\n 5\n y\n}\n' -U1 -F '^[a-z]'
pair '1\n2\n' '1\n3\n' --unchanged-line-format='U%l ' --old-line-format='D%l ' --new-line-format='A%L'
echo "--- many changes (seq 1 4 2000 in seq 1 2000)"
seq 1 2000 > one; seq 1 4 2000 > two
diff -u one two | tail -n +3 | sed -n '1p;1500,1503p;$p'
diff one two | cksum
echo "--- symbolic links with --no-dereference"
printf 'x\n' > r; : > e; ln -s r l1; ln -s ./r l2; ln -s r l3
diff --no-dereference l1 l3; echo "status $?"
diff --no-dereference l1 l2; echo "status $?"
diff --no-dereference r l1; echo "status $?"
diff --no-dereference e l1; echo "status $?"
echo y | diff --no-dereference l1 -; echo "status $?"
diff l1 l2; echo "status $?"
echo "--- the command echoed between files of directories"
mkdir d1 d2; printf 'a\n' > d1/f; printf 'b\n' > d2/f
diff -r --unified=0 d1 d2 | sed 1q
diff -rb d1 d2 | sed 1q
cd /tmp && rm -r /tmp/text_diff_hunks.d
