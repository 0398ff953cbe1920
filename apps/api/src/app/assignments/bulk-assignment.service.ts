import type { ActionResult } from '@banli/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ApiErrorBody } from '../common/api-error';
import { toHttpError } from '../common/domain-error.filter';
import type { ProposalActionsService } from '../actions/proposal-actions.service';
import { forEachLimited } from '../intake/proposal-import.service';
import type { AssignmentRow } from './bulk-assignment-rows';

export interface AssignmentRowResult {
  proposalId: string;
  /** assigned: the workflow took it; refused: the rule that refused it, nothing changed. */
  status: 'assigned' | 'refused';
  /** The proposal after its assignment (its stage and version), as the single action answers. */
  result?: ActionResult;
  /** Why it was refused: the error the single action would answer, with its HTTP status. */
  error?: ApiErrorBody['error'] & { status: number };
}

export interface BulkAssignmentReport {
  total: number;
  assigned: number;
  refused: number;
  rows: AssignmentRowResult[];
}

/** Assignments in flight at once towards Temporal, as for the import. */
export const ASSIGNMENT_CONCURRENCY = 16;

/**
 * 交办 of many proposals in one request: each row is the single assignment action
 * (POST /api/proposals/:id/assignment): the same access and role checks, the same workflow
 * update (one per proposal), the same audit event, the same refusals. A refused row changes
 * nothing else. Only an outage (a 5xx) stops the request: no further rows start and it fails
 * as a whole; sent again with the same Idempotency-Key, rows already assigned are the same
 * updates for Temporal and answer their first result.
 */
export class BulkAssignmentService {
  constructor(
    private readonly actions: Pick<ProposalActionsService, 'perform'>,
    private readonly concurrency = ASSIGNMENT_CONCURRENCY,
  ) {}

  async assign(
    user: AuthenticatedUser,
    rows: AssignmentRow[],
    options: { idempotencyKey?: string; requestId?: string } = {},
  ): Promise<BulkAssignmentReport> {
    const results: AssignmentRowResult[] = new Array(rows.length);
    let abort: { error: unknown } | undefined;
    await forEachLimited([...rows.entries()], this.concurrency, async ([i, row]) => {
      if (abort) return;
      const { proposalId, ...assignment } = row;
      try {
        const result = await this.actions.perform(user, proposalId, 'assign', assignment, {
          // The key names the request; the action's update id adds the proposal, so each row
          // is its own update and a retried request is the same updates again.
          ...(options.idempotencyKey ? { idempotencyKey: `bulk:${options.idempotencyKey}` } : {}),
          ...(options.requestId ? { requestId: `${options.requestId}:${i + 1}` } : {}),
        });
        results[i] = { proposalId, status: 'assigned', result };
      } catch (e) {
        const { status, body } = toHttpError(e);
        if (status >= 500) {
          abort ??= { error: e };
          return;
        }
        results[i] = { proposalId, status: 'refused', error: { ...body, status } };
      }
    });
    if (abort) throw abort.error;
    const assigned = results.filter((r) => r.status === 'assigned').length;
    return { total: results.length, assigned, refused: results.length - assigned, rows: results };
  }
}
