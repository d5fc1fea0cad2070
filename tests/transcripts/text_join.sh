# join: pairs on the first field or another, -t, -a and -v, -e and -o, -i,
# several lines with one key.
rm -rf /tmp/text_join.d && mkdir /tmp/text_join.d && cd /tmp/text_join.d
printf 'alice 30\nbob 25\ncarol 35\n' > ages
printf 'alice paris\ncarol rome\ndave oslo\n' > cities
join ages cities
join -a 1 ages cities
join -a 1 -a 2 -e NONE -o 0,1.2,2.2 ages cities
join -v 1 ages cities
join -v 2 ages cities
join -o 2.2,1.2 ages cities
printf '25,bob\n30,alice\n' > byage
join -t , -1 1 -2 2 byage ages 2>&1 | head -2
printf 'x:1:a\ny:2:b\n' > c1; printf 'a:first\nb:second\n' > c2
join -t : -1 3 c1 c2
printf 'k 1\nk 2\n' > m1; printf 'k a\nk b\n' > m2
join m1 m2
printf 'ALICE 1\n' > up
join -i up ages
join ages; echo "status $?"
join ages cities up ages; echo "status $?"
join ages nofile; echo "status $?"
cd /tmp && rm -r /tmp/text_join.d
