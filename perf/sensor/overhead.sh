#!/usr/bin/env bash
# (SIGTERM, not SIGINT: background jobs of a script start with SIGINT ignored, and the JVM keeps it so.)
# The cost of tracing openat, per tracer and per rate. Run as root from the repository root:
#   [WARMUP=N] [LOOP_NICE=N] perf/sensor/overhead.sh [ITERATIONS] [ROUNDS] [RATES] [TRACERS]
#     ITERATIONS  openat+close iterations per measurement (default 300000)
#     ROUNDS      rounds, interleaved: every tracer at every rate once per round (default 3)
#     RATES       openat calls/s, 0 = flat out (default "100000 300000 1000000 0")
#     TRACERS     any of none bare sluice bpftrace (default all four)
# Tracers: none; bare (perf/sensor/bare.c + bare.bpf.c: libbpf, the same tp_btf sys_enter/sys_exit shape and BPF
# ringbuf as Sluice's, raw records to a file: the floor); sluice (--events openat, JSON to a file); bpftrace printing
# the same events to a file. Each measurement starts the tracer, waits until it is attached, runs the loop
# (perf/sensor/openloop.c: first WARMUP iterations at the same rate, default 100000, then twice a pause of 1 s (for a
# tracer) and WARMUP/4 more, not measured; then the measured ITERATIONS; LOOP_NICE=-10 runs it at nice -10, so that it
# takes a whole core from the tracer as on a quiet machine)
# and waits until the tracer's output stops growing, then stops it. Figures:
#   ns/call     the loop's wall time per iteration (flat out: its speed) and its CPU time per iteration (at a fixed
#               rate the figure to compare: it includes the BPF programs, which run in the loop's thread)
#   bpf ns/run  per program of the tracer, run_time_ns / run_cnt over the loop (kernel.bpf_stats_enabled=1, bpftool):
#               tp_btf sys_enter/sys_exit run for every syscall of the host (the loop's close too), bpftrace's
#               tracepoints for openat only
#   CPU us/ev   user and system CPU of each tracer process (/proc/PID/stat) over the measured loop and the drain (not
#               the warm-up), per iteration
#   lost        (warm-up included) the tracer's own count of events lost in the kernel: Sluice's "lost (kernel)", bpftrace's
#               "Lost N events", bare's failed ringbuf reservations
#   loop        the loop's own events found in the tracer's output (its pid), of ITERATIONS
#   threads     (sluice, to stderr) each JVM thread's and the loader's CPU per iteration, of it system (the split of
#               /proc/PID/task/*/stat's ticks), and wake-ups (voluntary context switches) a second over the same window,
#               from /proc/PID/task/*/schedstat and status
# SLUICE=path/to/sluice runs another build's launcher (a before/after round; SLUICE_NO_BUILD=1 as for ./sluice).
# Every line goes to stdout as it is measured (also OUT_DIR/results.tsv if OUT_DIR is set), then medians per tracer
# and rate, and each tracer's CPU-per-call overhead as a ratio to bare's and the same rate's untraced run.
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-300000}
rounds=${2:-3}
rates=${3:-100000 300000 1000000 0}
tracers=${4:-none bare sluice bpftrace}
warmup=${WARMUP:-100000}
sluice=${SLUICE:-./sluice}
loop_nice=${LOOP_NICE:-0}
usage() { echo "perf/sensor/overhead.sh: $1 (usage: [WARMUP=N] [LOOP_NICE=N] $0 [ITERATIONS] [ROUNDS] [RATES] [TRACERS])" >&2; exit 2; }
[[ $iterations =~ ^[1-9][0-9]*$ ]] || usage "ITERATIONS = '$iterations': not a positive whole number"
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage "ROUNDS = '$rounds': not a positive whole number"
[[ $warmup =~ ^[0-9]+$ ]] || usage "WARMUP = '$warmup': not a whole number"
[[ $loop_nice =~ ^-?[0-9]+$ ]] || usage "LOOP_NICE = '$loop_nice': not a whole number"
for rate in $rates; do [[ $rate =~ ^[0-9]+$ ]] || usage "RATES: '$rate' is not a whole number of calls a second"; done
for tracer in $tracers; do
  case $tracer in none|bare|sluice|bpftrace) ;; *) usage "TRACERS: '$tracer' is none of none bare sluice bpftrace" ;; esac
done
work=$(mktemp -d /tmp/sluice-overhead.XXXXXX)
tracer_pid=""
cleanup() {
  [ -n "$tracer_pid" ] && kill -TERM "$tracer_pid" 2>/dev/null || true
  sysctl -q kernel.bpf_stats_enabled="$stats_before" >/dev/null 2>&1 || true
  rm -rf "$work"
}
stats_before=$(sysctl -n kernel.bpf_stats_enabled)
trap cleanup EXIT

