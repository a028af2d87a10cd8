#!/usr/bin/env bash
# Where the pipeline's threads run, and what that changes: `sluice bench` runs with its threads pinned to CPUs by name,
# interleaved with unpinned runs. Run from the repository root (root not needed; taskset from util-linux):
#   perf/placement.sh ROUNDS "PLACEMENT|PLACEMENT..." BENCH-ARGS...
#     PLACEMENT  "none" (the scheduler's choice), or groups "WORD,WORD:CPU ...": each thread whose name contains one
#                of the words is pinned to that CPU once the synthetic source runs (its thread is the last to start).
#                Thread names are cut to 15 characters by Linux: sluice-ingest, sluice-syntheti, sluice-stream-<name>,
#                and on more than 2 cores sluice-route-N (on 2 or fewer the ingest runs the routers).
# Example (docs/performance-log.md, "Sixteenth pass"):
#   perf/placement.sh 3 "none|ingest,route:1 synth,stream:0|synth,ingest:0 route,stream:1" \
#     --count 8000000 --output json:/dev/null
# Prints one line per run: the placement, events/s, pipeline CPU ns per event and each sluice- thread's.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "perf/placement.sh: $1 (usage: $0 ROUNDS \"none|WORD,WORD:CPU ...\" BENCH-ARGS...)" >&2; exit 2; }
[ $# -ge 2 ] || usage "ROUNDS and PLACEMENTS are needed"
rounds=$1
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage "ROUNDS = '$rounds': not a positive whole number"
IFS='|' read -ra placements <<< "$2"
shift 2
cpus=$(nproc)
for placement in "${placements[@]}"; do
  [ "$placement" = none ] && continue
  for group in $placement; do
    [[ $group =~ ^[A-Za-z0-9,._-]+:[0-9]+$ ]] || usage "PLACEMENT group '$group': not WORD,WORD:CPU"
    [ "${group##*:}" -lt "$cpus" ] || usage "PLACEMENT group '$group': CPU ${group##*:} is not one of this machine's $cpus"
  done
done
out=$(mktemp /tmp/sluice-placement.XXXXXX)
trap 'rm -f "$out"' EXIT

run() { # $1: placement
  SLUICE_NO_BUILD=1 ./sluice bench "${@:2}" >"$out" 2>&1 &
  local launcher=$! pid="" tries=0
  # the JVM replaces the launcher's shell (exec): its threads appear under the same pid
  while [ $tries -lt 400 ] && ! grep -qs sluice-syntheti "/proc/$launcher/task/"*/comm; do sleep 0.05; tries=$((tries + 1)); done
  pid=$launcher
  if [ "$1" != none ]; then
    for group in $1; do
      for task in /proc/"$pid"/task/*; do
        name=$(cat "$task/comm" 2>/dev/null) || continue
        IFS=',' read -ra words <<< "${group%:*}"
        for word in "${words[@]}"; do
          case $name in *"$word"*) taskset -p -c "${group##*:}" "${task##*/}" >/dev/null 2>&1 || true ;; esac
        done
      done
    done
  fi
  wait "$launcher" || { echo "perf/placement.sh: bench failed ($1):" >&2; tail -3 "$out" >&2; exit 1; }
  awk -v p="$1" 'BEGIN { printf "[%s]", p }
    /^events\/s/ { printf " events/s %.3f M", $2 / 1e6 }
    /^CPU ns\/event/ { printf " cpu %s ns", $3 }
    /^sluice-/ { printf " %s %d", $1, $2 }
    END { print "" }' "$out"
}

for _ in $(seq 1 "$rounds"); do
  for placement in "${placements[@]}"; do
    run "$placement" "$@"
  done
done
