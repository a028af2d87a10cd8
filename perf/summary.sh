#!/usr/bin/env bash
# Issue 14's summary table, for one or more builds of Sluice in the same run (rounds interleaved across builds, so
# before and after share the machine's load). Run as root; each TREE is a checkout with perf/ built (mvn -pl
# bpf-native,codec,engine,cli,perf package). Each build's ./sluice version runs once first, which builds it if its
# sources changed and makes its class-data archive again if the jars are newer (a perf/ build repackages them); the
# rounds then run with SLUICE_NO_BUILD=1, which never makes one (a build without its archive: ready 2.4 s against
# 1.8-2.0, docs/performance-log.md, "Eleventh pass").
#   perf/summary.sh [-r ROUNDS] [-c STREAMS_CONFIG] TREE [TREE...]
# Per round and tree, the documented commands of docs/performance.md:
#   kernel     WARMUP=1000000 perf/sensor/overhead.sh 300000 1 0 "bare sluice" (this checkout's, SLUICE= each build): the openat loop
#              flat out; Sluice's kernel loss (warm-up included), the loop events it delivered, the tracer's
#              user+system CPU per loop event (the JVM and the loader) and bare's, and Sluice's threads' CPU per loop
#              event less the JIT compiler threads' own (kernel.sluice.cpu_us_per_event_without_compilers)
#   json       sluice bench --count 3000000 --output json:FILE (a file on disk, deleted after); with each bench
#              figure its pipeline threads' system CPU per event (the kernel's part: a file's page-cache copy)
#   json_null  the same to /dev/null: the pipeline's JSON without the page cache, whose cost on a VM whose host takes
#              back freed memory is the host's more than Sluice's (docs/performance-log.md, "Twelfth pass")
#   none       sluice bench --count 3000000 --output none
#   streams4   sluice bench --count 3000000 --config STREAMS_CONFIG (default: perf/streams-4.yaml of the first tree
#              that has one)
#   writer     FormatBenchmark -p format=json (JMH, CPU-ns per event, median of its iterations)
#   pagecache  (once per round, not per tree) dd of 1 GiB of zeros into a new file beside the benches', its system CPU
#              in seconds: what the machine's kernel charges for the page cache the JSON figures write into, which on
#              this VM moves 10x with the host (docs/performance-log.md, "Twelfth pass")
#   cores      (once per round, not per tree) perf/machine/linetransfer.c: the ns a cache line takes from CPU 0 to CPU 1,
#              one way. The rings hand each event's record between threads on different CPUs, and on a VM this moves
#              with where the host puts the two vCPUs (docs/performance-log.md, "Sixteenth pass")
#   idle       perf/sensor/idle.sh 30 1 (this checkout's, SLUICE= each build): time to ready, JVM and loader CPU % and RSS,
#              and the CPU a do-nothing process is charged per wake-up meanwhile (idle.wake_us: the machine's)
# Prints every figure as it is measured (TSV: tree round figure value) and then the medians per tree, with each
# later tree's ratio to the first.
set -euo pipefail
rounds=3
config=""
while getopts "r:c:" opt; do
  case $opt in
    r) rounds=$OPTARG ;;
    c) config=$OPTARG ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: perf/summary.sh [-r ROUNDS] [-c STREAMS_CONFIG] TREE [TREE...]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trees=()
for t in "$@"; do trees+=("$(cd "$t" && pwd)"); done
if [ -z "$config" ]; then # the first tree that has it (an older build may predate it)
  for t in "${trees[@]}"; do [ -f "$t/perf/streams-4.yaml" ] && { config="$t/perf/streams-4.yaml"; break; }; done
fi
[ -f "$config" ] || { echo "perf/summary.sh: no streams config (-c FILE)" >&2; exit 2; }
config="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
for t in "${trees[@]}"; do
  (cd "$t" && ./sluice version >/dev/null) || { echo "perf/summary.sh: $t: ./sluice version failed" >&2; exit 1; }
done
work=$(mktemp -d /tmp/sluice-summary.XXXXXX)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

figure() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$results"; }

