#!/usr/bin/env bash
# CPU profile of the real host under load on one endpoint (Linux perf, loopback only, bounded in time).
#   bash bench/profile.sh verify|certificate [seconds, default 10] [warm-up seconds, default 15]
# Prints the hottest frames (self and inclusive share of the host's samples) and leaves the folded stacks in
# $PROFILE_OUT (default /tmp/peksos-profile) for a closer look (e.g. grep a frame and sum its callers).
# Needs `perf` (Debian: linux-perf) and wrk. The host runs with DOTNET_PerfMapEnabled=1 (JIT-compiled frames get names
# in /tmp/perf-PID.map) and DOTNET_EnableWriteXorExecute=0 (without it perf cannot attribute samples to those frames).
set -euo pipefail
cd "$(dirname "$0")/.."
endpoint=${1:-certificate}
seconds=${2:-10}
warmup=${3:-15}
outdir=${PROFILE_OUT:-/tmp/peksos-profile}
command -v perf >/dev/null || { apt-get update -qq && apt-get install -y -qq linux-perf; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build -c Release bench/Peksos.Clean.Bench -v quiet -nologo >/dev/null
out=$(pwd)/bench/Peksos.Clean.Bench/bin/Release/net10.0
mkdir -p "$outdir"
work=$(mktemp -d)
key=bench-admin-key
export ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__BootstrapAdminKey=$key \
  ConnectionStrings__Peksos="Data Source=$work/peksos.db" RateLimiting__AnonymousPerMinute=100000000 RateLimiting__PerKeyPerMinute=100000000
(cd "$out" && dotnet Peksos.Clean.Api.dll seed-demo >/dev/null)
trap 'kill $host 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$out" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 exec taskset -c 0 dotnet Peksos.Clean.Api.dll --urls http://127.0.0.1:5090) & host=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:5090/health/ready >/dev/null && break; sleep 0.2; done
number=$(curl -s "http://127.0.0.1:5090/api/v1/certificates?limit=1" | grep -o '"number":"[^"]*"' | head -n1 | cut -d'"' -f4)
if [ "$endpoint" = verify ]; then
  url=http://127.0.0.1:5090/api/v1/verify/$number; header="Accept: application/json"
else
  consumer=$(curl -s -X POST -H "X-Api-Key: $key" -H "Content-Type: application/json" -d '{"name":"profile consumer","role":"consumer"}' \
    http://127.0.0.1:5090/api/v1/api-keys | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
  url=http://127.0.0.1:5090/api/v1/certificates/$number; header="X-Api-Key: $consumer"
fi
taskset -c 1 wrk -t1 -c32 -d"${warmup}s" -H "$header" "$url" >/dev/null
taskset -c 1 wrk -t1 -c32 -d"$((seconds + 2))s" -H "$header" "$url" | awk '/Requests\/sec/ {print "under profile: " $2 " req/s"}' &
sleep 1
perf record -q -F 999 -e cpu-clock -g -p "$host" -o "$outdir/perf.data" -- sleep "$seconds" 2>/dev/null
wait %2 2>/dev/null || true
perf script -i "$outdir/perf.data" 2>/dev/null | python3 "$(dirname "$0")/fold.py" > "$outdir/folded.txt"
python3 "$(dirname "$0")/fold.py" --report "$outdir/folded.txt"
