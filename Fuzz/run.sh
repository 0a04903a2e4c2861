#!/bin/sh
# Runs one fuzz target for a bounded time: Fuzz/run.sh csv|xlsx SECONDS [more libFuzzer flags]
# Needs the release build of this folder (`make fuzz` does it) and the seeds of make_corpus.py.
# The corpus grows in Fuzz/.build/fuzz/corpus-KIND (kept between runs); a crash, hang or leak leaves its
# input in Fuzz/.build/fuzz/crashes/ and makes this script fail.
set -eu
kind=$1
seconds=$2
shift 2
case $kind in
    csv) target=FuzzRosterCSV; max_len=16384 ;;
    xlsx) target=FuzzRosterXLSX; max_len=65536 ;;
    *) echo "usage: $0 csv|xlsx SECONDS" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.build/fuzz"
mkdir -p "corpus-$kind" crashes
log="$kind.log"
status=0
started=$(date +%s)
# nice: the fuzzer takes what the machine has left over and never starves a build.
SWIFT_BACKTRACE=enable=no nice -n 19 "../release/$target" "corpus-$kind" "seeds-$kind" -dict="$kind.dict" -max_len=$max_len \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="crashes/$kind-" "$@" > "$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - started ))
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
summary="fuzz $kind: ${runs:-?} executions in ${elapsed} s (${rate:-?}/s), $cov, corpus $(ls "corpus-$kind" | wc -l) inputs"
echo "$summary"
# Every run is added to a ledger, for the totals in README.md.
echo "$(date -u +%FT%TZ) $(git -C ../../.. rev-parse --short HEAD 2>/dev/null) exit=$status $summary" >> ledger.txt
if [ "$status" -ne 0 ]; then
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*invariant broken|artifact_prefix)' "$log" | head -5
    echo "fuzz $kind FAILED (exit $status); full log: Fuzz/.build/fuzz/$log; inputs: Fuzz/.build/fuzz/crashes/"
    exit 1
fi
