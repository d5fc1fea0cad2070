# sha256sum: digests of files and stdin, -b, and checking them with -c.
rm -rf /tmp/text_sha256sum.d && mkdir /tmp/text_sha256sum.d && cd /tmp/text_sha256sum.d
printf '' > empty
printf 'abc' > abc
seq 1 10000 > big
sha256sum empty abc big
printf 'abc' | sha256sum
sha256sum -b abc
sha256sum abc big > list
sha256sum -c list
printf 'changed' > abc
sha256sum -c list; echo "status $?"
sha256sum -c --quiet list; echo "status $?"
sha256sum -c --status list; echo "status $?"
echo 'not a checksum line' >> list
sha256sum -c -w list; echo "status $?"
sha256sum nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_sha256sum.d
