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
source bench/hosts.sh
ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 }; printf "%.3f", v }'; }
load() { # duration url [header] -> wrk report
  if [ $# -ge 3 ]; then taskset -c 1 wrk -t1 -c32 -d"$1s" --latency -H "$3" "$2"; else taskset -c 1 wrk -t1 -c32 -d"$1s" --latency "$2"; fi
}
run() { # url [header] -> "requests/s p99-ms"
  local report
  report=$(load "$seconds" "$@")
  echo "$(echo "$report" | awk '/Requests\/sec/ {print $2}') $(echo "$report" | awk '$1=="99%" {print $2}' | ms)"
}

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
