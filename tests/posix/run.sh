# tests/posix/run.sh - run the conformance cases of the named files, each
# case in a shell of its own, and print what each one did.
#
#   cd tests/posix && sh run.sh sh_quoting.sh util_sort.sh ...
#
# A case file is a header of comments, then cases: a case begins at a line
# `#@ NAME` and runs to the next one. Every case runs as `sh CASE` in an
# empty directory of its own, stdin from /dev/null, so that no case sees
# what another left behind and a fatal error ends only its own shell.
# For each case this prints
#
#   @@ case NAME
#   (its standard output)
#   @@ status N            or   @@ status N +stderr
#
# "+stderr" says that something was written to standard error: the
# wording of a diagnostic is each implementation's own, so only its
# presence is compared (a case that wants to see its errors redirects
# them itself). NAME.out holds what the reference (dash and the GNU tools,
# `make host-bin-check`) prints; check.js compares case by case.
#
# A case that runs longer than CASE_TIMEOUT seconds (default 60) is ended
# by timeout(1), with status 124, and the next one runs. The runner itself
# uses only the shell's built-in commands and mkdir, rm, cat and timeout,
# so that a utility under test cannot upset the others' cases.

top=$(pwd)
scratch=${TMPDIR:-/tmp}/posix.$$
mkdir -p "$scratch" || exit 1
n=0
limit=${CASE_TIMEOUT:-60}

# Run the case collected in $text, as case number $n named $name.
run_case() {
    n=$((n + 1))
    printf '%s' "$text" >"$scratch/case.sh"
    mkdir "$scratch/$n" || exit 1
    cd "$scratch/$n" || exit 1
    timeout "$limit" sh "$scratch/case.sh" </dev/null >"$scratch/out" 2>"$scratch/err"
    status=$?
    cd "$top" || exit 1
    printf '@@ case %s\n' "$name"
    cat "$scratch/out"
    if [ -s "$scratch/err" ]; then
        printf '@@ status %s +stderr\n' "$status"
    else
        printf '@@ status %s\n' "$status"
    fi
}

for file in "$@"; do
    printf '@@@ file %s\n' "$file"
    name=
    text=
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
        '#@ '*)
            [ -n "$name" ] && run_case
            name=${line#'#@ '}
            name=${name%% *}
            text=
            ;;
        *)
            text="$text$line
"
            ;;
        esac
    done <"$file"
    [ -n "$name" ] && run_case
done
cd / && rm -rf "$scratch"
