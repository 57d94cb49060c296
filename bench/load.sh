#!/usr/bin/env bash
# Verification under load, side by side with the physical limits, on loopback only and bounded in time.
#   bash bench/load.sh [seconds per run, default 10]
# The server is pinned to core 0 and wrk to core 1. For each endpoint: 3 runs of wrk (1 thread, 32 connections),
# median requests/s and median p99. Full pipeline = the real host (auth, rate limiter raised, mediator, Dapper,
# ProblemDetails, logging at Warning); L0 = the same JSON bytes from memory; L1 = the same lookup with a raw prepared
# command and source-generated JSON (bench/Peksos.Clean.Bench/Baseline.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release bench/Peksos.Clean.Bench -v quiet -nologo >/dev/null
out=$(pwd)/bench/Peksos.Clean.Bench/bin/Release/net10.0
work=$(mktemp -d)
db=$work/peksos.db
key=bench-admin-key
export ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__BootstrapAdminKey=$key \
  ConnectionStrings__Peksos="Data Source=$db" RateLimiting__AnonymousPerMinute=100000000 RateLimiting__PerKeyPerMinute=100000000
(cd "$out" && dotnet Peksos.Clean.Api.dll seed-demo >/dev/null)

wait_ready() { for _ in $(seq 1 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "not ready: $1" >&2; exit 1; }
ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 }; printf "%.3f", v }'; }
measure() { # name url [header]
  local rps=() p99=()
  for _ in 1 2 3; do
    local report
    if [ $# -ge 3 ]; then report=$(taskset -c 1 wrk -t1 -c32 -d"${seconds}s" --latency -H "$3" "$2"); else report=$(taskset -c 1 wrk -t1 -c32 -d"${seconds}s" --latency "$2"); fi
    rps+=("$(echo "$report" | awk '/Requests\/sec/ {print $2}')")
    p99+=("$(echo "$report" | awk '$1=="99%" {print $2}' | ms)")
  done
  local mr mp
  mr=$(printf '%s\n' "${rps[@]}" | sort -n | sed -n 2p); mp=$(printf '%s\n' "${p99[@]}" | sort -n | sed -n 2p)
  echo "$1 $mr $mp"
  printf '%-34s %12s req/s   p99 %8s ms   (runs: %s req/s)\n' "$1" "$mr" "$mp" "${rps[*]}" >&2
}

(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Api.dll --urls http://127.0.0.1:5090) & host=$!
wait_ready http://127.0.0.1:5090/health/ready
number=$(curl -s "http://127.0.0.1:5090/api/v1/certificates?limit=1" | grep -o '"number":"[^"]*"' | head -n1 | cut -d'"' -f4)
echo "certificate $number; $seconds s per run" >&2
full_verify=$(measure "full GET /api/v1/verify/{n}" "http://127.0.0.1:5090/api/v1/verify/$number")
full_cert=$(measure "full GET /api/v1/certificates/{n}" "http://127.0.0.1:5090/api/v1/certificates/$number" "X-Api-Key: $key")
kill $host; wait $host 2>/dev/null || true

(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Bench.dll serve-baseline "$db" "$number" http://127.0.0.1:5091) & base=$!
wait_ready "http://127.0.0.1:5091/l0/verify/$number"
l0=$(measure "L0 same bytes from memory" "http://127.0.0.1:5091/l0/verify/$number")
l1=$(measure "L1 raw prepared lookup" "http://127.0.0.1:5091/l1/verify/$number")
kill $base; wait $base 2>/dev/null || true
rm -rf "$work"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
last() { echo "$1" | awk -v k="$2" '{ print $(NF - k) }'; }
vr=$(last "$full_verify" 1); vp=$(last "$full_verify" 0); cr=$(last "$full_cert" 1); cp=$(last "$full_cert" 0)
l0r=$(last "$l0" 1); l1r=$(last "$l1" 1); l1p=$(last "$l1" 0)
echo "verify:       full/L1 throughput $(ratio "$vr" "$l1r"), p99 full/L1 $(ratio "$vp" "$l1p")"
echo "certificate:  full/L1 throughput $(ratio "$cr" "$l1r"), p99 full/L1 $(ratio "$cp" "$l1p")"
echo "L1/L0 throughput $(ratio "$l1r" "$l0r")"