# --- build: the loop, the bare consumer (as bpf-native/Makefile builds the sensor), Sluice ---
gcc -O2 -Wall -o "$work/openloop" perf/sensor/openloop.c
bpftool btf dump file /sys/kernel/btf/vmlinux format c >"$work/vmlinux.h"
arch=$(uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
clang -g -O2 -target bpf -D__TARGET_ARCH_"$arch" -Wall -I"$work" -c perf/sensor/bare.bpf.c -o "$work/bare.bpf.o"
bpftool gen skeleton "$work/bare.bpf.o" name bare_bpf >"$work/bare.skel.h"
gcc -O2 -Wall -I"$work" perf/sensor/bare.c -o "$work/bare" -lbpf -lelf -lz
SLUICE_NO_BUILD=${SLUICE_NO_BUILD:-} "$sluice" version >/dev/null
if ! mountpoint -q /sys/kernel/tracing; then
  mount -t tracefs nodev /sys/kernel/tracing   # bpftrace's tracepoints need tracefs; Sluice's tp_btf programs do not
fi
sysctl -q kernel.bpf_stats_enabled=1

prog_ids() { # ids of the loaded programs named like the tracer's ($1: a regex), sorted as comm wants them
  bpftool prog show --json | jq -r --arg re "$1" '.[] | select(.name | test($re)) | .id' | sort
}
declare -A prog_names=([none]='^$' [bare]='^bare_' [sluice]='^sluice_' [bpftrace]='^sys_e')
bpf_stats() { # "name:run_time_ns:run_cnt ..." of the programs whose ids are in file $1
  bpftool prog show --json | jq -r --slurpfile ids <(jq -R 'tonumber' "$1") \
    '[.[] | select(.id as $i | $ids | index($i)) | "\(.name):\(.run_time_ns // 0):\(.run_cnt // 0)"] | join(" ")'
}
bpf_per_run() { # per program, ns per run between two bpf_stats samples: "name=ns/run,..."
  awk -v a="$1" -v b="$2" 'BEGIN {
    n = split(a, x, " "); split(b, y, " ");
    for (i = 1; i <= n; i++) { split(x[i], p, ":"); split(y[i], q, ":");
      runs = q[3] - p[3]; out = out sprintf("%s%s=%.0f", out == "" ? "" : ",", p[1], runs > 0 ? (q[2] - p[2]) / runs : 0) }
    print out == "" ? "-" : out }'
}
ticks() { # utime stime of a process, in clock ticks, or "0 0" once it is gone
  awk '{sub(/.*\) /, ""); print $12, $13}' "/proc/$1/stat" 2>/dev/null || echo "0 0"
}
settle() { # until file $1 grows by less than 256 KiB in 0.5 s (the tracer has drained; the host's own openat calls
           # keep it growing a little), at most 30 s
  local last=-1 size tries=60
  while [ $((tries -= 1)) -gt 0 ]; do
    size=$(stat -c %s "$1" 2>/dev/null || echo 0)
    [ "$last" -ge 0 ] && [ $((size - last)) -lt 262144 ] && return
    last=$size; sleep 0.5
  done
}
hz=$(getconf CLK_TCK)
tasks() { # per thread of processes $@: "name<TAB>tid<TAB>run ns<TAB>voluntary switches<TAB>user ticks<TAB>system ticks"
  local p t
  for p in "$@"; do
    for t in /proc/"$p"/task/*; do
      printf '%s\t%s\t%s\t%s\t%s\n' "$(cat "$t/comm")" "${t##*/}" "$(cut -d' ' -f1 "$t/schedstat")" \
        "$(awk '/^voluntary_ctxt_switches/ {print $2}' "$t/status")" \
        "$(awk '{sub(/.*\) /, ""); print $12 "\t" $13}' "$t/stat")"
    done
  done 2>/dev/null || true
}

