# sha1sum: digests of files and stdin, -b, and checking them with -c.
rm -rf /tmp/text_sha1sum.d && mkdir /tmp/text_sha1sum.d && cd /tmp/text_sha1sum.d
printf '' > empty
printf 'abc' > abc
seq 1 10000 > big
sha1sum empty abc big
printf 'abc' | sha1sum
sha1sum -b abc
sha1sum abc big > list
sha1sum -c list
printf 'changed' > abc
sha1sum -c list; echo "status $?"
sha1sum -c --quiet list; echo "status $?"
sha1sum -c --status list; echo "status $?"
echo 'not a checksum line' >> list
sha1sum -c -w list; echo "status $?"
sha1sum nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_sha1sum.d
