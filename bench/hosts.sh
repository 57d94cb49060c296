# Sourced by bench/load.sh and bench/load-pair.sh: builds the hosts, seeds a database with `seed-demo`, and starts
# the real host (port 5090) and the baseline host (port 5091), both pinned to core 0. Sets $number (a certificate of
# the seed) and $consumer (a stored consumer key); the hosts stop when the calling script exits.
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
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

trap 'kill $host $base 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Api.dll --urls http://127.0.0.1:5090) & host=$!
wait_ready http://127.0.0.1:5090/health/ready
number=$(curl -s "http://127.0.0.1:5090/api/v1/certificates?limit=1" | grep -o '"number":"[^"]*"' | head -n1 | cut -d'"' -f4)
# Reads for other agencies' applications are called the way they call them: with a stored consumer key.
consumer=$(curl -s -X POST -H "X-Api-Key: $key" -H "Content-Type: application/json" -d "{\"name\":\"load test consumer $$\",\"role\":\"consumer\"}" \
  http://127.0.0.1:5090/api/v1/api-keys | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
[ -n "$consumer" ] || { echo "could not create a consumer key" >&2; exit 1; }
(cd "$out" && exec taskset -c 0 dotnet Peksos.Clean.Bench.dll serve-baseline "$db" "$number" http://127.0.0.1:5091) & base=$!
wait_ready "http://127.0.0.1:5091/l0/verify/$number"
