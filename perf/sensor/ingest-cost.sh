#!/usr/bin/env bash
# The ingest thread's CPU per kernel event for one output, the openat loop flat out: how much of the kernel figure
# (perf/sensor/overhead.sh) is enrichment and how much the rendering and routing behind it. Run as root from the
# repository root:
#   [PIN=CPUS LOOP_PIN=CPUS] perf/sensor/ingest-cost.sh [OUTPUT] [ITERATIONS]
#     OUTPUT      Sluice's --output (default none; json:/dev/null, json:/tmp/file ...)
#     ITERATIONS  measured openat+close iterations (default 1000000), after 400,000 unmeasured ones (the JIT's warm-up)
#     PIN         taskset CPU list for every thread of the JVM and of sluice-loader (unset: not pinned)
#     LOOP_PIN    taskset CPU list for the loop (unset: not pinned)
# Prints, for each JVM thread that took more than 20 ns an event, its CPU (user + system, /proc/PID/task/TID/stat)
# over the measured loop per iteration. SLUICE=path/to/sluice runs another build's launcher.
set -euo pipefail
cd "$(dirname "$0")/../.."
output=${1:-none}
iterations=${2:-1000000}
sluice=${SLUICE:-./sluice}
usage() { echo "perf/sensor/ingest-cost.sh: $1 (usage: [PIN=CPUS LOOP_PIN=CPUS] $0 [OUTPUT] [ITERATIONS])" >&2; exit 2; }
[[ $iterations =~ ^[1-9][0-9]*$ ]] || usage "ITERATIONS = '$iterations': not a positive whole number"
for cpus in "${PIN:-0}" "${LOOP_PIN:-0}"; do
  [[ $cpus =~ ^[0-9]+([,-][0-9]+)*$ ]] || usage "PIN/LOOP_PIN = '$cpus': not a CPU list"
done
work=$(mktemp -d /tmp/sluice-ingest-cost.XXXXXX)
tracer_pid=""
cleanup() {
  if [ -n "$tracer_pid" ]; then
    kill -TERM "$tracer_pid" 2>/dev/null || true
    wait "$tracer_pid" 2>/dev/null || true   # its loader detached before the next run attaches
  fi
  rm -rf "$work"
}
trap cleanup EXIT
gcc -O2 -Wall -o "$work/openloop" perf/sensor/openloop.c
loop=("$work/openloop")
[ -n "${LOOP_PIN:-}" ] && loop=(taskset -c "$LOOP_PIN" "$work/openloop")

"$sluice" --events openat --output "$output" >/dev/null 2>"$work/err" &
tracer_pid=$!
until grep -q "sluice: ready" "$work/err" 2>/dev/null; do
  kill -0 "$tracer_pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.2
done
jvm=$(pgrep -P "$tracer_pid" java || echo "$tracer_pid")
if [ -n "${PIN:-}" ]; then
  taskset -a -p -c "$PIN" "$jvm" >/dev/null
  for loader in $(pgrep -f sluice-loader); do taskset -a -p -c "$PIN" "$loader" >/dev/null; done
fi
"${loop[@]}" 300000 0 >/dev/null; sleep 1; "${loop[@]}" 100000 0 >/dev/null; sleep 1
ticks() { for task in /proc/"$jvm"/task/*; do echo "$(tr ' ' _ <"$task/comm"):${task##*/} $(awk '{print $14 + $15}' "$task/stat")"; done | sort; }
ticks >"$work/before"
"${loop[@]}" "$iterations" 0 >/dev/null
sleep 1
ticks >"$work/after"
hz=$(getconf CLK_TCK)
echo "output $output, $iterations iterations${PIN:+, JVM and loader on CPUs $PIN}${LOOP_PIN:+, loop on CPUs $LOOP_PIN}: CPU ns per iteration"
join "$work/before" "$work/after" | awk -v n="$iterations" -v hz="$hz" \
  '{ ns = ($3 - $2) * 1e9 / hz / n; if (ns > 20) printf "  %-28s %6.0f\n", $1, ns }'
