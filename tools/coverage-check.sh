#!/usr/bin/env bash
# coverage-check.sh REPORT MIN - fail unless the TOTAL line coverage in an
# llvm-cov report is at least MIN percent.
set -euo pipefail
report=$1 min=$2
# TOTAL row: regions, missed, cover, functions, missed, executed, lines, missed, cover, ...
pct=$(awk '/^TOTAL/ { print $10 }' "$report" | tr -d '%')
[ -n "$pct" ] || { echo "coverage: no TOTAL line in $report"; exit 1; }
if awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p + 0 >= m + 0) }'; then
  echo "coverage: ${pct}% of the lines of kernel/ and ipc/ (at least ${min}% required)"
else
  echo "coverage: ${pct}% of the lines of kernel/ and ipc/, below the required ${min}%"
  exit 1
fi
