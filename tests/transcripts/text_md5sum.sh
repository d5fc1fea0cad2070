# md5sum: digests of files and stdin, -b, and checking them with -c.
rm -rf /tmp/text_md5sum.d && mkdir /tmp/text_md5sum.d && cd /tmp/text_md5sum.d
printf '' > empty
printf 'abc' > abc
seq 1 10000 > big
md5sum empty abc big
printf 'abc' | md5sum
md5sum -b abc
md5sum abc big > list
md5sum -c list
printf 'changed' > abc
md5sum -c list; echo "status $?"
md5sum -c --quiet list; echo "status $?"
md5sum -c --status list; echo "status $?"
echo 'not a checksum line' >> list
md5sum -c -w list; echo "status $?"
md5sum nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_md5sum.d
