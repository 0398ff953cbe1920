#!/usr/bin/env bash
# Provides nginx for the replicas test (two API replicas behind a real reverse proxy), from
# Debian's packages. Order of preference:
#   1. NGINX_PATH, if set (it must name an executable);
#   2. `nginx` on PATH or in /usr/sbin;
#   3. otherwise installs the Debian package `nginx` with apt-get.
# Prints `NGINX_PATH=…` on stdout; progress goes to stderr. The test runs its own nginx with
# its own configuration file and prefix; the package's service is never used.
set -euo pipefail

log() { printf '[ensure-nginx] %s\n' "$*" >&2; }
found() { echo "NGINX_PATH=$1"; exit 0; }

if [ -n "${NGINX_PATH:-}" ]; then
  [ -x "$NGINX_PATH" ] || { log "NGINX_PATH=$NGINX_PATH is not executable"; exit 1; }
  found "$NGINX_PATH"
fi
if path="$(command -v nginx 2>/dev/null)"; then found "$path"; fi
[ -x /usr/sbin/nginx ] && found /usr/sbin/nginx

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install nginx ensure-nginx

[ -x /usr/sbin/nginx ] || { log "nginx installed, but no /usr/sbin/nginx"; exit 1; }
found /usr/sbin/nginx
