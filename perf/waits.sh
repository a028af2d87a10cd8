#!/usr/bin/env bash
# Where the pipeline's threads wait, not what they burn: for each sluice-* thread of a `sluice bench` run, the share of
# a window it spent on a CPU, in a run queue (ready, not running: its CPUs busy with other threads) and off both
# (parked or in I/O), and its voluntary switches a second (each a park or a wait). A bottleneck thread that parks is
# waiting for room or for work another thread holds back, and no CPU profile shows it (docs/performance-log.md,
# "Twenty-fourth pass"). From the repository root:
#   perf/waits.sh [SECONDS] -- BENCH_ARGS...
#     SECONDS     the window (default 2), read after 2.5 s of the run (the JIT's warm-up); the run must outlast both
#     BENCH_ARGS  `sluice bench`'s own, e.g. --count 6000000 --output json:/tmp/bench.json
# Reads /proc/PID/task/TID/schedstat (ns on a CPU, ns in a run queue) and status (voluntary_ctxt_switches) at the
# window's two ends; thread names are Linux's, cut at 15 characters. SLUICE=path/to/sluice runs another build's
# launcher. Prints one line per thread, then the bench's events/s.
set -euo pipefail
cd "$(dirname "$0")/.."
window=2
if [ $# -gt 0 ] && [ "$1" != "--" ]; then window=$1; shift; fi
usage() { echo "perf/waits.sh: $1 (usage: $0 [SECONDS] -- BENCH_ARGS...)" >&2; exit 2; }
[[ $window =~ ^[1-9][0-9]*$ ]] || usage "SECONDS = '$window': not a positive whole number"
[ $# -gt 0 ] && [ "$1" = "--" ] || usage "no -- before the bench's arguments"
shift
sluice=${SLUICE:-./sluice}
"$sluice" version > /dev/null   # builds once if the sources changed, outside the run
work=$(mktemp -d /tmp/sluice-waits.XXXXXX)
bench_pid=""
cleanup() {
  if [ -n "$bench_pid" ]; then kill -TERM "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
SLUICE_NO_BUILD=1 "$sluice" bench "$@" > "$work/bench.out" 2>&1 &
bench_pid=$!
sleep 2.5
jvm=$bench_pid   # ./sluice execs the JVM
[ -d "/proc/$jvm/task" ] && kill -0 "$jvm" 2>/dev/null || { cat "$work/bench.out" >&2; usage "the bench ended before its window: give it more events"; }
snapshot() {
  for task in /proc/"$jvm"/task/*; do
    local name; name=$(cat "$task/comm" 2>/dev/null) || continue
    [[ $name == sluice-* ]] || continue
    local run wait _; read -r run wait _ < "$task/schedstat" || continue
    local switches; switches=$(awk '/^voluntary_ctxt_switches/ {print $2}' "$task/status" 2>/dev/null) || continue
    printf '%s\t%s\t%s\t%s\n' "${task##*/}" "$name" "$run" "$wait $switches"
  done
}
start=$(date +%s%N); snapshot > "$work/before"
sleep "$window"
end=$(date +%s%N); snapshot > "$work/after"
wait "$bench_pid" || true
bench_pid=""
printf '%-16s %8s %10s %8s %14s\n' thread on-cpu run-queue off voluntary/s
join -t $'\t' <(sort "$work/before") <(sort "$work/after") | awk -F'\t' -v ns=$((end - start)) '
  { split($4, b, " "); split($7, a, " ")
    cpu = 100 * ($6 - $3) / ns; queue = 100 * (a[1] - b[1]) / ns
    # the kernel updates schedstat at switches and ticks, so a thread that never stopped can read a little over 100%
    off = 100 - cpu - queue; if (off < 0) off = 0
    printf "%-16s %7.0f%% %9.0f%% %7.0f%% %14.0f\n", $2, cpu, queue, off, (a[2] - b[2]) * 1e9 / ns }'
grep -E '^events/s' "$work/bench.out" || { cat "$work/bench.out" >&2; exit 1; }
