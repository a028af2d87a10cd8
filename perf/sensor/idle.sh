#!/usr/bin/env bash
# (SIGTERM, not SIGINT: background jobs of a script start with SIGINT ignored, and the JVM keeps it so.)
# What a running tracer costs when little happens, and how long it takes to start. Run as root from the repository
# root:
#   perf/sensor/idle.sh [SECONDS] [ROUNDS] [-- SLUICE ARGS...]     default 30 s, 3 rounds, sluice's default events
# Per round: starts ./sluice (JSON to a file; SLUICE=path/to/sluice runs another build, for before/after rounds),
# times launch to "sluice: ready" (the sensor attached) and the JVM's CPU seconds by then, waits 5 s, then samples the
# CPU (/proc/PID/stat, user + system) of the JVM and of sluice-loader over SECONDS, their RSS (VmRSS, and the JVM's
# anonymous part: heap, metaspace, code, stacks; the rest is the shared ring and mapped files) at the end, and the
# JVM's threads' CPU over the same SECONDS (/proc/PID/task/*/schedstat, with wake-ups a second), printed after each
# round, with the JVM's RSS by mapping (anonymous, shared ring, class archives, libjvm, other files), and the loader's
# wake-ups a second (voluntary context switches). Over the same SECONDS a reference process sleeps a second at a time
# and does nothing else: its CPU per wake-up (wake_us, schedstat) is what the machine charges any thread for waking,
# on a VM 0.1-3.6 ms (docs/performance-log.md, "Twelfth pass"), to read the JVM's figure against. Prints one line per
# round and the medians.
# The host is not quiet on a shared machine: the tracer handles whatever the host does meanwhile (the events column).
set -euo pipefail
cd "$(dirname "$0")/../.."
sluice=${SLUICE:-./sluice}
seconds=${1:-30}
rounds=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
work=$(mktemp -d /tmp/sluice-idle.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$work"' EXIT
SLUICE_NO_BUILD=${SLUICE_NO_BUILD:-} "$sluice" version >/dev/null
hz=$(getconf CLK_TCK)
# the reference sleeper: CPU microseconds per wake-up of a process that wakes once a second for $1 seconds
sleeper() {
  /usr/bin/python3 -c 'import sys, time
def ran(): return int(open("/proc/self/schedstat").read().split()[0])
n = int(sys.argv[1]); start = ran()
for _ in range(n): time.sleep(1)
print("%.0f" % ((ran() - start) / n / 1e3))' "$1"
}
ticks() { awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }
wakeups() { awk '$1 == "voluntary_ctxt_switches:" {print $2}' "/proc/$1/status"; }   # its sleeps that ended
rss_mb() { awk -v key="$2:" '$1 == key {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# per thread: name, CPU ns (schedstat), context switches
threads() {
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\t%s\n' "$(cat "$task/comm")" "$(cut -d' ' -f1 "$task/schedstat")" \
      "$(awk '/ctxt_switches/ {n += $2} END {print n}' "$task/status")"
  done 2>/dev/null || true
}

printf 'round\tready_s\tready_cpu_s\tjvm_cpu_%%\tloader_cpu_%%\tjvm_rss_mb\tjvm_anon_mb\tloader_rss_mb\tevents\twake_us\n'
for round in $(seq 1 "$rounds"); do
  rm -f "$work/out.json" "$work/err"
  start=$(date +%s.%N)
  SLUICE_NO_BUILD=1 "$sluice" "$@" --output "json:$work/out.json" 2>"$work/err" & pid=$!
  until grep -q "sluice: ready" "$work/err" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  ready_cpu=$(echo "$(ticks "$pid") / $hz" | bc -l)
  sleep 5
  loader=$(pgrep -P "$pid")
  threads "$pid" >"$work/threads0"
  j0=$(ticks "$pid"); l0=$(ticks "$loader"); e0=$(wc -l <"$work/out.json"); w0=$(wakeups "$loader")
  sleeper "$seconds" >"$work/wake" & sleeper_pid=$!
  sleep "$seconds"
  j1=$(ticks "$pid"); l1=$(ticks "$loader"); e1=$(wc -l <"$work/out.json"); w1=$(wakeups "$loader")
  echo "  loader wake-ups/s: $(echo "($w1 - $w0) / $seconds" | bc -l | xargs printf '%.1f')" >&2
  threads "$pid" >"$work/threads1"
  wait "$sleeper_pid" || true
  printf '%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t%s\n' "$round" "$ready" "$ready_cpu" \
    "$(echo "($j1 - $j0) * 100 / $hz / $seconds" | bc -l)" "$(echo "($l1 - $l0) * 100 / $hz / $seconds" | bc -l)" \
    "$(rss_mb "$pid" VmRSS)" "$(rss_mb "$pid" RssAnon)" "$(rss_mb "$loader" VmRSS)" "$((e1 - e0))" \
    "$(cat "$work/wake" 2>/dev/null || echo -)" | tee -a "$work/rows"
  /usr/bin/python3 - "$work/threads0" "$work/threads1" "$seconds" <<'PY' >&2
import collections, sys
def read(path):
    rows = collections.defaultdict(lambda: [0, 0])
    for line in open(path).read().splitlines():
        name, ns, switches = line.split('\t')
        rows[name][0] += int(ns); rows[name][1] += int(switches)   # threads of one name (compiler threads) summed
    return rows
before, after, seconds = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3])
shares = sorted(((ns - before[name][0], sw - before[name][1], name) for name, (ns, sw) in after.items()), reverse=True)
print('  threads (% of a core, wake-ups/s): ' + ', '.join(
    f'{name} {ns / seconds / 1e7:.2f} ({sw / seconds:.0f})' for ns, sw, name in shares if ns / seconds >= 1e5))
PY
  # the JVM's RSS by mapping at the end of the round: where the megabytes are
  /usr/bin/python3 - "/proc/$pid/smaps" <<'PY' >&2 || true
import collections, re, sys
rss = collections.Counter()
kind = None
for line in open(sys.argv[1]):
    if re.match(r'[0-9a-f]+-[0-9a-f]+ ', line):
        path = line.split()[5] if len(line.split()) > 5 else ''
        kind = ('shared ring' if path.endswith('.ring') else 'class archives' if path.endswith('.jsa')
                else 'libjvm' if path.endswith('libjvm.so') else 'anonymous (heap, metaspace, code, malloc, stacks)'
                if path in ('', '[heap]') else 'other files')
    elif line.startswith('Rss:'):
        rss[kind] += int(line.split()[1])
print('  JVM RSS by mapping (MB): ' + ', '.join(f'{name} {kb / 1024:.1f}' for name, kb in rss.most_common()))
PY
  kill -TERM "$pid"; wait "$pid" || true; pid=""
done
/usr/bin/python3 - "$work/rows" <<'PY'
import statistics, sys
rows = [line.split('\t') for line in open(sys.argv[1]).read().splitlines()]
def median(i):
    values = [float(r[i]) for r in rows if r[i] != '-']
    return f"{statistics.median(values):g}" if values else '-'
print('median\t' + '\t'.join(median(i) for i in range(1, 10)))
PY
