#!/usr/bin/env bash
# Installs what building and testing Sluice needs on a fresh Debian machine. Idempotent; needs root for apt.
#  - Java 17 and Maven for the engine and CLI;
#  - clang/llvm, bpftool, libbpf, libelf and zlib headers for the eBPF sensor (bpf-native);
#  - gcc for the small C programs the kernel tests run; bpftrace for the sensor's overhead comparison (perf/).
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v mkfifo >/dev/null 2>&1 || need+=(coreutils)
command -v make >/dev/null 2>&1 || need+=(make)
# the kernel tests run commands in a new UTS namespace and without a capability (unshare, setpriv, hostname)
command -v unshare >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1 || need+=(util-linux)
command -v hostname >/dev/null 2>&1 || need+=(hostname)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v llvm-strip >/dev/null 2>&1 || need+=(llvm)
command -v bpftool >/dev/null 2>&1 || [ -x /usr/sbin/bpftool ] || need+=(bpftool)
command -v bpftrace >/dev/null 2>&1 || need+=(bpftrace)
[ -f /usr/include/bpf/libbpf.h ] || need+=(libbpf-dev)
[ -f /usr/include/libelf.h ] || need+=(libelf-dev)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

if [ ! -r /sys/kernel/btf/vmlinux ]; then
  echo "setup: warning: /sys/kernel/btf/vmlinux is missing; the eBPF sensor needs a kernel built with BTF" >&2
fi
