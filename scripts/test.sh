#!/usr/bin/env bash
# `npm test`: every check and every Jest project, against real services. Installs what is
# missing (npm packages, the Temporal binaries); needs PostgreSQL on 127.0.0.1:5432 (or
# TEST_POSTGRES_ADMIN_URL), where each run creates its own database and drops it after.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
ensure_temporal_binaries
ensure_cjk_font
ensure_chromium
ensure_libreoffice
ensure_docker_compose

export TEST_POSTGRES_ADMIN_URL="${TEST_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.env.TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.end(), (e) => { console.error('PostgreSQL is not reachable at ' + process.env.TEST_POSTGRES_ADMIN_URL + ': ' + e.message); process.exit(1); });
" || die "the integration tests need PostgreSQL (see docs/developers/testing.md)"

summary_dir="$ROOT/tmp/test-summary"
rm -rf "$summary_dir" && mkdir -p "$summary_dir"
export BANLI_TEST_SUMMARY_DIR="$summary_dir"

status=0
log "lint and typecheck"
npx nx run-many -t lint typecheck --outputStyle=static || status=1
log "unit tests"
npx nx run-many -t test --outputStyle=static --parallel=2 || status=1
log "integration tests (real Temporal, PostgreSQL, SQLite; one project at a time)"
npx nx run-many -t test-integration --outputStyle=static --parallel=1 || status=1
log "benchmark harness, quick mode (small sizes; checks every scenario ran and every proposal got where it should)"
bash scripts/bench.sh --quick || status=1

node scripts/test-summary.js "$summary_dir" || status=1
exit $status
