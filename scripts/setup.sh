#!/usr/bin/env bash
# Installs what building, running and testing Sluice needs on a fresh Debian 12 machine. Idempotent, and quick
# (no apt) when all is there. Installing needs root.
#  - Java 17 (JDK) and Maven for the engine and CLI; CA certificates for Maven Central;
#  - clang/llvm, bpftool, libbpf, libelf, zlib and libc headers, gcc and make for the eBPF sensor (bpf-native);
#  - what the tests run: gcc (small C programs), mkfifo, sh, kill (procps), unshare, setpriv (util-linux), hostname,
#    mount and umount (a small tmpfs);
#  - bpftrace for the sensor's overhead comparison (perf/);
#  - Debian's Python protobuf and protoc: an independent reader of the protobuf output format in the CLI tests;
#  - Debian's Python msgpack: an independent Fluentd Forward receiver for the forward destination's CLI tests;
#  - Debian's Python grpcio and grpc-tools: independent clients of the event service (--grpc-address) in the CLI
#    tests, with stubs generated from schemas/ at test time;
#  - openssl, which makes the self-signed certificates of the forward and event-service TLS tests;
#  - kcat: an independent Kafka consumer for the kafka destination's tests (the broker itself, scripts/kafka-local.sh,
#    comes from Maven Central).
# Usage: scripts/setup.sh           install what is missing
#        scripts/setup.sh --check   print the Debian packages missing, installing nothing; exit 1 if there are any
set -euo pipefail

have() { type -P "$1" >/dev/null 2>&1; }

# Java 17 or later with its compiler: the JDK's release file says which version a javac belongs to.
jdk17() {
  local javac release major
  javac="$(type -P javac)" || return 1
  release="$(dirname "$(dirname "$(readlink -f "$javac")")")/release"
  [ -r "$release" ] || return 1
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  [ -n "$major" ] && [ "$major" -ge 17 ]
}

need=()
jdk17 || need+=(openjdk-17-jdk-headless)
have mvn || need+=(maven)
[ -r /etc/ssl/certs/ca-certificates.crt ] || need+=(ca-certificates)
have make || need+=(make)
have gcc || need+=(gcc)
[ -f /usr/include/stdio.h ] || need+=(libc6-dev)
have clang || need+=(clang)
have llvm-strip || need+=(llvm)
have bpftool || [ -x /usr/sbin/bpftool ] || need+=(bpftool)
[ -f /usr/include/bpf/libbpf.h ] || need+=(libbpf-dev)
[ -f /usr/include/libelf.h ] || need+=(libelf-dev)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
have mkfifo && [ -x /bin/echo ] || need+=(coreutils)
have kill || need+=(procps)
have unshare && have setpriv || need+=(util-linux)
have hostname || need+=(hostname)
have mount && have umount || need+=(mount)
have bpftrace || [ -x /usr/sbin/bpftrace ] || need+=(bpftrace)
/usr/bin/python3 -c 'import google.protobuf' >/dev/null 2>&1 || need+=(python3-protobuf)
have protoc || need+=(protobuf-compiler)
/usr/bin/python3 -c 'import msgpack' >/dev/null 2>&1 || need+=(python3-msgpack)
/usr/bin/python3 -c 'import grpc' >/dev/null 2>&1 || need+=(python3-grpcio)
/usr/bin/python3 -c 'import grpc_tools.protoc' >/dev/null 2>&1 || need+=(python3-grpc-tools)
/usr/bin/python3 -c 'import prometheus_client' >/dev/null 2>&1 || need+=(python3-prometheus-client)
have openssl || need+=(openssl)
have kcat || need+=(kcat)

if [ "${1:-}" = "--check" ]; then
  echo "${need[*]}"
  [ ${#need[@]} -eq 0 ]
  exit
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if have sudo; then
      echo "setup: missing ${need[*]}; install them with: sudo $0" >&2
    else
      echo "setup: missing ${need[*]}; install them, as root, with: $0" >&2
    fi
    exit 1
  fi
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

if [ ! -r /sys/kernel/btf/vmlinux ]; then
  echo "setup: warning: /sys/kernel/btf/vmlinux is missing; the eBPF sensor needs a kernel built with BTF" >&2
fi
