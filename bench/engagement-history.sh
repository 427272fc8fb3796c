#!/usr/bin/env bash
# Day-D engagement feature time with N days of history behind it (README, Performance): generates a
# lake if HOME holds none, then runs EngagementHistoryBench (features test sources; it fills
# silver/tweet_text with a test stand-in when the table does not exist) and writes
# bench/results/engagement-history-<time>.md.
# Usage: bench/engagement-history.sh HOME DAYS OFFSETS [datasets generate options...]
#   e.g. bench/engagement-history.sh /tmp/h60 61 10,60 --seed 5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$1"; days="$2"; offsets="$3"; shift 3
if [[ ! -d "$home/lake/bronze/engagements/_delta_log" ]]; then
  "$root/bin/daystream" datasets generate --home "$home" --days "$days" "$@"
fi
cd "$root"
mvn -o -q -pl features -am test -Dtest=EngagementHistoryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.home="$home" -Dbench.offsets="$offsets" -Dbench.results="$root/bench/results"