bench() { # tree round name args...
  local tree=$1 round=$2 name=$3; shift 3
  (cd "$tree" && SLUICE_NO_BUILD=1 ./sluice bench --count 3000000 "$@" --report json --report-file "$work/bench.json" \
    >/dev/null 2>"$work/bench.err") || { echo "# $tree: bench $name failed: $(tail -n 2 "$work/bench.err")" >&2; return 0; }
  read -r eps cpu system < <(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(d["events_per_second"], d["cpu_ns_per_event"], d.get("system_ns_per_event", "-"))' "$work/bench.json") || return 0
  figure "$tree" "$round" "$name.events_per_s" "$eps"
  figure "$tree" "$round" "$name.cpu_ns_per_event" "$cpu"
  # a build older than the figure reports none
  [ "$system" = "-" ] || figure "$tree" "$round" "$name.system_ns_per_event" "$system"
}

kernel() { # tree round
  local tree=$1 round=$2 line
  # this checkout's overhead.sh for every build (SLUICE= that build's launcher), as for idle: an older script counted
  # the warm-up's CPU in its figure
  # the warm-up: a million calls (and the script's own settling), so that fewer of the JIT's compilations fall in the
  # measured window (WARMUP= overrides)
  (cd "$here" && WARMUP="${WARMUP:-1000000}" SLUICE="$tree/sluice" SLUICE_NO_BUILD=1 perf/sensor/overhead.sh 300000 1 0 "bare sluice" \
    >"$work/overhead.out" 2>"$work/overhead.err") || true
  # the threads' total over the same window (schedstat) less the JIT's compiler threads' own CPU: what is left of their
  # work after the warm-up is not per event (the slower code run while they recompile is still in it)
  local less_compilers; less_compilers=$(/usr/bin/python3 -c 'import re,sys
for line in open(sys.argv[1]):
    match = re.search(r"sluice threads, rate 0: total (\d+) ns/iteration;(.*)", line)
    if match:
        compilers = re.findall(r"C\d Compiler\S* (\d+) ns \(", match.group(2))
        print("%.2f" % ((int(match.group(1)) - sum(int(ns) for ns in compilers)) / 1000))
        break' "$work/overhead.err" || true)
  if [ -n "$less_compilers" ]; then
    figure "$tree" "$round" "kernel.sluice.cpu_us_per_event_without_compilers" "$less_compilers"
  else
    echo "# $tree: no per-thread line from overhead.sh: $(tail -n 2 "$work/overhead.err")" >&2
  fi
  while IFS=$'\t' read -r tracer _ _ _ _ _ procs lost seen; do
    case $tracer in
      sluice|bare) ;;
      *) continue ;;
    esac
    local cpu; cpu=$(echo "$procs" | tr ',' '\n' | awk -F'[:/]' '{s += $2 + $3} END {printf "%.2f", s}')
    figure "$tree" "$round" "kernel.$tracer.cpu_us_per_event" "$cpu"
    if [ "$tracer" = sluice ]; then
      figure "$tree" "$round" "kernel.sluice.lost" "$lost"
      figure "$tree" "$round" "kernel.sluice.loop_events" "$seen"
    fi
  done < <(awk -F'\t' '$2 == "0"' "$work/overhead.out" | head -n 2)
}

writer() { # tree round
  local tree=$1 round=$2 jar="$1/perf/target/benchmarks.jar"
  [ -f "$jar" ] || { echo "# $tree: no $jar (build perf first)" >&2; return 0; }
  # -jvmArgsAppend replaces the benchmark's own flags: they are repeated
  java -Djmh.ignoreLock=true -jar "$jar" FormatBenchmark -p format=json -f 1 -wi 3 -i 5 -w 2s -r 2s \
    -jvmArgsAppend "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED -XX:+UseParallelGC" >"$work/jmh.out" 2>&1 || true
  local ns; ns=$(grep -E '[[ ]json\] iteration: [0-9]+ CPU-ns/event' "$work/jmh.out" | grep -oE '[0-9]+ CPU-ns' | cut -d' ' -f1 \
    | tail -n 5 | sort -n | sed -n 3p || true)
  if [ -n "$ns" ]; then
    figure "$tree" "$round" "writer.cpu_ns_per_event" "$ns"
  else
    echo "# $tree: no JMH figure: $(tail -n 2 "$work/jmh.out")" >&2
  fi
}

