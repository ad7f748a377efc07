#!/usr/bin/env bash
# The browser stories' browser and driver: Chromium and its chromedriver from Debian's packages, so
# that Selenium never downloads one of its own. Installed when missing (apt-get, as root).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "[browser] installing chromium and chromium-driver from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
