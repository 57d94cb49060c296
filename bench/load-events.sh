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
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release bench/Peksos.Clean.Bench -v quiet -nologo >/dev/null
out=$(pwd)/bench/Peksos.Clean.Bench/bin/Release/net10.0
work=$(mktemp -d)
key=bench-admin-key
export ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__BootstrapAdminKey=$key \
  ConnectionStrings__Peksos="Data Source=$work/peksos.db" RateLimiting__AnonymousPerMinute=100000000 RateLimiting__PerKeyPerMinute=100000000
(cd "$out" && dotnet Peksos.Clean.Api.dll seed-demo >/dev/null)
wait_ready() { for _ in $(seq 1 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "not ready: $1" >&2; exit 1; }
rps() { taskset -c 1 wrk -t1 -c32 -d"$1s" "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
trap 'kill $host $base 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Api.dll --urls http://127.0.0.1:5090) & host=$!
wait_ready http://127.0.0.1:5090/health/ready
number=$(curl -s "http://127.0.0.1:5090/api/v1/certificates?limit=1" | grep -o '"number":"[^"]*"' | head -n1 | cut -d'"' -f4)
consumer=$(curl -s -X POST -H "X-Api-Key: $key" -H "Content-Type: application/json" -d "{\"name\":\"feed load $$\",\"role\":\"consumer\"}" \
  http://127.0.0.1:5090/api/v1/api-keys | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Bench.dll serve-baseline "$work/peksos.db" "$number" http://127.0.0.1:5091) & base=$!
wait_ready http://127.0.0.1:5091/l1/events
echo "events in the page: $(curl -s -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200' | grep -o '"id":' | wc -l)" >&2
rps "$warmup" -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200' >/dev/null
rps "$warmup" http://127.0.0.1:5091/l1/events >/dev/null
ratios=()
for round in $(seq 1 "$rounds"); do
  full=$(rps "$seconds" -H "X-Api-Key: $consumer" 'http://127.0.0.1:5090/api/v1/events?limit=200')
  bare=$(rps "$seconds" http://127.0.0.1:5091/l1/events)
  ratios+=("$(awk -v a="$full" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')")
  echo "round $round: full $full req/s, bare $bare req/s, ratio ${ratios[-1]}" >&2
done
echo "events?limit=200 full/bare: median $(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
