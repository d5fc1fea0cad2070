# ls: -x -m -p -R -w -i, the sort orders -S -X -U -r --group-directories-first,
# -n -o -g.
rm -rf /tmp/files_ls_more.d && mkdir /tmp/files_ls_more.d && cd /tmp/files_ls_more.d
mkdir sub sub/deep
printf '1234567890' > big.txt
printf '1' > small.c
printf '12345' > mid.a
: > sub/inner
echo "--- -x -C -m -w"
ls -x
ls -C -w 20
ls -x -w 20
ls -m
ls -m -w 15
echo "--- -p -F"
ls -p
echo "--- -R"
ls -R
ls -R sub
echo "--- sorting"
ls -S *.*
ls -Sr *.*
ls -X
ls --group-directories-first
ls -U | sort
echo "--- -i, -n -o -g"
ls -i small.c | grep -c '^ *[0-9][0-9]* small.c$'
ls -n small.c | cut -c1-10
ls -o small.c | grep -c ' root .* small.c$'
ls -g small.c | grep -c ' root .* small.c$'
ls --nope; echo "status $?"
cd /tmp && rm -r /tmp/files_ls_more.d
