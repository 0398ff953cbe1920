import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

/**
 * Paths of the Temporal CLI and the time-skipping test server, from the environment when the
 * test command set them, else from the project script that installs them (scripts/temporal-binaries.sh).
 */
export function temporalBinaries(): TemporalBinaries {
  let cli = process.env['TEMPORAL_CLI_PATH'];
  let testServer = process.env['TEMPORAL_TEST_SERVER_PATH'];
  if (!cli || !testServer) {
    const script = path.resolve(__dirname, '../../../../scripts/temporal-binaries.sh');
    const out = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const vars = Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    cli = vars['TEMPORAL_CLI_PATH'];
    testServer = vars['TEMPORAL_TEST_SERVER_PATH'];
    if (!cli || !testServer) throw new Error(`scripts/temporal-binaries.sh printed no paths:\n${out}`);
    process.env['TEMPORAL_CLI_PATH'] = cli;
    process.env['TEMPORAL_TEST_SERVER_PATH'] = testServer;
  }
  return { cli, testServer };
}
