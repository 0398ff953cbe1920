#!/usr/bin/env bash
# Provides a maintained Node.js LTS for every command of the project. Order of preference:
#   1. BANLI_NODE_DIR, if set (a Node.js installation: BANLI_NODE_DIR/bin/node);
#   2. `node` on PATH, if it is at least MIN_MAJOR (a maintained LTS line);
#   3. otherwise Node.js NODE_VERSION from the npm registry (the `node-linux-<arch>` package
#      carries the official binary and headers), unpacked once into .tools/node/ (git-ignored).
# Prints `BANLI_NODE_DIR=<dir>` (empty when the node on PATH will do); progress goes to stderr.
set -euo pipefail

MIN_MAJOR=22
NODE_VERSION=24.22.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '[ensure-node] %s\n' "$*" >&2; }

if [ -n "${BANLI_NODE_DIR:-}" ]; then
  [ -x "$BANLI_NODE_DIR/bin/node" ] || { log "BANLI_NODE_DIR=$BANLI_NODE_DIR has no bin/node"; exit 1; }
  echo "BANLI_NODE_DIR=$BANLI_NODE_DIR"
  exit 0
fi
if command -v node >/dev/null 2>&1; then
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -ge "$MIN_MAJOR" ]; then echo "BANLI_NODE_DIR="; exit 0; fi
  log "the Node.js on PATH is $(node -v), past its end of life; using Node.js $NODE_VERSION"
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) log "no Node.js package for $(uname -m): install Node.js >= $MIN_MAJOR and put it on PATH"; exit 1 ;;
esac
dir="$ROOT/.tools/node/v$NODE_VERSION-linux-$arch"
if [ ! -x "$dir/bin/node" ]; then
  command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch Node.js $NODE_VERSION"; exit 1; }
  log "installing Node.js $NODE_VERSION from the npm registry into .tools/node (once)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null && tar xzf node-linux-*.tgz)
  "$tmp/package/bin/node" -v >/dev/null || { log "the downloaded Node.js does not run here"; exit 1; }
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir" && mv "$tmp/package" "$dir"
fi
echo "BANLI_NODE_DIR=$dir"
