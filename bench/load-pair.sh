#!/usr/bin/env bash
# One full endpoint under load, side by side with a bare endpoint doing the same reads (bench/Peksos.Clean.Bench/Baseline.cs).
#   bash bench/load-pair.sh events|verify-bulk [seconds per run, default 5] [warm-up seconds, default 15] [rounds, default 5]
# events: GET /api/v1/events?limit=200 against a bare read of the same 200 rows.
# verify-bulk: POST /api/v1/verify with 100 numbers against a bare endpoint doing the same IN (...) lookup.
# As bench/load.sh: both hosts pinned to core 0, wrk (1 thread, 32 connections) on core 1, the full host called with a
# stored consumer key; reported: each round's full/bare ratio and their median.
set -euo pipefail
cd "$(dirname "$0")/.."
pair=${1:-events}
seconds=${2:-5}
warmup=${3:-15}
rounds=${4:-5}
source bench/hosts.sh
rps() { taskset -c 1 wrk -t1 -c32 -d"$1s" "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
case "$pair" in
  events)
    full=(-H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200')
    bare=(http://127.0.0.1:5091/l1/events)
    echo "events in the page: $(curl -s "${full[@]}" | grep -o '"id":' | wc -l)" >&2 ;;
  verify-bulk)
    # 100 numbers: every certificate of the seed, repeated to 100, with every tenth one unknown.
    numbers=$(curl -s -H "X-Api-Key: $consumer" "http://127.0.0.1:5090/api/v1/certificates?limit=100" | grep -o '"number":"[^"]*"' | cut -d'"' -f4)
    body=$(for i in $(seq 0 99); do
      if [ $((i % 10)) -eq 9 ]; then echo "PSG-2026-999999-00"; else echo "$numbers" | sed -n "$(( i % $(echo "$numbers" | wc -l) + 1 ))p"; fi
    done | awk 'BEGIN { printf "{\"numbers\":[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 } END { printf "]}" }')
    script=$work/post.lua
    printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$body" > "$script"
    full=(-s "$script" -H "X-Api-Key: $consumer" http://127.0.0.1:5090/api/v1/verify)
    bare=(-s "$script" http://127.0.0.1:5091/l1/verify)
    echo "results in an answer: full $(curl -s -X POST -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:5090/api/v1/verify | grep -o '"found":true' | wc -l) found," \
      "bare $(curl -s -X POST -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:5091/l1/verify | grep -o '"found":true' | wc -l) found" >&2 ;;
  *) echo "usage: bash bench/load-pair.sh events|verify-bulk [seconds] [warm-up] [rounds]" >&2; exit 2 ;;
esac
rps "$warmup" "${full[@]}" >/dev/null
rps "$warmup" "${bare[@]}" >/dev/null
ratios=()
for round in $(seq 1 "$rounds"); do
  f=$(rps "$seconds" "${full[@]}")
  b=$(rps "$seconds" "${bare[@]}")
  ratios+=("$(ratio "$f" "$b")")
  echo "round $round: full $f req/s, bare $b req/s, ratio ${ratios[-1]}" >&2
done
echo "$pair full/bare: median $(median "${ratios[@]}")"
