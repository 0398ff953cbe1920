#!/usr/bin/env bash
# `npm run test:faults`: the fault tests at full size (200 proposals per scenario; see docs/developers/testing.md,
# Fault tests). Arguments select scenarios by file name, e.g. `npm run test:faults -- worker-kill`.
# BANLI_FAULT_PROPOSALS, BANLI_FAULT_CONCURRENCY and BANLI_FAULT_SEED override the defaults.
# Needs PostgreSQL on 127.0.0.1:5432 (or TEST_POSTGRES_ADMIN_URL) and PostgreSQL's server
# programs (initdb, pg_ctl) for the outage scenario's private server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
ensure_temporal_binaries
ensure_cjk_font
export TEST_POSTGRES_ADMIN_URL="${TEST_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

log "building the API, the worker and the workflow bundle"
npx nx run-many -t build bundle-workflows -p api worker --outputStyle=static >&2
log "fault tests, full size (results in tmp/fault-tests/results/)"
BANLI_FAULT_MODE="${BANLI_FAULT_MODE:-full}" npx jest -c apps/fault-tests/jest.integration.config.js --runInBand "$@"
