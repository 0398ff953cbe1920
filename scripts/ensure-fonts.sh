#!/usr/bin/env bash
# Provides the fonts of the reply letter's PDF (libs/letters embeds them, so Chinese text
# renders and stays extractable), one per face of GB/T 9704:
#   BANLI_FONT_TITLE    小标宋 for the title and the issuer  (default: Noto Serif CJK SC Bold)
#   BANLI_FONT_BODY     仿宋 for the text                    (default: Noto Serif CJK SC Regular)
#   BANLI_FONT_HEADING  黑体 for section headings            (default: Noto Sans CJK SC Bold)
#   BANLI_CJK_FONT      the fallback for any face without its own font
# A variable already set is kept (it must name an existing file): that is how a bureau points
# Banli at its licensed fonts (方正小标宋简体, 仿宋_GB2312, 黑体). The defaults come from the
# Debian package fonts-noto-cjk (Debian has no free 仿宋 or 小标宋; Noto Serif CJK is the
# closest free Song face), installed with apt-get when a face needs it and it is missing. The
# paths are the ones findLetterFonts() and findCjkFont() in libs/letters check, so the tests
# find the fonts too.
# Prints `NAME=path` lines on stdout (for `export`); progress goes to stderr.
# Idempotent: once the fonts are there it installs nothing and returns at once.
set -euo pipefail

PACKAGE="fonts-noto-cjk"
NOTO=/usr/share/fonts/opentype/noto
declare -A DEFAULTS=(
  [BANLI_FONT_TITLE]="$NOTO/NotoSerifCJK-Bold.ttc"
  [BANLI_FONT_BODY]="$NOTO/NotoSerifCJK-Regular.ttc"
  [BANLI_FONT_HEADING]="$NOTO/NotoSansCJK-Bold.ttc"
)
FACES=(BANLI_FONT_TITLE BANLI_FONT_BODY BANLI_FONT_HEADING)
KNOWN_FONTS=(
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  "$NOTO/NotoSerifCJK-Regular.ttc"
  "$NOTO/NotoSansCJK-Regular.ttc"
)

log() { printf '[ensure-fonts] %s\n' "$*" >&2; }

for name in BANLI_CJK_FONT "${FACES[@]}"; do
  value="${!name:-}"
  if [ -n "$value" ] && [ ! -f "$value" ]; then
    log "$name=$value is not a file"
    exit 1
  fi
done

missing=0
for name in "${FACES[@]}"; do
  if [ -z "${!name:-}" ] && [ ! -f "${DEFAULTS[$name]}" ]; then missing=1; fi
done
if [ "$missing" -eq 1 ]; then
  # shellcheck source=apt-install.sh
  source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
  apt_install "$PACKAGE" ensure-fonts
fi

for name in "${FACES[@]}"; do
  value="${!name:-${DEFAULTS[$name]}}"
  [ -f "$value" ] || { log "$PACKAGE installed, but $value does not exist"; exit 1; }
  echo "$name=$value"
done

if [ -z "${BANLI_CJK_FONT:-}" ]; then
  for f in "${KNOWN_FONTS[@]}"; do
    if [ -f "$f" ]; then BANLI_CJK_FONT="$f"; break; fi
  done
fi
[ -n "${BANLI_CJK_FONT:-}" ] || { log "no CJK font among ${KNOWN_FONTS[*]}"; exit 1; }
echo "BANLI_CJK_FONT=$BANLI_CJK_FONT"
