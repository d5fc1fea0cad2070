# readlink's options: -f -e -m (the canonical name; the last component, every
# component, or none must exist), -n (no delimiter after a single name; with
# several, ignored with a warning), -z (NUL delimiters), -q. Outputs as GNU's.
rm -rf /tmp/rl_t; mkdir -p /tmp/rl_t/sub; cd /tmp/rl_t
touch file sub/bang; ln -s notfound link; ln -s . here; ln -s ./sub dir
echo "--- -f -e -m"
readlink -f .; readlink -f notfound; readlink -f link; readlink -f dir/../here/dir/bang
readlink -e file; readlink -e notfound; echo "status $?"
readlink -f no/such; echo "status $?"
readlink -m sub/two/three; readlink -m sub/two/../../three
echo "--- -n and -z"
readlink -n link | od -c
readlink -nf . | od -c
readlink -nz link | od -c
readlink -z link link | od -c
readlink -n link link 2>&1 | od -c
echo "--- not a link"
readlink file; echo "status $?"
readlink -q file; echo "status $?"
cd /; rm -rf /tmp/rl_t
