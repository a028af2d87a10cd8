#!/usr/bin/env bash
# What a syscall costs with the whole catalog in the sensor, in one run, ROUNDS times interleaved. Run as root from
# the repository root:
#   perf/sensor/catalog-cost.sh [ITERATIONS] [ROUNDS]
#
#   traced:      openat (+ close, unselected) and faccessat loops, untraced and with Sluice selecting both (JSON to
#                a file): ns per iteration, and the sys_enter/sys_exit programs' own time per call (kernel.bpf_stats)
#   unselected:  a getppid loop, untraced, with 2 syscalls selected, and with every syscall of the catalog but getppid
#                selected (scoped to one idle process, so the host's syscalls are selected but out of scope)
#
# Every syscall event goes through the same sys_enter/sys_exit programs and their per-syscall table; openat is an event
# Sluice always had, faccessat one the generated catalog added. Prints medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-300000}
rounds=${2:-3}
work=$(mktemp -d /tmp/sluice-catalog-cost.XXXXXX)
idle_pid=
trap 'rm -rf "$work"; [ -n "$idle_pid" ] && kill "$idle_pid" 2>/dev/null; sysctl -qw kernel.bpf_stats_enabled=0' EXIT

gcc -O2 -o "$work/sysloop" perf/sensor/sysloop.c
SLUICE_NO_BUILD=${SLUICE_NO_BUILD:-} ./sluice version >/dev/null
sysctl -qw kernel.bpf_stats_enabled=1
sleep 100000 &
idle_pid=$!

# run_cnt and run_time_ns of the loader's sys_enter and sys_exit programs: "enter_cnt enter_ns exit_cnt exit_ns"
# (the loader's programs are those whose ids its descriptors hold: other sensors may be loaded too)
prog_stats() {
  local ids
  ids=$(grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u | tr '\n' ' ')
  bpftool prog show -j | /usr/bin/python3 -c '
import json, sys
ids = set(int(i) for i in sys.argv[1].split())
stats = {}
for p in json.load(sys.stdin):
    if p.get("id") in ids and p.get("name", "").startswith("sluice_sys_"):
        kind = "enter" if "ent" in p["name"] else "exit"
        stats[kind] = (p.get("run_cnt", 0), p.get("run_time_ns", 0))
e, x = stats.get("enter", (0, 0)), stats.get("exit", (0, 0))
print(e[0], e[1], x[0], x[1])' "$ids"
}

# starts sluice with the arguments; sets $sluice_pid and $loader_pid
start_sluice() {
  rm -f "$work/sluice.err"
  ./sluice "$@" 2>"$work/sluice.err" &
  sluice_pid=$!
  until grep -q "sluice: ready" "$work/sluice.err" 2>/dev/null; do sleep 0.2; done
  loader_pid=$(pgrep -P "$sluice_pid" sluice-loader)
}

stop_sluice() { kill -TERM "$sluice_pid"; wait "$sluice_pid" || true; }

# one loop under the running sensor: "ns_per_iteration enter_ns_per_call exit_ns_per_call"
measured() {
  local before after ns
  before=$(prog_stats "$loader_pid")
  ns=$("$work/sysloop" "$1" "$iterations")
  after=$(prog_stats "$loader_pid")
  echo "$ns $before $after" | awk '{ ec = $6 - $2; xc = $8 - $4;
    printf "%s %.0f %.0f\n", $1, ec ? ($7 - $3) / ec : 0, xc ? ($9 - $5) / xc : 0 }'
}

declare -a u_open u_acc u_ppid t_open t_acc t_open_e t_open_x t_acc_e t_acc_x p_two p_all p_two_e p_all_e p_two_x p_all_x
for round in $(seq 1 "$rounds"); do
  u_open+=("$("$work/sysloop" openat "$iterations")")
  u_acc+=("$("$work/sysloop" faccessat "$iterations")")
  u_ppid+=("$("$work/sysloop" getppid "$iterations")")

  start_sluice --events openat,faccessat --output "json:$work/events.json"
  read -r ns e x <<<"$(measured openat)"; t_open+=("$ns"); t_open_e+=("$e"); t_open_x+=("$x")
  read -r ns e x <<<"$(measured faccessat)"; t_acc+=("$ns"); t_acc_e+=("$e"); t_acc_x+=("$x")
  read -r ns e x <<<"$(measured getppid)"; p_two+=("$ns"); p_two_e+=("$e"); p_two_x+=("$x")
  stop_sluice
  grep -E "lost \(kernel\)" "$work/sluice.err" | sed 's/^/  sluice: /' >&2

  start_sluice --events syscalls,-getppid --scope "pid=$idle_pid" --output "json:$work/none.json"
  read -r ns e x <<<"$(measured getppid)"; p_all+=("$ns"); p_all_e+=("$e"); p_all_x+=("$x")
  stop_sluice
  echo "round $round: openat ${u_open[-1]} -> ${t_open[-1]} ns, faccessat ${u_acc[-1]} -> ${t_acc[-1]} ns," \
       "getppid ${u_ppid[-1]} / ${p_two[-1]} (2 selected) / ${p_all[-1]} ns (catalog selected)" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf "%-34s %10s %10s %10s %14s %14s\n" "loop" "untraced" "traced" "overhead" "sys_enter/call" "sys_exit/call"
row() { awk -v n="$1" -v u="$2" -v t="$3" -v e="$4" -v x="$5" \
  'BEGIN { printf "%-34s %10.1f %10.1f %10.1f %14s %14s\n", n, u, t, t - u, e, x }'; }
row "openat+close (openat selected)" "$(median "${u_open[@]}")" "$(median "${t_open[@]}")" \
  "$(median "${t_open_e[@]}")" "$(median "${t_open_x[@]}")"
row "faccessat (selected)" "$(median "${u_acc[@]}")" "$(median "${t_acc[@]}")" "$(median "${t_acc_e[@]}")" "$(median "${t_acc_x[@]}")"
row "getppid (unselected, 2 selected)" "$(median "${u_ppid[@]}")" "$(median "${p_two[@]}")" "$(median "${p_two_e[@]}")" "$(median "${p_two_x[@]}")"
row "getppid (unselected, $(grep -o 'kernel([0-9]* events)' "$work/sluice.err" | head -1 | grep -o '[0-9]*') selected)" \
  "$(median "${u_ppid[@]}")" "$(median "${p_all[@]}")" "$(median "${p_all_e[@]}")" "$(median "${p_all_x[@]}")"
