# Files in and out of the machine, where nothing is kept outside it (./duplex,
# the board): sync has nothing to save and succeeds; download has nowhere to
# hand a file and says so. HOME is /home, and /home exists.
echo "--- HOME"
echo "$HOME"
ls -d /home
echo "--- sync"
sync
echo "status $?"
sync extra
echo "status $?"
echo "--- download"
download /etc/motd
echo "status $?"
download /nope
echo "status $?"
download
echo "status $?"
