#!/usr/bin/env bash
# `npm run test:faults`: the fault tests at full size (200 proposals per scenario; see docs/developers/testing.md,
# Fault tests). Arguments select scenarios by file name, e.g. `npm run test:faults -- worker-kill`.
# BANLI_FAULT_PROPOSALS, BANLI_FAULT_CONCURRENCY and BANLI_FAULT_SEED override the defaults.
# Needs PostgreSQL on 127.0.0.1:5432 (or TEST_POSTGRES_ADMIN_URL) and PostgreSQL's server
# programs (initdb, pg_ctl) for the outage scenario's private server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

prepare_built_system
log "fault tests, full size (results in tmp/fault-tests/results/)"
BANLI_FAULT_MODE="${BANLI_FAULT_MODE:-full}" npx jest -c apps/fault-tests/jest.integration.config.js --runInBand "$@"