# one measurement: prints "tracer rate wall_ns cpu_ns calls_per_s bpf_ns_per_ev procs lost loop_events"
measure() {
  local tracer=$1 rate=$2 out="$work/$1.out" err="$work/$1.err"
  rm -f "$out" "$err"
  prog_ids "${prog_names[$tracer]}" >"$work/ids.before"
  case $tracer in
    none) tracer_pid="" ;;
    bare)
      "$work/bare" "$out" >"$err" 2>&1 & tracer_pid=$!
      until grep -q "^ready" "$err" 2>/dev/null; do sleep 0.1; done ;;
    sluice)
      "$sluice" --events openat --output "json:$out" 2>"$err" & tracer_pid=$!
      until grep -q "sluice: ready" "$err" 2>/dev/null; do sleep 0.2; done ;;
    bpftrace)
      bpftrace -e 'tracepoint:syscalls:sys_enter_openat { @path[tid] = str(args->filename); }
                   tracepoint:syscalls:sys_exit_openat { printf("%d %d %s %s %d\n", pid, tid, comm, @path[tid], args->ret);
                                                         delete(@path[tid]); }' >"$out" 2>"$err" & tracer_pid=$!
      until grep -q "Attaching" "$out" "$err" 2>/dev/null; do sleep 0.2; done
      sleep 0.5 ;;
  esac
  prog_ids "${prog_names[$tracer]}" | comm -13 "$work/ids.before" - >"$work/ids.tracer"
  local pids=""
  if [ -n "$tracer_pid" ]; then
    pids="$tracer_pid $(pgrep -P "$tracer_pid" | tr '\n' ' ' || true)"   # sluice: the JVM and sluice-loader
  fi
  declare -A before
  local p
  if [ "$warmup" -gt 0 ]; then   # the JIT's warm-up, not measured
    nice -n "$loop_nice" "$work/openloop" "$warmup" "$rate" >/dev/null
    # then, twice, what the warm-up's one process never showed: other processes' calls (these commands' own), a
    # silence and a new loop process. The JIT compiled those branches as never taken and recompiles on their first
    # use; without this, that recompilation (and the slower code run meanwhile) fell in the measured window. It
    # narrows that, it does not always remove it: the measured loop is a new process too (docs/performance.md).
    local settle
    for settle in 1 2; do
      [ -n "$pids" ] && tasks $pids >/dev/null && sleep 1
      nice -n "$loop_nice" "$work/openloop" "$((warmup / 4))" "$rate" >/dev/null
    done
  fi
  for p in $pids; do before[$p]=$(ticks "$p"); done   # (before 2026-11-30 taken before the warm-up: counted in CPU/event)
  [ "$tracer" = sluice ] && tasks $pids >"$work/tasks0"
  local t0; t0=$(date +%s.%N)   # the window of the per-thread figures: the measured loop and the drain
  local bpf0; bpf0=$(bpf_stats "$work/ids.tracer")
  nice -n "$loop_nice" "$work/openloop" "$iterations" "$rate" >"$work/loop.out" &
  local loop_pid=$!
  wait "$loop_pid"
  [ -n "$tracer_pid" ] && settle "$out"
  local bpf1; bpf1=$(bpf_stats "$work/ids.tracer")
  if [ "$tracer" = sluice ]; then
    tasks $pids >"$work/tasks1"
    /usr/bin/python3 - "$work/tasks0" "$work/tasks1" "$iterations" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rate" <<'PY' >&2
import collections, sys
def read(path):
    return {f[1]: f for f in (line.rstrip('\n').split('\t') for line in open(path)) if len(f) == 6}
a, b, n, secs = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rows = collections.defaultdict(lambda: [0, 0, 0, 0])   # run ns, switches, user ticks, system ticks
for tid, (name, _, ns, sw, user, system) in b.items():
    old = a.get(tid, (name, tid, '0', '0', '0', '0'))
    key = name.rstrip('0123456789') if name.startswith(('C1 ', 'C2 ')) else name   # compiler threads come and go
    for i, (now, then) in enumerate(zip((ns, sw, user, system), old[2:])):
        rows[key][i] += int(now or 0) - int(then or 0)
rows = sorted(rows.items(), key=lambda r: -r[1][0])
def system(ns, user, sys_ticks):   # the run time's kernel share, from the ticks' split (a tick's resolution)
    return f', system {ns * sys_ticks / (user + sys_ticks) / n:.0f}' if user + sys_ticks > 0 else ''
print(f'  sluice threads, rate {sys.argv[5]}: total {sum(v[0] for _, v in rows) / n:.0f} ns/iteration; ' + ', '.join(
    f'{k} {ns / n:.0f} ns{system(ns, user, sys_ticks)} ({sw / secs:.0f}/s)' for k, (ns, sw, user, sys_ticks) in rows
    if ns / n >= 10 or sw / secs >= 20))
