#!/usr/bin/env bash
# The kafka destination beside a file, in one run: sluice sends N synthetic events (as fast as the source goes, one
# block stream) to a JSON file, then to a local broker (scripts/kafka-local.sh, a 3-partition topic per row) with
# acks=all and acks=1, zstd and no compression; then as protobuf and sbe, and JSON from a drop stream; then reads the
# JSON and sbe topics back with `sluice replay kafka://` into a JSON file (--from 0, as fast as it goes). The broker is
# a process of its own: its CPU is not counted.
# Prints per row: wall time, sluice's CPU (user + system), events/s, CPU ns/event, and what the run summary counts
# delivered. Ratios between rows are what to quote (the machine is shared); the CPU includes the JVM's start and
# warm-up, the same in every row.
# Usage: perf/network/kafka.sh [N=200000] [ROUNDS=1] [PORT=19092]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-200000}"
rounds="${2:-1}"
port="${3:-19092}"
work="$(mktemp -d)"
broker=(--port "$port" --dir "$work/broker")
trap '"$here/scripts/kafka-local.sh" stop "${broker[@]}" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$here/sluice" version >/dev/null   # builds once, outside the timed runs
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
"$here/scripts/kafka-local.sh" start "${broker[@]}" --no-auto-create

run() { # label output [sluice arguments...]
  local label=$1; shift
  timed "$label" --source "synthetic:count=$n" --drain-timeout 60s --output "$@"
}

timed() { # label sluice arguments...
  local label=$1; shift
  local status=0
  SLUICE_NO_BUILD=1 /usr/bin/time -f '%e %U %S' "$here/sluice" "$@" >/dev/null 2>"$work/sluice.err" || status=$?
  [ "$status" -eq 0 ] || { echo "$label: sluice exited $status:" >&2; grep -v '^ ' "$work/sluice.err" | tail -n 5 >&2; }
  local wall user sys delivered
  read -r wall user sys <<<"$(tail -n 1 "$work/sluice.err")"
  delivered="$(awk '$1 == "STREAM" {getline; print $4; exit}' "$work/sluice.err")"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v n="$n" -v d="${delivered:-?}" 'BEGIN {
    printf "%-32s %7.2f s wall %7.2f s cpu %9.0f events/s %8.0f cpu-ns/event  delivered %s\n", l, w, u + s, n / w,
      (u + s) * 1e9 / n, d }'
}

topics=0
kafka() { # label query [sluice arguments...]
  topics=$((topics + 1))
  "$here/scripts/kafka-local.sh" topic "t$topics" 3 "${broker[@]}" >/dev/null
  local label=$1 query=$2; shift 2
  run "$label" "destinations.k.url=kafka://127.0.0.1:$port/t$topics?$query" --output streams.s.destinations=k "$@"
}

replay() { # label topic
  timed "$1" replay "kafka://127.0.0.1:$port/$2?group=perf$RANDOM" --from 0 --progress never --drain-timeout 60s \
    --output "json:$work/replayed.json"
}

for round in $(seq "$rounds"); do
  echo "round $round: $n events"
  run "file json" "json:$work/events.json"
  kafka "kafka json acks=all zstd" "acks=all&compression=zstd"
  json_topic="t$topics"
  kafka "kafka json acks=1 zstd" "acks=1&compression=zstd"
  kafka "kafka json acks=all none" "acks=all&compression=none"
  kafka "kafka json acks=1 none" "acks=1&compression=none"
  kafka "kafka protobuf acks=all zstd" "acks=all&compression=zstd" --output destinations.k.format=protobuf
  kafka "kafka sbe acks=all zstd" "acks=all&compression=zstd" --output destinations.k.format=sbe
  sbe_topic="t$topics"
  # the first send waits for the topic's metadata: a drop stream would drop what comes meanwhile (max.block.ms 1 s)
  kafka "kafka json acks=all zstd drop" "acks=all&compression=zstd" --output streams.s.buffer.mode=drop \
    --output destinations.k.kafka.max.block.ms=10000
  replay "replay kafka json -> file json" "$json_topic"
  replay "replay kafka sbe -> file json" "$sbe_topic"
done
