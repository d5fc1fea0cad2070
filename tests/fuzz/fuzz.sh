#!/bin/bash
# fuzz.sh - `make fuzz`: the system-call fuzzer on every core for
# FUZZ_SECONDS, then every finding minimised and printed as calls.
#
#   FUZZ_SECONDS=N   how long (default 60)
#   FUZZ_JOBS=N      how many processes at once (default: the number of cores)
#
# The working corpus is build/fuzz/corpus, started from tests/fuzz/corpus
# and kept between runs. Findings go to build/fuzz/findings: crash-* as
# libFuzzer wrote it, min-* minimised, and min-*.txt the decoded program.
# The exit status is 1 if there was any finding.
set -u
cd "$(dirname "$0")/../.."
B=build/fuzz
SECS=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-$(nproc)}
mkdir -p $B/corpus $B/findings
# A smaller quarantine of freed host memory than AddressSanitizer's 256 MiB:
# the kernel's own heap is not the host's, and the fuzzer frees many small
# records (one per process) that would only fill memory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32}
cp -n tests/fuzz/corpus/* $B/corpus/ 2>/dev/null
rm -f $B/findings/* $B/fuzz-*.log

echo "fuzz: $JOBS processes for $SECS s (corpus $B/corpus, findings $B/findings)"
start=$(date +%s)
# -fork: libFuzzer runs JOBS children and merges what they find; each
# child runs until its first finding, which is kept, and fork mode goes on.
$B/fuzz -fork="$JOBS" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$SECS" -max_len=2048 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=$B/findings/ -print_final_stats=1 \
    $B/corpus 2>&1 | tee $B/fuzz.log | grep --line-buffered -E '^#[0-9]+: cov|INFO: exiting|ERROR|FINDING|panic'
end=$(date +%s)

# The figures: the last status line has the executions and coverage.
last=$(grep -E '^#[0-9]+: cov' $B/fuzz.log | tail -1)
execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
cov=$(sed -E 's/.* cov: ([0-9]+) ft: ([0-9]+).*/\1 \2/' <<<"$last")
secs=$((end - start))
if [ -n "$execs" ] && [ "$secs" -gt 0 ]; then
    echo "fuzz: $execs executions in $secs s: $((execs / secs)) per second," \
         "$((execs / secs / JOBS)) per second per process; cov ${cov% *} ft ${cov#* }"
fi

findings=$(ls $B/findings 2>/dev/null | grep -E '^(crash|leak|timeout|oom)-' || true)
if [ -z "$findings" ]; then
    echo "fuzz: no finding"
    exit 0
fi
for f in $findings; do
    $B/fuzz -minimize_crash=1 -max_total_time=60 -timeout=10 \
        -exact_artifact_path=$B/findings/min-$f $B/findings/$f >/dev/null 2>&1
    [ -s $B/findings/min-$f ] || cp $B/findings/$f $B/findings/min-$f
    $B/replay -t $B/findings/min-$f >$B/findings/min-$f.txt 2>&1
    echo "==== finding $f, minimised ($(stat -c %s $B/findings/min-$f) bytes):"
    tail -n 40 $B/findings/min-$f.txt
done
echo "fuzz: $(wc -w <<<"$findings") finding(s) in $B/findings"
exit 1
