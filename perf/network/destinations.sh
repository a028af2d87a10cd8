#!/usr/bin/env bash
# Network destinations beside a file, in one run: sluice sends N synthetic events (as fast as the source goes, one
# block stream) to a JSON file, to the Python webhook peer (batched and not) and to the Python Fluent forward peer
# (packed, with and without requireAck, record=map). Each peer is a process of its own: its CPU is not counted.
# Prints per destination: wall time, sluice's CPU (user + system), events/s, CPU ns/event, and what the run summary
# counts delivered. Ratios between rows are what to quote (the machine is shared). The CPU includes the JVM's start
# and warm-up (about 2 s of CPU), the same in every row; the drain timeout is long enough for the unbatched webhook.
# Usage: perf/network/destinations.sh [N=200000] [ROUNDS=1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-200000}"
rounds="${2:-1}"
py=/usr/bin/python3
peers="$here/cli/src/test/resources/io/sluice/cli"
work="$(mktemp -d)"
trap 'kill "${peer_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$here/sluice" version >/dev/null   # builds once, outside the timed runs
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

run() { # label count output...
  local label=$1 count=$2; shift 2
  # time's line is the last of the run's stderr
  local status=0
  SLUICE_NO_BUILD=1 /usr/bin/time -f '%e %U %S' "$here/sluice" --source "synthetic:count=$count" --drain-timeout 60s \
    --output "$@" \
    >/dev/null 2>"$work/sluice.err" || status=$?
  [ "$status" -eq 0 ] || { echo "$label: sluice exited $status:" >&2; grep -v '^ ' "$work/sluice.err" | tail -n 5 >&2; }
  local times
  times="$(tail -n 1 "$work/sluice.err")"
  local delivered
  delivered="$(awk '$1 == "default-stream" {print $4; exit}' "$work/sluice.err")"
  read -r wall user sys <<<"$times"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v n="$count" -v d="${delivered:-?}" 'BEGIN {
    printf "%-36s %7.2f s wall %7.2f s cpu %9.0f events/s %8.0f cpu-ns/event  delivered %s\n", l, w, u + s, n / w,
      (u + s) * 1e9 / n, d }'
}
start_peer() { # script args... -> port
  rm -f "$work"/peer.*
  $py "$@" >"$work/peer.out" 2>"$work/peer.err" &
  peer_pid=$!
  for _ in $(seq 300); do [ -s "$work/peer.out" ] && break; sleep 0.1; done
  port="$(awk '{print $2; exit}' "$work/peer.out")"
  [ -n "$port" ] || { echo "peer did not start: $(cat "$work/peer.err")" >&2; exit 1; }
}
stop_peer() { kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true; }

for round in $(seq "$rounds"); do
  echo "round $round: $n events"
  run "file json" "$n" "json:$work/events.json"
  start_peer "$peers/webhook_peer.py" --events "$work/peer.events" --requests "$work/peer.requests"
  run "webhook batch=100" "$n" "webhook:http://127.0.0.1:$port/?batch=100"; stop_peer
  start_peer "$peers/webhook_peer.py" --events "$work/peer.events" --requests "$work/peer.requests"
  run "webhook batch=1 (n/20 events)" "$((n / 20))" "webhook:http://127.0.0.1:$port/"; stop_peer
  start_peer "$peers/forward_peer.py" --events "$work/peer.events" --messages "$work/peer.messages"
  run "forward packed" "$n" "forward:tcp://127.0.0.1:$port?tag=t"; stop_peer
  start_peer "$peers/forward_peer.py" --events "$work/peer.events" --messages "$work/peer.messages"
  run "forward packed requireAck" "$n" "forward:tcp://127.0.0.1:$port?tag=t&requireAck=true"; stop_peer
  start_peer "$peers/forward_peer.py" --events "$work/peer.events" --messages "$work/peer.messages"
  run "forward requireAck record=map" "$n" "forward:tcp://127.0.0.1:$port?tag=t&requireAck=true&record=map"; stop_peer
done
