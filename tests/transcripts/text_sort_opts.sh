# sort's GNU options: after the file names, -h -V -R -C -m -z, and the
# long names; outputs as GNU sort's in the C locale.
rm -rf /tmp/sorto_t
mkdir /tmp/sorto_t
cd /tmp/sorto_t
printf 'b\nc\na\n' > f
printf '10\n9\n100\n' > g
echo "--- options after the file names, -- before one"
sort f -r
sort g -n
sort f g -r -n
sort -- f
printf 'z\n' > ./-r
sort -- -r f
echo "--- -h: units first, then the number"
printf '2K\n1M\n-1K\n100\n0\n1.5K\n-5\n3G\n0K\n1k\n' | sort -h
printf '2K x\n1M y\n10 z\n' | sort -k1,1h
printf '1G\n1M\n1K\n' | sort -hr
echo "--- -V: version order"
printf 'a-1.10.tar.gz\na-1.9.tar.gz\na-1.9\nfile10\nfile9\nfile009\n1.0~rc1\n1.0\n1.0a\n.hidden\n..\n.\nx\n' | sort -V
printf 'pkg 1.10\npkg 1.2\nlib 3.0\n' | sort -k2V
printf 'v2\nv10\nv1\n' | sort --version-sort -r
echo "--- -R: every line once, equal lines together"
seq 1 200 > n
sort -R n | sort -n | cmp - n && echo same lines
printf 'a\nb\na\nc\nb\na\n' | sort -R | uniq | wc -l
printf 'x 1\ny 2\nx 3\n' | sort -s -R -k1,1 | cut -c1 | uniq | wc -l
echo "--- -c and -C"
sort -c f
echo "status $?"
sort -C f
echo "status $?"
sort -C g -n
echo "status $?"
sort -cu f f
echo "status $?"
echo "--- -m: inputs sorted already"
printf 'a\nc\ne\n' > m1
printf 'b\nd\nf\n' > m2
sort -m m1 m2
echo "--- -z: lines end with NUL"
printf 'b\000c\000a\000' | sort -z | tr '\000' '\n'
printf 'two\nlines\000one\000' | sort -z | tr '\000' '|'
echo
printf 'b\000a' | sort -z | od -c | head -1
echo "--- long names"
sort --reverse --numeric-sort g
sort --unique f f
sort --nope f
echo "status $?"
cd /tmp
rm -r /tmp/sorto_t
echo "--- -g: numbers as strtod reads them; no number < NaN < -inf < numbers < +inf"
printf '01.37\n1.222\n2.1\n0.4\nNaN\nbork\n-inf\n+infinity\n' | sort -g
printf '1e3\n5\n-2.5e-1\n 7\n1E1\n' | sort -g
printf 'a 1e2\nb 3\nc -1\n' | sort -k2g
printf 'a 1e2\nb 3\nc -1\n' | sort -k2,2gr
