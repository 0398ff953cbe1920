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

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    log "no docker-compose found; install the Debian package $PACKAGE as root, or set DOCKER_COMPOSE_PATH"
    exit 1
  }
  SUDO=(sudo)
fi
command -v apt-get >/dev/null 2>&1 || {
  log "no docker-compose found and no apt-get here; install docker-compose and set DOCKER_COMPOSE_PATH"
  exit 1
}

export DEBIAN_FRONTEND=noninteractive
candidate="$(apt-cache policy "$PACKAGE" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
  log "apt does not know $PACKAGE yet: apt-get update"
  "${SUDO[@]}" apt-get update -qq >&2
fi
log "installing $PACKAGE (Debian's, once)"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$PACKAGE" >&2

path="$(command -v docker-compose)" || { log "$PACKAGE installed, but no docker-compose on PATH"; exit 1; }
found "$path"
