#!/usr/bin/env bash
# The event service under load: sluice with the synthetic source as fast as it goes, a JSON file destination (a block
# stream: every event is written) and N gRPC clients (drop mode, counting raw messages, never parsing them: a Java
# client, CountClient.java, N calls in one JVM, or with CLIENT=python N Python grpcio processes), over
# a window of SECONDS after a warm-up. Prints, over the window: events/s ingested (= written to the file), sluice's CPU
# (cores, and ns per ingested event, user + system from /proc), and per client events/s delivered and dropped, from
# GetCounters; then sluice's own final lines per client.
# RATE=N caps the source at N events/s (0, the default: as fast as it goes); WAIT=blocking (for a capped rate: the
# default phased wait spins between events, which is CPU but not work).
# Usage: [RATE=N] [CLIENT=java|python] perf/service/service-load.sh [CLIENTS=1] [SECONDS=10] [WARMUP=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clients="${1:-1}"
seconds="${2:-10}"
warmup="${3:-10}"
py=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir "$work/stubs"
$py -m grpc_tools.protoc -I "$here/schemas/proto" -I /usr/lib/python3/dist-packages/grpc_tools/_proto \
  --python_out="$work/stubs" --grpc_python_out="$work/stubs" "$here"/schemas/proto/v1beta1/*.proto
"$here/sluice" --source "synthetic:count=0,rate=${RATE:-0}" --output "json:$work/events.json" \
  --grpc-address 127.0.0.1:0 --wait-strategy "${WAIT:-phased}" 2>"$work/sluice.err" &
launcher=$!
until grep -q 'listening on' "$work/sluice.err" 2>/dev/null; do sleep 0.1; done
target="$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$work/sluice.err")"
pid="$(pgrep -P "$launcher" java || echo "$launcher")"   # ./sluice runs java as its child, or execs it
if [ "${CLIENT:-java}" = python ]; then
  for i in $(seq 1 "$clients"); do
    $py "$here/perf/service/count_client.py" "$target" >"$work/client-$i.out" &
  done
elif [ "$clients" -gt 0 ]; then
  java -cp "$here/cli/target/lib/*" "$here/perf/service/CountClient.java" "${target%:*}" "${target##*:}" "$clients" \
    >"$work/client-java.out" &
fi
sleep "$warmup"
sample() { echo "$(date +%s%N) $(awk '{print $14 + $15}' "/proc/$pid/stat") $($py "$here/perf/service/counters.py" "$target" "$work/stubs")"; }
first="$(sample)"
sleep "$seconds"
last="$(sample)"
kill -TERM "$launcher"
wait "$launcher" || true
wait
echo "$first" >"$work/first"; echo "$last" >"$work/last"
$py - "$work/first" "$work/last" "$(getconf CLK_TCK)" "$clients" <<'PY'
import sys
def parse(path):
    f = open(path).read().split()
    at, ticks, ingested = int(f[0]), int(f[1]), int(f[3])
    streams = {s.split(':')[0]: int(s.split(':')[1]) for s in f[f.index('streams') + 1:f.index('clients')]}
    clients = {c.split(':')[0]: (int(c.split(':')[1]), int(c.split(':')[2])) for c in f[f.index('clients') + 1:]}  # name:delivered:dropped:matched
    return at, ticks, ingested, streams, clients
a, b = parse(sys.argv[1]), parse(sys.argv[2])
hz, n = int(sys.argv[3]), sys.argv[4]
dt = (b[0] - a[0]) / 1e9
events = b[2] - a[2]
cpu = (b[1] - a[1]) / hz
print('clients %s, window %.1f s: ingested %.0f events/s, file %.0f events/s, sluice cpu %.2f cores, %.0f ns/event'
      % (n, dt, events / dt, (b[3]['default-stream'] - a[3]['default-stream']) / dt, cpu / dt, cpu * 1e9 / events))
for name in sorted(b[4]):
    d = b[4][name][0] - a[4].get(name, (0, 0))[0]
    x = b[4][name][1] - a[4].get(name, (0, 0))[1]
    print('  %s: delivered %.0f events/s, dropped %.0f events/s' % (name, d / dt, x / dt))
PY
grep 'event service: client' "$work/sluice.err" | sed 's/^sluice: event service: /  final: /'
cat "$work"/client-*.out
