import type { CommitteeSession } from '@banli/domain';
import type { ICommitteeSessionRepository } from '@banli/persistence';

const session = (
  meeting: number,
  year: number,
  startsOn: string,
  endsOn: string,
  status: CommitteeSession['status'],
): CommitteeSession => ({
  code: `8-${meeting}`,
  name: `市政协八届${'一二三四五'[meeting - 1]}次会议`,
  term: 8,
  meeting,
  year,
  startsOn,
  endsOn,
  status,
  createdAt: `${year - 1}-12-01T00:00:00.000Z`,
  updatedAt: `${year - 1}-12-01T00:00:00.000Z`,
});

/**
 * The demo city's sessions: last year's meeting (closed), this year's, whose proposals are
 * being handled and which the examples register into (`8-2`), and next year's, open for
 * proposals sent in ahead of it.
 */
export const DEMO_SESSIONS: CommitteeSession[] = [
  session(1, 2025, '2025-01-15', '2025-01-19', 'closed'),
  session(2, 2026, '2026-01-20', '2026-01-24', 'open'),
  session(3, 2027, '2027-01-19', '2027-01-23', 'open'),
];

/** Loads the demo sessions when there are none (with the demo city, see seed.ts). */
export function seedDemoSessions(sessions: Pick<ICommitteeSessionRepository, 'load'>): Promise<boolean> {
  return sessions.load(DEMO_SESSIONS);
}
