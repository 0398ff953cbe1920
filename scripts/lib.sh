# Shared helpers for the project scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1m[banli]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[banli] %s\033[0m\n' "$*" >&2; exit 1; }

# Installs the npm dependencies when they are missing or package-lock.json changed since.
# A maintained Node.js LTS first on PATH (scripts/ensure-node.sh), with its headers for native
# modules built from source (node-gyp's `nodedir`: nothing is downloaded from nodejs.org).
ensure_node() {
  local var dir
  var="$(bash scripts/ensure-node.sh)" || die "could not provide Node.js"
  dir="${var#BANLI_NODE_DIR=}"
  if [ -n "$dir" ]; then
    export PATH="$dir/bin:$PATH" npm_config_nodedir="$dir"
  fi
}

# node_modules as package-lock.json says, built for the Node.js in use (its ABI is part of the
# recorded hash, so a change of Node.js rebuilds the native modules).
ensure_node_modules() {
  ensure_node
  local want have=""
  want="$(node scripts/record-lock-hash.js --print)"
  [ -f node_modules/.banli-lock-hash ] && have="$(cat node_modules/.banli-lock-hash)"
  if [ ! -d node_modules ] || [ "$want" != "$have" ]; then
    log "installing npm dependencies (npm ci) for Node.js $(node -v)"
    npm ci --no-audit --no-fund >&2
    echo "$want" > node_modules/.banli-lock-hash
  fi
}

# Exports TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH, installing the binaries if needed.
ensure_temporal_binaries() {
  local vars
  vars="$(bash scripts/temporal-binaries.sh)" || die "could not provide the Temporal binaries"
  while IFS='=' read -r name value; do export "$name=$value"; done <<< "$vars"
}

# Waits until a TCP port answers (bash's /dev/tcp needs no extra tool).
wait_for_port() { # host port seconds what
  local host="$1" port="$2" seconds="$3" what="$4" i
  for ((i = 0; i < seconds * 5; i++)); do
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && return 0
    sleep 0.2
  done
  die "$what did not come up on $host:$port within ${seconds}s"
}

# What the benchmark and the fault tests need before they start their own systems: the npm
# dependencies, the Temporal binaries, the fonts, PostgreSQL's admin URL, and the built API,
# worker and workflow bundle.
prepare_built_system() {
  ensure_node_modules
  ensure_temporal_binaries
  ensure_cjk_font
  export TEST_POSTGRES_ADMIN_URL="${TEST_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  log "building the API, the worker and the workflow bundle"
  npx nx run-many -t build bundle-workflows -p api worker --outputStyle=static >&2
}

# True when nothing listens on host:port.
port_free() { # host port
  ! (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

ensure_chromium() {
  local var
  var="$(bash scripts/ensure-chromium.sh)" || die "could not provide Chromium for the browser tests"
  export "$var"
}

# Exports SOFFICE_PATH, installing Debian's libreoffice-writer-nogui when it is missing (the
# letters' DOCX layout test converts the DOCX to PDF with it, to measure where things land).
ensure_libreoffice() {
  local var
  var="$(bash scripts/ensure-libreoffice.sh)" || die "could not provide LibreOffice for the letters' DOCX layout test"
  export "$var"
}

# Exports DOCKER_COMPOSE_PATH, installing Debian's docker-compose when it is missing (the stack
# test validates docker/compose.yaml with `docker-compose config`; no Docker engine needed).
ensure_docker_compose() {
  local var
  var="$(bash scripts/ensure-docker-compose.sh)" || die "could not provide docker-compose for the stack test"
  export "$var"
}

# Exports the reply letter's fonts (BANLI_FONT_TITLE, BANLI_FONT_BODY, BANLI_FONT_HEADING and the
# fallback BANLI_CJK_FONT), installing Debian's fonts-noto-cjk when a face has none.
ensure_cjk_font() {
  local vars var
  vars="$(bash scripts/ensure-fonts.sh)" || die "could not provide the CJK fonts for the reply letter PDFs"
  while IFS= read -r var; do export "$var"; done <<<"$vars"
}
