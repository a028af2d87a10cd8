#!/usr/bin/env bash
# README's test command (and CI's, .ci/run): installs what a fresh Debian machine lacks (scripts/setup.sh), then runs
# every test. Run it as root on a kernel with BTF: SLUICE_REQUIRE_KERNEL=1 makes the kernel tests fail, not skip,
# when they cannot run. Arguments go to Maven (e.g. -pl cli -am -Dtest=...).
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
cd "$(dirname "$0")/.."
SLUICE_REQUIRE_KERNEL=1 exec mvn -B verify "$@"