PY
  fi
  local procs="" u0 s0 u1 s1 name
  for p in $pids; do
    read -r u0 s0 <<<"${before[$p]}"; read -r u1 s1 <<<"$(ticks "$p")"
    name=$(cat "/proc/$p/comm" 2>/dev/null || echo "?")
    procs+="$name:$(awk -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v hz="$hz" -v n="$iterations" \
      'BEGIN {printf "%.2f/%.2f", u * 1e6 / hz / n, s * 1e6 / hz / n}'),"
  done
  local lost="-" seen="-"
  if [ -n "$tracer_pid" ]; then
    kill -TERM "$tracer_pid"; wait "$tracer_pid" || true; tracer_pid=""
  fi
  case $tracer in
    bare)
      lost=$(sed -n 's/^bare: [0-9]* events, \([0-9]*\) lost$/\1/p' "$err")
      seen=$(/usr/bin/python3 - "$out" "$loop_pid" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
pid = int(sys.argv[2])
print(sum(1 for i in range(0, len(data) - 311, 312) if struct.unpack_from('<I', data, i + 8)[0] == pid))
PY
) ;;
    sluice)
      lost=$(sed -n 's/.*lost (kernel) \([0-9]*\).*/\1/p' "$err" | head -n 1)
      seen=$(grep -c "\"pid\":{\"value\":$loop_pid}" "$out" || true) ;;
    bpftrace)
      lost=$(awk '/Lost [0-9]+ events/ {for (i = 1; i <= NF; i++) if ($i == "Lost") n += $(i + 1)} END {print n + 0}' "$out" "$err")
      seen=$(awk -v p="$loop_pid" '$1 == p' "$out" | wc -l) ;;
  esac
  local wall cpu cps
  read -r wall cpu cps <"$work/loop.out"
  local bpf_per; bpf_per=$(bpf_per_run "$bpf0" "$bpf1")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tracer" "$rate" "$wall" "$cpu" "$cps" "$bpf_per" "${procs%,}" \
    "${lost:-?}" "$seen"
}

results="$work/results.tsv"
printf 'tracer\trate\twall_ns\tcpu_ns\tcalls/s\tbpf_ns/run\tprocess:user/sys_us/ev\tlost\tloop_events\n'
for round in $(seq 1 "$rounds"); do
  for rate in $rates; do
    for tracer in $tracers; do
      measure "$tracer" "$rate" >"$work/line"   # not in a pipeline: the EXIT trap must see tracer_pid
      tee -a "$results" <"$work/line"
    done
  done
  echo "# round $round done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
[ -n "${OUT_DIR:-}" ] && cp "$results" "$OUT_DIR/results.tsv"

echo
echo "medians over $rounds rounds ($iterations iterations each); CPU us/ev per process user/system; overhead = loop CPU ns/call"
echo "minus the untraced loop's at the same rate; lost and loop events: every round's value"
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    f = line.rstrip('\n').split('\t')
    rows[(f[0], int(f[1]))].append(f)
def med(values):
    return statistics.median(values)
def bpf_text(fs):
    progs = defaultdict(list)
    for f in fs:
        for item in f[5].split(','):
            if '=' in item:
                name, ns = item.split('=')
                progs[name].append(float(ns))
    return ','.join(f"{n[:14]}={med(v):.0f}" for n, v in progs.items()) or '-'

base = {rate: med([float(f[3]) for f in fs]) for (t, rate), fs in rows.items() if t == 'none'}
print(f"{'tracer':9} {'rate':>8} {'calls/s':>9} {'wall ns':>8} {'cpu ns':>7} {'overhead':>8} {'x bare':>6} "
      f"{'bpf ns/run':24} {'tracer CPU us/ev (user/sys)':34} lost / loop events")
rates = sorted({r for _, r in rows}, key=lambda r: (r == 0, r))
for rate in rates:
    bare = None
    for tracer in ['none', 'bare', 'sluice', 'bpftrace']:
        fs = rows.get((tracer, rate))
        if not fs:
            continue
        cpu = med([float(f[3]) for f in fs])
        over = cpu - base[rate] if rate in base else float('nan')
        if tracer == 'bare':
            bare = over
        ratio = f"{over / bare:6.2f}" if bare and tracer not in ('none', 'bare') else '      '
        procs = defaultdict(lambda: ([], []))
        for f in fs:
            for item in filter(None, f[6].split(',')):
                name, us = item.split(':')
                u, s = us.split('/')
                procs[name][0].append(float(u)); procs[name][1].append(float(s))
        ptext = ' '.join(f"{n}:{med(u):.2f}/{med(s):.2f}" for n, (u, s) in procs.items())
        print(f"{tracer:9} {rate or 'max':>8} {med([float(f[4]) for f in fs]):9.0f} {med([float(f[2]) for f in fs]):8.0f} "
              f"{cpu:7.0f} {over:8.0f} {ratio} {bpf_text(fs):24} {ptext:34} "
              f"{','.join(f[7] for f in fs)} / {','.join(f[8] for f in fs)}")
PY
