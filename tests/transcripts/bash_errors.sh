# Errors the shell started as bash gets over where sh (dash, POSIX) ends
# a script: an assignment to a read-only variable before a command (the
# command runs without it), a for loop over a read-only variable (the
# loop stops, status 1), a syntax error in a file read by `.` (the `.`
# returns 2). bash words it "readonly variable".
cd /tmp
echo "--- a read-only variable before a command"
bash -c 'readonly r=1; r=2 echo "runs all the same: $?"; echo "r is $r"; r=3 env | grep "^r="; echo "status $?"' 2>&1
sh -c 'readonly r=1; r=2 echo "not reached"' 2>/dev/null; echo "sh: $?"
echo "--- for over a read-only variable"
bash -c 'readonly i; for i in one two; do echo "not this: $i"; done; echo "status $?"' 2>&1
sh -c 'readonly i; for i in one two; do echo "not this: $i"; done; echo "not reached"' 2>/dev/null; echo "sh: $?"
echo "--- a syntax error in a . file"
printf 'echo one\necho two; echo |\n' > bad_source
bash -c '. ./bad_source 2>/dev/null || echo ". returned $?"; echo "bash goes on"'
bash -c 'f() { echo "in f"; source ./bad_source 2>/dev/null; echo "f goes on"; }; f; echo "and the script"'
sh -c '. ./bad_source 2>/dev/null; echo "not reached"'; echo "sh: $?"
rm -f bad_source
