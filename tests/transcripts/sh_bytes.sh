# Bytes that are not UTF-8 pass through the shell, the arguments of a
# program and the environment unchanged: once the web target's runtime
# decoded argv and envp as UTF-8 and a lone \377 came back as the three
# bytes of U+FFFD. NUL bytes are dropped from $(...), as in dash.
x=$(printf '\377')
echo "length: ${#x}"
printf '%s' "$x" | od -An -tx1
env printf '%s' "$x" | od -An -tx1
printf '%s' "$(printf 'a\200b\376c')" | od -An -tx1
X=$(printf '\351t\351') env | while read -r l; do case $l in X=*) echo "$l";; esac; done |
    od -An -tx1
export Y="$(printf '\377\376')"; sh -c 'printf "%s" "$Y"' | od -An -tx1
printf 'a\000b' > /tmp/sh_bytes; y=$(cat /tmp/sh_bytes); echo "NUL dropped: $y ${#y}"
rm -f /tmp/sh_bytes
