#!/usr/bin/env bash
# Provides Chromium for the browser tests, from Debian's packages: the tests never let a tool
# download a browser of its own (that needs the internet). Order of preference:
#   1. CHROMIUM_PATH, if set (it must name an executable);
#   2. `chromium` (or `chromium-browser`) on PATH;
#   3. otherwise installs the Debian package `chromium` with apt-get (running `apt-get
#      update` first when apt does not know the package yet).
# Prints `CHROMIUM_PATH=…` on stdout (for `eval`/`source`); progress goes to stderr.
# Idempotent: once Chromium is there it installs nothing and returns at once.
set -euo pipefail

PACKAGE="chromium"

log() { printf '[ensure-chromium] %s\n' "$*" >&2; }
found() { echo "CHROMIUM_PATH=$1"; exit 0; }

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { log "CHROMIUM_PATH=$CHROMIUM_PATH is not executable"; exit 1; }
  found "$CHROMIUM_PATH"
fi
for name in chromium chromium-browser; do
  if path="$(command -v "$name" 2>/dev/null)"; then found "$path"; fi
done

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install "$PACKAGE" ensure-chromium

path="$(command -v chromium)" || { log "$PACKAGE installed, but no chromium on PATH"; exit 1; }
found "$path"
