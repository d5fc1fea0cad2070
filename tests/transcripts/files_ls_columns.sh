# ls: columns as GNU's (-C, -x, -w: a column starts 3 wide and a line must
# stay shorter than the width), names with control characters as they are
# (-N, the default into a pipe), '?' (-q), C escapes (-b); -Z's '?' for no
# security context; --full-time. Outputs as GNU's.
rm -rf /tmp/lsq; mkdir /tmp/lsq; cd /tmp/lsq
touch one two three four five six seven eight nine ten
for w in 18 19 20 21; do echo "w=$w"; ls -Cw $w; ls -xw $w; done
rm -f *; touch a b c d e f; ls -Cw 4; ls -Cw 3; ls -xw 4
rm -f *; touch "$(printf 'hello \rworld')" 'back\slash' "$(printf 'tab\there')" "$(printf 'x\001y')"
ls -b; ls -q; ls -N | od -c | head -3; ls --escape -1; ls --hide-control-chars
ls -Z a 2>/dev/null; rm -f *; touch -d '2024-01-31 12:34:56.123456789' f; ls -Z f; TZ=UTC ls -l --full-time f | cut -d' ' -f2-; TZ=America/New_York ls -lZ --full-time f | cut -d' ' -f2-; ls -lZ f | cut -d' ' -f5
cd /; rm -rf /tmp/lsq
