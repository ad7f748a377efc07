#!/usr/bin/env bash
# The benchmark's load generator: wrk from Debian's packages, installed when missing (apt-get, as
# root, as src/test/external/services.sh installs PostgreSQL). The bench Maven profile runs this
# before the benchmark.
set -euo pipefail

if command -v wrk >/dev/null; then
  exit 0
fi
echo "[bench] installing wrk from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq wrk >/dev/null
