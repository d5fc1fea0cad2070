# seq: FIRST [INCR] LAST, negative and fractional numbers, -s, -w, errors.
echo "--- LAST, FIRST LAST, FIRST INCR LAST"
seq 3
seq 2 4
seq 1 3 10
seq 5 -2 0
seq -2 0
echo "--- nothing to count"
seq 5 1
echo "status $?"
echo "--- fractions: as many decimals as FIRST or INCR has"
seq 0 0.25 1
seq 1 0.5 2.9
seq 0 0.1 0.5
seq 1.50 2
echo "--- exponents"
seq 1e1 1e1
echo "--- -s"
seq -s , 5
seq -s ', ' 3
seq -s: 2
echo "--- -w"
seq -w 8 11
seq -w 1 3 10
seq -w -1 1
seq -w 1 0.5 2
echo "--- integers going up: digits added by hand"
seq 1 1000000 | cksum
seq 1 1000000 | tail -n 2
seq 0 7 100000 | cksum
seq 7 993 100000 | cksum
seq 5 100 1000
seq -w 5 100 10000 | tail -n 2
seq -s , 98 102
seq 999999999999999990 9 1000000000000000100
seq 9223372036854775800 3 9223372036854775807
seq -5 3 5
echo "--- negative numbers are not options"
seq -3 -1
seq -- -5 -3
echo "--- errors"
seq
echo "status $?"
seq 1 2 3 4
echo "status $?"
seq x
echo "status $?"
seq 1 0 5
echo "status $?"
seq -s
echo "status $?"
seq -z 3
echo "status $?"
echo "--- seq -f: one floating-point conversion"
seq -f %g 1 0.5 3
seq -f '%.2f' 3
seq -f 'x%05.1fy' 0.5 0.25 1
seq -f %e 2 2
seq -f '%%%g%%' 1 2
seq -f %g 1000000 1000001
seq -s, -f '%.1f' 1 3
seq -f'%+.3E' -1 1
seq -s ' ' 0 0.25 1
seq -s '' 1.5 3
seq -w 0.5 0.5 10
seq -f %d 1 2
echo "status $?"
seq -f %g%g 1 2
echo "status $?"
seq -f abc 1 2
echo "status $?"
seq -w -f %g 1 2
echo "status $?"
echo "--- an exponent counts against the decimals (as GNU seq)"
for a in "1.0e0 2" "1.0E0 2" "1e-2 0.03" "1.00e1 12" "1.5e1 17" "0 1e-1 0.3" "1e2 101"; do
    seq -s, $a
done
