#!/usr/bin/env bash
# Installs what building and testing Sluice needs on a fresh Debian machine. Idempotent; needs root for apt.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v mkfifo >/dev/null 2>&1 || need+=(coreutils)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
