# df: one line for the ramfs at "/", whose size and use are the kernel
# heap's (free's figures); the columns as GNU df's. The figures change
# from one run to the next: what is checked is the layout and that they
# add up.
echo "--- the header and the line"
df | head -1 | tr -s ' '
df | sed -n 2p | awk '{ print $1, $6 }'
df | awk 'NR == 2 { print ($2 == $3 + $4) ? "used + available = size" : "no: " $0 }'
df | awk 'NR == 2 { p = int(($3 * 100 + $2 - 1) / $2); print ($5 == p "%") ? "use% rounded up" : "no: " $0 }'
df | awk 'NR == 2 && $2 > 0 && $3 > 0 { print "sizes are counted" }'
echo "--- the columns line up"
df | awk 'NR == 1 { m = index($0, "Mounted") } NR == 2 { print (index($0, " /") + 1 == m) ? "aligned" : "not: " $0 }'
df -h | awk 'NR == 1 { m = index($0, "Mounted") } NR == 2 { print (index($0, " /") + 1 == m) ? "aligned" : "not: " $0 }'
echo "--- -h, -H, -P, -T"
df -h | head -1 | tr -s ' '
df -h | awk 'NR == 2 { print $1, ($2 ~ /^[0-9.]+[KMGT]?$/) ? "size with a unit" : $2 }'
df -H | awk 'NR == 2 { print ($2 ~ /^[0-9.]+[KMGT]?$/) ? "size with a unit" : $2 }'
df -P | head -1 | tr -s ' '
df -T | head -1 | tr -s ' '
df -T | awk 'NR == 2 { print $1, $2, $7 }'
echo "--- FILEs: a line for each"
df / /tmp | awk '{ print $1, $NF }'
df / nope > /tmp/df_out
echo "status $?"
wc -l < /tmp/df_out
rm /tmp/df_out
df nope
echo "status $?"
df -q
echo "status $?"
