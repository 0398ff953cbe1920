#!/usr/bin/env bash
# Provides a CJK font for the reply letter's PDF (libs/letters embeds it, so Chinese text
# renders and stays extractable). Order of preference:
#   1. BANLI_CJK_FONT, if set (it must name an existing file);
#   2. an installed font of the Debian packages fonts-wqy-microhei or fonts-noto-cjk;
#   3. otherwise installs fonts-wqy-microhei with apt-get (running `apt-get update` first
#      when apt does not know the package yet).
# The paths are the ones findCjkFont() in libs/letters checks, so the tests find the font too.
# Prints `BANLI_CJK_FONT=…` on stdout (for `eval`/`source`); progress goes to stderr.
# Idempotent: once a font is there it installs nothing and returns at once.
set -euo pipefail

PACKAGE="fonts-wqy-microhei"
KNOWN_FONTS=(
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
)

log() { printf '[ensure-fonts] %s\n' "$*" >&2; }

found() { echo "BANLI_CJK_FONT=$1"; exit 0; }

find_installed() {
  local f
  for f in "${KNOWN_FONTS[@]}"; do
    if [ -f "$f" ]; then
      printf '%s' "$f"
      return 0
    fi
  done
  return 1
}

if [ -n "${BANLI_CJK_FONT:-}" ]; then
  [ -f "$BANLI_CJK_FONT" ] || { log "BANLI_CJK_FONT=$BANLI_CJK_FONT is not a file"; exit 1; }
  found "$BANLI_CJK_FONT"
fi

if font="$(find_installed)"; then found "$font"; fi

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install "$PACKAGE" ensure-fonts

font="$(find_installed)" || { log "$PACKAGE installed, but none of ${KNOWN_FONTS[*]} exists"; exit 1; }
found "$font"
