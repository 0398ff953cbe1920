import { Actor, proposalIdOf } from '@banli/domain';
import { toHttpError } from '../common/domain-error.filter';
import type { ProposalsService } from '../proposals/proposals.service';
import { ImportRowError, validateImportRow, ValidatedRow } from './validate-import-row';

export interface ImportRowResult {
  /** 1-based position among the data rows (the CSV header is not a row). */
  row: number;
  proposalId?: string;
  status: 'created' | 'unchanged' | 'failed';
  /** With `accept`: whether this import accepted the proposal (立案); false if it was past review. */
  accepted?: boolean;
  error?: ImportRowError;
}

export interface ImportReport {
  total: number;
  created: number;
  unchanged: number;
  failed: number;
  /** With `accept`: how many proposals this import accepted. */
  accepted?: number;
  rows: ImportRowResult[];
}

/** Registrations in flight at once: a session of thousands must not open thousands of requests. */
export const IMPORT_CONCURRENCY = 16;

/**
 * Bulk import of a session. Every row is validated and registered on its own, through the
 * same idempotent registration as POST /api/proposals, so a re-import creates nothing new
 * and one bad row never stops the others. Only an outage or an unexpected failure (a 5xx)
 * stops the import: no further rows start, and the request fails as a whole; importing the
 * file again later is safe.
 */
export class ProposalImportService {
  constructor(
    private readonly proposals: Pick<ProposalsService, 'registerProposal'>,
    private readonly concurrency = IMPORT_CONCURRENCY,
  ) {}

  /**
   * With `acceptBy`, the proposal committee registers and accepts (立案) each row in one
   * workflow update: a session it has already reviewed, ready for the office to assign.
   */
  async importRows(rows: unknown[], options: { requestId?: string; acceptBy?: Actor } = {}): Promise<ImportReport> {
    const validated = await Promise.all(rows.map((raw) => validateImportRow(raw)));
    // Invalid rows have their result now; valid ones get theirs when registered.
    const results: (ImportRowResult | undefined)[] = validated.map((v, i) =>
      v.ok ? undefined : { row: i + 1, status: 'failed', error: v.error },
    );
    // Rows of the same proposal go one after the other, so a file that repeats a proposal gets
    // one 'created' and then 'unchanged' (or a conflict), never two racing registrations.
    const byProposal = new Map<string, number[]>();
    validated.forEach((v, i) => {
      if (!v.ok) return;
      const id = proposalIdOf(v.registration.sessionCode, v.registration.number);
      byProposal.set(id, [...(byProposal.get(id) ?? []), i]);
    });

    let abort: { error: unknown } | undefined;
    await forEachLimited([...byProposal.entries()], this.concurrency, async ([proposalId, indexes]) => {
      for (const i of indexes) {
        if (abort) return;
        const row = validated[i] as Extract<ValidatedRow, { ok: true }>;
        try {
          const { created, accepted } = await this.proposals.registerProposal(row.registration, {
            ...(row.urgent !== undefined ? { urgent: row.urgent } : {}),
            ...(options.requestId ? { requestId: `${options.requestId}:${i + 1}` } : {}),
            ...(options.acceptBy ? { acceptBy: options.acceptBy } : {}),
          });
          results[i] = {
            row: i + 1,
            proposalId,
            status: created ? 'created' : 'unchanged',
            ...(accepted !== undefined ? { accepted } : {}),
          };
        } catch (e) {
          const { status, body } = toHttpError(e);
          if (status >= 500) {
            abort ??= { error: e };
            return;
          }
          results[i] = { row: i + 1, proposalId, status: 'failed', error: body };
        }
      }
    });
    if (abort) throw abort.error;

    const done = results as ImportRowResult[];
    const count = (s: ImportRowResult['status']) => done.filter((r) => r.status === s).length;
    return {
      total: done.length,
      created: count('created'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      ...(options.acceptBy ? { accepted: done.filter((r) => r.accepted).length } : {}),
      rows: done,
    };
  }
}

/** Runs `work` on every item, at most `limit` at a time, and waits for all of them. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
