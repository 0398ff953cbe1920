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

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    log "no Chromium found; install the Debian package $PACKAGE as root, or set CHROMIUM_PATH"
    exit 1
  }
  SUDO=(sudo)
fi
command -v apt-get >/dev/null 2>&1 || {
  log "no Chromium found and no apt-get here; install Chromium and set CHROMIUM_PATH"
  exit 1
}

export DEBIAN_FRONTEND=noninteractive
candidate="$(apt-cache policy "$PACKAGE" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
  log "apt does not know $PACKAGE yet: apt-get update"
  "${SUDO[@]}" apt-get update -qq >&2
fi
log "installing $PACKAGE (Debian's Chromium, once)"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$PACKAGE" >&2

path="$(command -v chromium)" || { log "$PACKAGE installed, but no chromium on PATH"; exit 1; }
found "$path"
