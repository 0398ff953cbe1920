#!/usr/bin/env bash
# Provides LibreOffice Writer (headless) for the test that lays the reply letter's DOCX out with
# a real word processor (libs/letters, render-letter-docx-layout.spec.ts), from Debian's
# packages. Order of preference:
#   1. SOFFICE_PATH, if set (it must name an executable);
#   2. `soffice` (or `libreoffice`) on PATH;
#   3. otherwise installs the Debian package `libreoffice-writer-nogui` with apt-get, without
#      its recommends (about 90 MB to download, 260 MB installed; about a minute).
# Prints `SOFFICE_PATH=…` on stdout (for `eval`/`source`); progress goes to stderr.
# Idempotent: once LibreOffice is there it installs nothing and returns at once.
set -euo pipefail

PACKAGE="libreoffice-writer-nogui"

log() { printf '[ensure-libreoffice] %s\n' "$*" >&2; }
found() { echo "SOFFICE_PATH=$1"; exit 0; }

if [ -n "${SOFFICE_PATH:-}" ]; then
  [ -x "$SOFFICE_PATH" ] || { log "SOFFICE_PATH=$SOFFICE_PATH is not executable"; exit 1; }
  found "$SOFFICE_PATH"
fi
for name in soffice libreoffice; do
  if path="$(command -v "$name" 2>/dev/null)"; then found "$path"; fi
done

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install "$PACKAGE" ensure-libreoffice

path="$(command -v soffice)" || { log "$PACKAGE installed, but no soffice on PATH"; exit 1; }
found "$path"
