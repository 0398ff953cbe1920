#!/usr/bin/env bash
# `npm start`: the whole system on one machine. Installs what is missing, then runs the
# Temporal dev server (state in data/temporal.sqlite), the worker and the API (read model in
# data/banli.sqlite). With TEMPORAL_ADDRESS and/or DATABASE_URL set, those services are used
# instead and nothing local is started for them. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export BANLI_DATA_DIR="${BANLI_DATA_DIR:-$ROOT/data}"
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
mkdir -p "$BANLI_DATA_DIR"

# Prometheus metrics of the API and the worker on loopback (docs/operators/observability.md),
# on their conventional ports unless set; left off when another process already holds one.
default_metrics_port() { # variable port
  if [ -z "${!1:-}" ]; then
    if port_free 127.0.0.1 "$2"; then export "$1=$2"; else log "port $2 is in use: $1 off (set it to serve metrics)"; fi
  fi
}
default_metrics_port BANLI_METRICS_PORT 9464
default_metrics_port BANLI_WORKER_METRICS_PORT 9465

ensure_node_modules
ensure_cjk_font
log "building the web UI, the API, the worker and the workflow bundle"
npx nx run-many -t build bundle-workflows -p web api worker --outputStyle=static >&2
export BANLI_WEB_DIR="$ROOT/dist/apps/web"

pids=()
stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  # API and worker first (the worker drains its tasks), Temporal last.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  log "stopped"
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

temporal_ui=""
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  ensure_temporal_binaries
  # The dev server's SQLite pragmas (comma-separated; `none` for SQLite's defaults): WAL with
  # synchronous=FULL, measured in docs/developers/benchmark-results.md to cut the server's CPU and time per proposal.
  pragma_args=()
  IFS=',' read -ra pragmas <<< "${TEMPORAL_SQLITE_PRAGMAS:-journal_mode=wal,synchronous=FULL}"
  for p in "${pragmas[@]}"; do
    p="${p// /}"
    if [ -n "$p" ] && [ "$p" != none ]; then pragma_args+=(--sqlite-pragma "$p"); fi
  done
  log "starting the Temporal dev server (state: $BANLI_DATA_DIR/temporal.sqlite)"
  "$TEMPORAL_CLI_PATH" server start-dev \
    --db-filename "$BANLI_DATA_DIR/temporal.sqlite" \
    "${pragma_args[@]}" \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --namespace default --log-level warn \
    --search-attribute BanliStage=Keyword \
    --search-attribute BanliLeadUnit=Keyword \
    --search-attribute BanliNextDeadline=Datetime &
  pids+=($!)
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  wait_for_port 127.0.0.1 "$TEMPORAL_PORT" 60 "Temporal"
  temporal_ui="http://127.0.0.1:$TEMPORAL_UI_PORT"
fi
export DATABASE_URL="${DATABASE_URL:-sqlite:$BANLI_DATA_DIR/banli.sqlite}"

# The token signing secret: kept in the data folder so sessions survive a restart.
if [ -z "${JWT_SECRET:-}" ]; then
  secret_file="$BANLI_DATA_DIR/jwt-secret"
  if [ ! -s "$secret_file" ]; then
    (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))" > "$secret_file")
  fi
  JWT_SECRET="$(cat "$secret_file")"
  export JWT_SECRET
fi

log "migrating the database and loading the demo city if it is empty"
node scripts/run-app.js seed >&2

log "starting the worker"
node scripts/run-app.js worker &
pids+=($!)
log "starting the API"
node scripts/run-app.js api &
pids+=($!)

for ((i = 0; i < 300; i++)); do
  if node -e "fetch('http://127.0.0.1:$PORT/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    break
  fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up (see above)"; done
  sleep 0.5
done

cat >&2 <<INFO

  Banli is running.
    Web UI:       http://$HOST:$PORT/
    API:          http://$HOST:$PORT/api   (health: /api/health, readiness: /api/health/ready)
    API docs:     http://$HOST:$PORT/api/docs
    Temporal:     $TEMPORAL_ADDRESS
    Temporal UI:  ${temporal_ui:-(external Temporal: see its own UI)}
    Database:     ${DATABASE_URL%%\?*}
    Metrics:      API http://127.0.0.1:${BANLI_METRICS_PORT:-off}/metrics, worker http://127.0.0.1:${BANLI_WORKER_METRICS_PORT:-off}/metrics
    Demo users:   registrar, officer, supervisor, lead-handler, lead-reviewer, lead-signer,
                  human-resources-cohandler, education-cohandler, … (password: ${BANLI_DEMO_PASSWORD:-banli-demo-2026})
  Press Ctrl-C to stop.

INFO

# Stay up until a child exits or Ctrl-C arrives.
wait -n "${pids[@]}" || true
die "a Banli process exited unexpectedly"
