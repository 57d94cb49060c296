#!/usr/bin/env bash
# Verification under load, side by side with the physical limits, on loopback only and bounded in time.
#   bash bench/load.sh [seconds per run, default 10] [warm-up seconds per endpoint, default 20] [rounds, default 3]
#
# Two processes run at once, both pinned to core 0: the real host (auth, rate limiter raised, mediator, Dapper,
# ProblemDetails, logging at Warning; the certificate endpoint called with a stored consumer key) and the baseline host
# (bench/Peksos.Clean.Bench/Baseline.cs): L0 answers the same JSON bytes from memory, L1 runs the same lookup with raw
# prepared commands and source-generated JSON (for a certificate: the certificate, its history and the holder's masked
# NIK, byte-identical JSON and the same ETag). wrk (1 thread, 32 connections) is pinned to core 1 and loads one endpoint
# at a time, so the idle process costs nothing.
#
# Each endpoint is first loaded for the warm-up (not measured: the runtime recompiles hot code with profile data
# during roughly the first 15 s under load, and the full host has far more such code than the baseline). Then the
# endpoints are measured in rounds — full, L0 and L1 of each endpoint, one run each per round — so that the shared
# machine's changing speed affects the compared figures alike. Reported: the median over rounds of requests/s and of
# p99, and the median of each round's full/L1 ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
warmup=${2:-20}
rounds=${3:-3}
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
load() { # duration url [header] -> wrk report
  if [ $# -ge 3 ]; then taskset -c 1 wrk -t1 -c32 -d"$1s" --latency -H "$3" "$2"; else taskset -c 1 wrk -t1 -c32 -d"$1s" --latency "$2"; fi
}
run() { # url [header] -> "requests/s p99-ms"
  local report
  report=$(load "$seconds" "$@")
  echo "$(echo "$report" | awk '/Requests\/sec/ {print $2}') $(echo "$report" | awk '$1=="99%" {print $2}' | ms)"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

trap 'kill $host $base 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Api.dll --urls http://127.0.0.1:5090) & host=$!
wait_ready http://127.0.0.1:5090/health/ready
number=$(curl -s "http://127.0.0.1:5090/api/v1/certificates?limit=1" | grep -o '"number":"[^"]*"' | head -n1 | cut -d'"' -f4)
# The certificate endpoint is called the way another agency's application calls it: with a stored consumer key.
consumer=$(curl -s -X POST -H "X-Api-Key: $key" -H "Content-Type: application/json" -d "{\"name\":\"load test consumer $$\",\"role\":\"consumer\"}" \
  http://127.0.0.1:5090/api/v1/api-keys | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
[ -n "$consumer" ] || { echo "could not create a consumer key" >&2; exit 1; }
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Bench.dll serve-baseline "$db" "$number" http://127.0.0.1:5091) & base=$!
wait_ready "http://127.0.0.1:5091/l0/verify/$number"

names=("full GET /api/v1/verify/{n}" "L0 verify: same bytes" "L1 verify: raw prepared lookup"
  "full GET /api/v1/certificates/{n}" "L0 certificate: same bytes" "L1 certificate: raw prepared lookup")
urls=("http://127.0.0.1:5090/api/v1/verify/$number" "http://127.0.0.1:5091/l0/verify/$number" "http://127.0.0.1:5091/l1/verify/$number"
  "http://127.0.0.1:5090/api/v1/certificates/$number" "http://127.0.0.1:5091/l0/certificates/$number" "http://127.0.0.1:5091/l1/certificates/$number")
headers=("" "" "" "X-Api-Key: $consumer" "" "")
echo "certificate $number; $warmup s warm-up per endpoint, then $rounds rounds of $seconds s per endpoint" >&2
for i in 0 1 2 3 4 5; do
  if [ -n "${headers[$i]}" ]; then load "$warmup" "${urls[$i]}" "${headers[$i]}" >/dev/null; else load "$warmup" "${urls[$i]}" >/dev/null; fi
done

declare -a rps0 rps1 rps2 rps3 rps4 rps5 p0 p1 p2 p3 p4 p5 vratio cratio
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  for i in 0 1 2 3 4 5; do
    if [ -n "${headers[$i]}" ]; then result=$(run "${urls[$i]}" "${headers[$i]}"); else result=$(run "${urls[$i]}"); fi
    eval "rps$i+=(${result% *}); p$i+=(${result#* })"
    line="$line  ${result% *} req/s (p99 ${result#* } ms)"
  done
  vratio+=("$(ratio "${rps0[-1]}" "${rps2[-1]}")"); cratio+=("$(ratio "${rps3[-1]}" "${rps5[-1]}")")
  echo "$line   verify/L1 ${vratio[-1]}, certificate/L1 ${cratio[-1]}" >&2
done

for i in 0 1 2 3 4 5; do
  eval "r=(\"\${rps$i[@]}\"); p=(\"\${p$i[@]}\")"
  printf '%-34s %10s req/s   p99 %8s ms   (runs: %s)\n' "${names[$i]}" "$(median "${r[@]}")" "$(median "${p[@]}")" "${r[*]}"
done
echo "verify:       full/L1 throughput $(median "${vratio[@]}") (median of rounds), p99 full/L1 $(ratio "$(median "${p0[@]}")" "$(median "${p2[@]}")")"
echo "certificate:  full/L1 throughput $(median "${cratio[@]}") (median of rounds), p99 full/L1 $(ratio "$(median "${p3[@]}")" "$(median "${p5[@]}")")"
echo "L1/L0 throughput: verify $(ratio "$(median "${rps2[@]}")" "$(median "${rps1[@]}")"), certificate $(ratio "$(median "${rps5[@]}")" "$(median "${rps4[@]}")")"
