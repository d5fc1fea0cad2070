# /dev/urandom and /dev/random: any number of bytes, different at every
# read; writes are accepted. (Not cryptographic: see dev.c.)
dd if=/dev/urandom of=/tmp/r1 bs=64 count=1 2>/dev/null; wc -c < /tmp/r1
head -c 100000 /dev/urandom | wc -c
head -c 7 /dev/random | wc -c
head -c 64 /dev/urandom > /tmp/r2
cmp -s /tmp/r1 /tmp/r2 || echo "two reads differ"
[ "$(od -An -tx1 -v /tmp/r1 | tr -d ' \n' | tr -d 0 | wc -c)" -gt 0 ] && echo "not all zeros"
# 4096 random bytes hold nearly all 256 values; far fewer would mean a poor
# generator
n=$(head -c 4096 /dev/urandom | od -An -tx1 -v | tr -s ' ' '\n' | sort -u | grep -c .)
[ "$n" -gt 250 ] && echo "all byte values seen"
echo hello > /dev/urandom && echo "a write is accepted"
ls -l /dev/urandom /dev/random | cut -c1-10
rm -f /tmp/r1 /tmp/r2
