# realpath --relative-to and --relative-base (GNU's rules: a base that
# does not hold --relative-to's directory makes every name absolute), and
# -L (".." before the links) against the default and -s.
rm -rf /tmp/rprel.d && mkdir -p /tmp/rprel.d/one/two/three && cd /tmp/rprel.d
touch file; ln -s ./one uno; ln -s one/two dos; ln -s .. parent
echo "--- --relative-to"
realpath . --relative-to=one/two/three
realpath -m --relative-to=missing/that/ uno/../dos/linux/../../bingeley/bongeley/beep
realpath -m walrus --relative-to walrus
realpath /tmp/rprel.d --relative-to one
realpath --relative-to /tmp/rprel.d one
realpath --relative-to=/ /tmp /
realpath -z --relative-to=one one/two | od -c | sed 's/  */ /g'
realpath --relative-to nothing/potato .; echo "status $?"
realpath -m --relative-to nothing/potato .
realpath -e --relative-to=file .; echo "status $?"
echo "--- --relative-base"
realpath one one/two one/two/three --relative-base=one/two
realpath --relative-to=.. --relative-base=one/two one
realpath --relative-to=one/two/three --relative-base=one one/two file
realpath -m --relative-base wurble wurble/poing
realpath -sm --relative-base wurble .
realpath -m --relative-base wurble wurble wurble/
realpath --relative-base=/tmp / /tmp/rprel.d
echo "--- -L, -P, -s"
realpath -L dos/../one
realpath -P dos/../one
realpath -s --relative-to=. parent
realpath -L --relative-to=. parent
realpath --relative-to=. parent
cd /tmp && rm -r /tmp/rprel.d
