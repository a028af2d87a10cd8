#!/usr/bin/env bash
# (SIGTERM, not SIGINT: background jobs of a script start with SIGINT ignored, and the JVM keeps it so.)
# What a running tracer costs when little happens, and how long it takes to start. Run as root from the repository
# root:
#   perf/sensor/idle.sh [SECONDS] [ROUNDS] [-- SLUICE ARGS...]     default 30 s, 3 rounds, sluice's default events
# Per round: starts ./sluice (JSON to a file), times launch to "sluice: ready" (the sensor attached), waits 5 s, then
# samples the CPU (/proc/PID/stat, user + system) of the JVM and of sluice-loader over SECONDS and their RSS
# (VmRSS) at the end. Prints one line per round and the medians. The host is not quiet on a shared machine: the
# tracer handles whatever the host does meanwhile (the events column).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
rounds=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
work=$(mktemp -d /tmp/sluice-idle.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$work"' EXIT
SLUICE_NO_BUILD=${SLUICE_NO_BUILD:-} ./sluice version >/dev/null
hz=$(getconf CLK_TCK)
ticks() { awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

printf 'round\tready_s\tjvm_cpu_%%\tloader_cpu_%%\tjvm_rss_mb\tloader_rss_mb\tevents\n'
for round in $(seq 1 "$rounds"); do
  rm -f "$work/out.json" "$work/err"
  start=$(date +%s.%N)
  ./sluice "$@" --output "json:$work/out.json" 2>"$work/err" & pid=$!
  until grep -q "sluice: ready" "$work/err" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  sleep 5
  loader=$(pgrep -P "$pid")
  j0=$(ticks "$pid"); l0=$(ticks "$loader"); e0=$(wc -l <"$work/out.json")
  sleep "$seconds"
  j1=$(ticks "$pid"); l1=$(ticks "$loader"); e1=$(wc -l <"$work/out.json")
  printf '%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\n' "$round" "$ready" \
    "$(echo "($j1 - $j0) * 100 / $hz / $seconds" | bc -l)" "$(echo "($l1 - $l0) * 100 / $hz / $seconds" | bc -l)" \
    "$(rss_mb "$pid")" "$(rss_mb "$loader")" "$((e1 - e0))" | tee -a "$work/rows"
  kill -TERM "$pid"; wait "$pid" || true; pid=""
done
/usr/bin/python3 - "$work/rows" <<'PY'
import statistics, sys
rows = [line.split('\t') for line in open(sys.argv[1]).read().splitlines()]
print('median\t' + '\t'.join(f"{statistics.median(float(r[i]) for r in rows):g}" for i in range(1, 7)))
PY
