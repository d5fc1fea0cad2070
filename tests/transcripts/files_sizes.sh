# Sizes as a disk file system (ext4) gives them: a directory occupies
# 4096-byte blocks, one at least, more as names fill it (the 255th name
# of 7 bytes needs another, as on ext4; ext4 then makes an index of three
# blocks, Duplex adds one); a file whole blocks; a short symbolic link
# nothing. du, ls -l, stat, find -size.
rm -rf /tmp/files_sizes.d && mkdir /tmp/files_sizes.d && cd /tmp/files_sizes.d
mkdir -p d/sub
printf abc > d/f
: > d/empty
ln -s f d/link
echo "--- du"
du -k d
du -ak d | sort -k2
du -sk d
du -b d/f d/sub
echo "--- ls -l"
ls -ld d d/sub | awk '{ print $1, $5, $NF }'
ls -l d | awk 'NR > 1 { print $1, $5, $9 }'
echo "--- stat"
stat -c '%n %s %b %B' d d/sub d/f d/empty d/link
echo "--- find -size (512-byte units of the size)"
find d -size 8 | sort
find d -size -2 | sort
echo "--- a directory grows when its first block is full"
mkdir big
for i in $(seq 100 353); do : > big/name$i; done
stat -c '%s %b' big
: > big/name354
[ "$(stat -c %s big)" -gt 4096 ] && echo "more than one block"
cd /tmp && rm -r /tmp/files_sizes.d
