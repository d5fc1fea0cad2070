# vi needs a terminal (tests/node/editors.test.js drives it at the
# console); without one it says so.
echo hello | vi /tmp/text_vi.txt; echo "status $?"
vi a b; echo "status $?"
