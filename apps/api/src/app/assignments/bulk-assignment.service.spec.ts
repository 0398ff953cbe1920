import { ServiceUnavailableException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ActionResult } from '@banli/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AssignmentRow } from './bulk-assignment-rows';
import { BulkAssignmentService } from './bulk-assignment.service';

const officer: AuthenticatedUser = {
  userId: 'u-officer',
  unitId: 'gov-office',
  roles: ['assigning-officer'],
  username: 'officer',
  displayName: '交办员',
};
const row = (n: number): AssignmentRow => ({ proposalId: `8-2_${n}`, mode: 'single', unitIds: ['education'] });

/** The single action, as far as the bulk service sees it: one call per proposal. */
class FakeActions {
  readonly calls: { proposalId: string; input: object; key?: string }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly outcome: (proposalId: string) => unknown = () => undefined) {}

  async perform(
    _user: AuthenticatedUser,
    proposalId: string,
    _action: string,
    input: object,
    options: { idempotencyKey?: string } = {},
  ): Promise<ActionResult> {
    this.calls.push({ proposalId, input, ...(options.idempotencyKey ? { key: options.idempotencyKey } : {}) });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const failure = this.outcome(proposalId);
      if (failure) throw failure;
      return { proposalId, stage: 'drafting', version: 3 };
    } finally {
      this.inFlight--;
    }
  }
}

describe('BulkAssignmentService', () => {
  it('sends each row as the single assignment, at most `concurrency` at a time, and reports in order', async () => {
    const actions = new FakeActions((id) =>
      id === '8-2_3'
        ? new WorkflowUpdateFailedError('update failed', ApplicationFailure.nonRetryable('wrong stage', 'WRONG_STAGE'))
        : undefined,
    );
    const report = await new BulkAssignmentService(actions, 4).assign(
      officer,
      Array.from({ length: 20 }, (_, i) => row(i)),
      { idempotencyKey: 'k1' },
    );
    expect(actions.maxInFlight).toBe(4);
    expect(actions.calls).toHaveLength(20);
    expect(actions.calls[0]).toEqual({
      proposalId: '8-2_0',
      input: { mode: 'single', unitIds: ['education'] },
      key: 'bulk:k1',
    });
    expect(report).toMatchObject({ total: 20, assigned: 19, refused: 1 });
    expect(report.rows.map((r) => r.proposalId)).toEqual(Array.from({ length: 20 }, (_, i) => `8-2_${i}`));
    expect(report.rows[3]).toEqual({
      proposalId: '8-2_3',
      status: 'refused',
      error: { code: 'WRONG_STAGE', message: 'wrong stage', status: 409 },
    });
  });

  it('stops starting rows at an outage and fails the request as a whole', async () => {
    const actions = new FakeActions((id) =>
      id === '8-2_2' ? new ServiceUnavailableException('Temporal is down') : undefined,
    );
    await expect(
      new BulkAssignmentService(actions, 1).assign(
        officer,
        Array.from({ length: 10 }, (_, i) => row(i)),
      ),
    ).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(actions.calls.map((c) => c.proposalId)).toEqual(['8-2_0', '8-2_1', '8-2_2']);
  });
});
