#!/usr/bin/env bash
# (SIGTERM, not SIGINT: background jobs of a script start with SIGINT ignored, and the JVM keeps it so.)
# Per-syscall overhead of tracing openat: untraced, traced by Sluice (JSON to a file), traced by bpftrace printing
# the same events to a file, in one run, ROUNDS times interleaved. Run as root from the repository root:
#   perf/sensor/overhead.sh [ITERATIONS] [ROUNDS]
# Prints ns per loop iteration (one openat + one close) for each, the overheads, their ratio, and Sluice's losses.
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-1000000}
rounds=${2:-3}
work=$(mktemp -d /tmp/sluice-overhead.XXXXXX)
trap 'rm -rf "$work"' EXIT

gcc -O2 -o "$work/openloop" perf/sensor/openloop.c
SLUICE_NO_BUILD=${SLUICE_NO_BUILD:-} ./sluice version >/dev/null
if ! mountpoint -q /sys/kernel/tracing; then
  mount -t tracefs nodev /sys/kernel/tracing   # bpftrace's tracepoints need tracefs; Sluice's tp_btf programs do not
fi

untraced() { "$work/openloop" "$iterations"; }

sluice_traced() {
  ./sluice --events openat --output "json:$work/sluice.json" 2>"$work/sluice.err" &
  local pid=$!
  until grep -q "sluice: ready" "$work/sluice.err" 2>/dev/null; do sleep 0.2; done
  "$work/openloop" "$iterations"
  kill -TERM "$pid"; wait "$pid" || true
}

bpftrace_traced() {
  bpftrace -e 'tracepoint:syscalls:sys_enter_openat { @path[tid] = str(args->filename); }
               tracepoint:syscalls:sys_exit_openat { printf("%d %d %s %s %d\n", pid, tid, comm, @path[tid], args->ret);
                                                     delete(@path[tid]); }' >"$work/bpftrace.out" 2>&1 &
  local pid=$!
  until grep -q "Attaching" "$work/bpftrace.out" 2>/dev/null; do sleep 0.2; done
  sleep 0.5
  "$work/openloop" "$iterations"
  kill -TERM "$pid"; wait "$pid" || true
}

declare -a base sl bt
for round in $(seq 1 "$rounds"); do
  base+=("$(untraced)")
  sl+=("$(sluice_traced)")
  grep -E "lost \(kernel\)" "$work/sluice.err" | sed 's/^/  sluice: /' >&2
  bt+=("$(bpftrace_traced)")
  echo "round $round: untraced ${base[-1]} ns, sluice ${sl[-1]} ns, bpftrace ${bt[-1]} ns" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${base[@]}"); s=$(median "${sl[@]}"); t=$(median "${bt[@]}")
awk -v b="$b" -v s="$s" -v t="$t" 'BEGIN {
  printf "untraced  %8.1f ns/iteration\n", b;
  printf "sluice    %8.1f ns/iteration  overhead %7.1f ns\n", s, s - b;
  printf "bpftrace  %8.1f ns/iteration  overhead %7.1f ns\n", t, t - b;
  printf "sluice overhead / bpftrace overhead = %.3f\n", (s - b) / (t - b);
}'
