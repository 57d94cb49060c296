#!/usr/bin/env bash
# The events feed under load, side by side with a bare endpoint reading the same 200 rows (bench/Peksos.Clean.Bench/Baseline.cs).
#   bash bench/load-events.sh [seconds per run, default 5] [warm-up seconds, default 15] [rounds, default 5]
# As bench/load.sh: both hosts pinned to core 0, wrk (1 thread, 32 connections) on core 1, the full host called with a
# stored consumer key; reported: each round's full/bare ratio and their median.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
warmup=${2:-15}
rounds=${3:-5}
source bench/hosts.sh
rps() { taskset -c 1 wrk -t1 -c32 -d"$1s" "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
echo "events in the page: $(curl -s -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200' | grep -o '"id":' | wc -l)" >&2
rps "$warmup" -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200' >/dev/null
rps "$warmup" http://127.0.0.1:5091/l1/events >/dev/null
ratios=()
for round in $(seq 1 "$rounds"); do
  full=$(rps "$seconds" -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200')
  bare=$(rps "$seconds" http://127.0.0.1:5091/l1/events)
  ratios+=("$(ratio "$full" "$bare")")
  echo "round $round: full $full req/s, bare $bare req/s, ratio ${ratios[-1]}" >&2
done
echo "events?limit=200 full/bare: median $(median "${ratios[@]}")"
