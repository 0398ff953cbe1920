#!/usr/bin/env bash
# Provides `docker-compose` for the test that validates docker/compose.yaml
# (`docker-compose -f docker/compose.yaml config`): no Docker engine is needed for that. From
# Debian's packages, never a download of its own. Order of preference:
#   1. DOCKER_COMPOSE_PATH, if set (it must name an executable);
#   2. `docker-compose` on PATH;
#   3. otherwise installs the Debian package `docker-compose` with apt-get (running `apt-get
#      update` first when apt does not know the package yet).
# Prints `DOCKER_COMPOSE_PATH=…` on stdout (for `eval`/`source`); progress goes to stderr.
# Idempotent: once docker-compose is there it installs nothing and returns at once.
set -euo pipefail

PACKAGE="docker-compose"

log() { printf '[ensure-docker-compose] %s\n' "$*" >&2; }
found() { echo "DOCKER_COMPOSE_PATH=$1"; exit 0; }

if [ -n "${DOCKER_COMPOSE_PATH:-}" ]; then
  [ -x "$DOCKER_COMPOSE_PATH" ] || { log "DOCKER_COMPOSE_PATH=$DOCKER_COMPOSE_PATH is not executable"; exit 1; }
  found "$DOCKER_COMPOSE_PATH"
fi
if path="$(command -v docker-compose 2>/dev/null)"; then found "$path"; fi

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install "$PACKAGE" ensure-docker-compose

path="$(command -v docker-compose)" || { log "$PACKAGE installed, but no docker-compose on PATH"; exit 1; }
found "$path"
