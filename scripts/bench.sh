#!/usr/bin/env bash
# `npm run bench`: the benchmarks of docs/developers/benchmarks.md (results in bench-results/, see
# docs/developers/benchmark-results.md). `npm run bench -- --quick` runs small sizes (part of `npm test`);
# `--only=intake,latency,memory,queries,e2e` picks scenarios; `--profile` takes CPU profiles of
# the worker and the API during the intake. Starts its own Temporal dev server, worker, API and
# PostgreSQL database (on TEST_POSTGRES_ADMIN_URL, dropped after).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

prepare_built_system
BENCH_POSTGRES_VERSION="$(node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.env.TEST_POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.query('SHOW server_version')).then((r) => { console.log('PostgreSQL ' + r.rows[0].server_version); return c.end(); },
    (e) => { console.error('PostgreSQL is not reachable at ' + process.env.TEST_POSTGRES_ADMIN_URL + ': ' + e.message); process.exit(1); });
")" || die "the benchmark needs PostgreSQL (see docs/developers/benchmarks.md)"
export BENCH_POSTGRES_VERSION

log "benchmark $*"
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/src/main.ts "$@"
