import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * scripts/apt-install.sh, which the ensure-*.sh scripts use to install Chromium, the CJK font
 * and docker-compose from Debian's packages, run against a stand-in apt-get that holds the
 * dpkg lock for a while (as unattended-upgrades does): it waits for the lock, within a limit,
 * and fails at once on any other error.
 */
const SCRIPT = path.resolve(__dirname, '../../../scripts/apt-install.sh');
const LOCKED = 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)';

function fakeApt(lockedCalls: number, otherError = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apt-install-'));
  const calls = path.join(dir, 'calls');
  const write = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), body, { mode: 0o755 });
  write('apt-cache', `#!/bin/sh\necho "  Candidate: 1.0"\n`);
  write('sudo', `#!/bin/sh\nexec "$@"\n`);
  write(
    'apt-get',
    `#!/bin/sh
echo "$*" >> "${calls}"
n=$(wc -l < "${calls}")
if [ ${otherError ? 1 : 0} -eq 1 ]; then echo "E: Unable to locate package nothing" >&2; exit 100; fi
if [ "$n" -le ${lockedCalls} ]; then echo "${LOCKED}" >&2; exit 100; fi
exit 0
`,
  );
  return {
    run(env: Record<string, string> = {}) {
      const r = spawnSync('bash', ['-c', `set -euo pipefail; source "${SCRIPT}"; apt_install some-package test`], {
        env: { ...process.env, PATH: `${dir}:${process.env['PATH']}`, APT_LOCK_RETRY_SECONDS: '0', ...env },
        encoding: 'utf8',
      });
      const lines = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
      fs.rmSync(dir, { recursive: true, force: true });
      return { status: r.status, stderr: r.stderr, calls: lines };
    },
  };
}

describe('apt-install.sh: installing a Debian package while another apt holds the lock', () => {
  it('waits while the lock is held, then installs; apt itself is told to wait for the dpkg lock', () => {
    const r = fakeApt(2).run();
    expect(r.status).toBe(0);
    expect(r.calls).toHaveLength(3);
    for (const call of r.calls) {
      expect(call).toBe('-o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends some-package');
    }
    expect(r.stderr).toMatch(/holds the lock; waiting/);
  });

  it('gives up with apt’s own message once the wait has passed', () => {
    const r = fakeApt(1_000_000).run({ APT_LOCK_WAIT_SECONDS: '3', APT_LOCK_RETRY_SECONDS: '0.2' });
    expect(r.status).toBe(100);
    expect(r.stderr).toContain(LOCKED);
    expect(r.calls.length).toBeGreaterThan(1);
    expect(r.calls[0]).toContain('DPkg::Lock::Timeout=3');
  });

  it('fails at once on any other error', () => {
    const r = fakeApt(0, true).run();
    expect(r.status).toBe(100);
    expect(r.calls).toHaveLength(1);
    expect(r.stderr).toContain('Unable to locate package');
  });
});