idle() { # tree round; every build is measured by this script's own perf/sensor/idle.sh (SLUICE=that build's launcher)
  local tree=$1 round=$2 name value
  SLUICE="$tree/sluice" SLUICE_NO_BUILD=1 "$here/perf/sensor/idle.sh" 30 1 >"$work/idle.out" 2>/dev/null || true
  /usr/bin/python3 - "$work/idle.out" >"$work/idle.tsv" <<'PY' || true
import sys
lines = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if '\t' in l]
header = lines[0]
for row in lines[1:]:
    if row[0] == '1':
        for name in ('ready_s', 'ready_cpu_s', 'jvm_cpu_%', 'loader_cpu_%', 'jvm_rss_mb', 'jvm_anon_mb', 'loader_rss_mb', 'events', 'wake_us'):
            if name in header:
                print(name.replace('%', 'pct') + '\t' + row[header.index(name)])
        break
PY
  while IFS=$'\t' read -r name value; do figure "$tree" "$round" "idle.$name" "$value"; done <"$work/idle.tsv"
}

pagecache() { # round: the kernel's system time for 1 GiB into the page cache (dd's own, from getrusage)
  local seconds; seconds=$(/usr/bin/python3 -c 'import resource, subprocess, sys
subprocess.run(["dd", "if=/dev/zero", "of=" + sys.argv[1], "bs=1M", "count=1024"], check=True, stderr=subprocess.DEVNULL)
print("%.2f" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime)' "$work/dd.out" 2>/dev/null || true)
  rm -f "$work/dd.out"
  [ -z "$seconds" ] || figure machine "$1" "pagecache.dd_gib_system_s" "$seconds"
}

linetransfer_bin="$work/linetransfer"
gcc -O2 -Wall -pthread -o "$linetransfer_bin" "$here/perf/machine/linetransfer.c" 2>/dev/null || linetransfer_bin=""
linetransfer() { # round: a cache line handed between CPUs 0 and 1, ns one way (none on a machine of one CPU)
  local ns
  [ -n "$linetransfer_bin" ] && [ "$(nproc)" -ge 2 ] || return 0
  ns=$("$linetransfer_bin" 2000000 0 1 2>/dev/null) || return 0
  figure machine "$1" "cores.line_transfer_ns" "$ns"
}

printf 'tree\tround\tfigure\tvalue\n'
for round in $(seq 1 "$rounds"); do
  pagecache "$round"
  linetransfer "$round"
  for tree in "${trees[@]}"; do
    kernel "$tree" "$round"
    bench "$tree" "$round" json --output "json:$work/bench-out.json"; rm -f "$work/bench-out.json"
    bench "$tree" "$round" json_null --output json:/dev/null
    bench "$tree" "$round" none --output none
    bench "$tree" "$round" streams4 --config "$config"
    rm -f /tmp/streams-4-*.json   # perf/streams-4.yaml writes there
    writer "$tree" "$round"
    idle "$tree" "$round"
  done
  echo "# round $round done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

echo
echo "medians over $rounds rounds; ratio = this tree's median / the first tree's"
/usr/bin/python3 - "$results" "${trees[@]}" <<'PY'
import statistics, sys
from collections import defaultdict
values = defaultdict(list)
for line in open(sys.argv[1]):
    tree, _, name, value = line.rstrip('\n').split('\t')
    try:
        values[(tree, name)].append(float(value))
    except ValueError:
        pass
trees = sys.argv[2:]
names = sorted({name for tree, name in values if tree != 'machine'})
for name in sorted({name for tree, name in values if tree == 'machine'}):
    # the machine's own figures, one a round: every round's value, they are not a tree's
    print('machine: %s, every round: %s' % (name, ', '.join('%.2f' % v for v in values[('machine', name)])))
print('figure\t' + '\t'.join(trees) + ('\tratio' if len(trees) > 1 else ''))
for name in names:
    medians = [statistics.median(values[(t, name)]) if values[(t, name)] else None for t in trees]
    cells = ['%.2f' % m if m is not None else '-' for m in medians]
    ratio = ''
    if len(trees) > 1 and medians[0] and medians[-1] is not None:
        ratio = '\t%.2f' % (medians[-1] / medians[0])
    print(name + '\t' + '\t'.join(cells) + ratio)
PY
