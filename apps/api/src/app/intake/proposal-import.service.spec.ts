import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ProposalRegistration, proposalIdOf, sameRegistration } from '@banli/domain';
import type { RegisterResult } from '../proposals/proposals.service';
import { ProposalImportService } from './proposal-import.service';

const registration = (number: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  sessionCode: '8-2',
  sessionName: '市政协八届二次会议',
  number,
  title: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  body: '正文',
  suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  ...overrides,
});

/** Registration as the workflow does it: once per number; the same again is harmless, another is refused. */
class FakeRegistrations {
  readonly registered = new Map<string, ProposalRegistration>();
  readonly calls: { registration: ProposalRegistration; urgent?: boolean }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  failWith: ((r: ProposalRegistration) => unknown) | undefined;

  async registerProposal(r: ProposalRegistration, options: { urgent?: boolean } = {}): Promise<RegisterResult> {
    this.calls.push({ registration: r, ...(options.urgent !== undefined ? { urgent: options.urgent } : {}) });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const failure = this.failWith?.(r);
      if (failure) throw failure;
      const id = proposalIdOf(r.sessionCode, r.number);
      const before = this.registered.get(id);
      if (before && !sameRegistration(before, r)) {
        throw new WorkflowUpdateFailedError(
          'update failed',
          ApplicationFailure.nonRetryable(`Proposal ${id} is already registered`, 'PROPOSAL_ALREADY_REGISTERED'),
        );
      }
      this.registered.set(id, r);
      return { proposal: { id } as RegisterResult['proposal'], created: !before };
    } finally {
      this.inFlight--;
    }
  }
}

describe('ProposalImportService: a whole session at once', () => {
  let registrations: FakeRegistrations;
  let sut: ProposalImportService;

  beforeEach(() => {
    registrations = new FakeRegistrations();
    sut = new ProposalImportService(registrations, 4);
  });

  it('registers the valid rows and reports each invalid one with its problems', async () => {
    const report = await sut.importRows([
      registration('1'),
      registration('2', { title: '' }),
      registration('3', { secret: 'x' }),
      'not a proposal',
      registration('5', { urgent: true }),
    ]);
    expect(report).toMatchObject({ total: 5, created: 2, unchanged: 0, failed: 3 });
    expect(report.rows[0]).toEqual({ row: 1, proposalId: '8-2_1', status: 'created' });
    expect(report.rows[1]).toMatchObject({
      row: 2,
      status: 'failed',
      error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'title' })] },
    });
    expect(report.rows[2]).toMatchObject({
      row: 3,
      status: 'failed',
      error: { code: 'BAD_REQUEST', details: [{ field: 'secret', message: 'property secret should not exist' }] },
    });
    expect(report.rows[3]).toMatchObject({ row: 4, status: 'failed', error: { code: 'BAD_REQUEST' } });
    expect(report.rows[4]).toEqual({ row: 5, proposalId: '8-2_5', status: 'created' });
    expect(registrations.calls.map((c) => [c.registration.number, c.urgent])).toEqual([
      ['1', undefined],
      ['5', true],
    ]);
    expect(registrations.calls[1].registration).not.toHaveProperty('urgent');
  });

  it('creates nothing new when the same rows come again', async () => {
    const rows = [registration('1'), registration('2')];
    await sut.importRows(rows);
    const again = await sut.importRows(rows);
    expect(again).toMatchObject({ total: 2, created: 0, unchanged: 2, failed: 0 });
  });

  it('reports a different proposal under a number already taken as that row failing', async () => {
    await sut.importRows([registration('1')]);
    const report = await sut.importRows([registration('1', { title: '另一个提案' }), registration('2')]);
    expect(report.rows).toEqual([
      {
        row: 1,
        proposalId: '8-2_1',
        status: 'failed',
        error: { code: 'PROPOSAL_ALREADY_REGISTERED', message: 'Proposal 8-2_1 is already registered' },
      },
      { row: 2, proposalId: '8-2_2', status: 'created' },
    ]);
  });

  it('registers a proposal repeated within one file once, then as unchanged or in conflict', async () => {
    const report = await sut.importRows([
      registration('1'),
      registration('1'),
      registration('1', { title: '另一个提案' }),
    ]);
    expect(report.rows.map((r) => r.status)).toEqual(['created', 'unchanged', 'failed']);
    expect(report.rows[2].error?.code).toBe('PROPOSAL_ALREADY_REGISTERED');
  });

  it('never has more registrations in flight than its limit', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => registration(String(i + 1)));
    const report = await sut.importRows(rows);
    expect(report.created).toBe(40);
    expect(registrations.maxInFlight).toBe(4);
  });

  it('stops at an outage and fails the whole import, which can simply be repeated', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    registrations.failWith = (r) => (r.number === '3' ? refused : undefined);
    const rows = Array.from({ length: 40 }, (_, i) => registration(String(i + 1)));
    await expect(sut.importRows(rows)).rejects.toBe(refused);
    expect(registrations.calls.length).toBeLessThan(40);

    registrations.failWith = undefined;
    const retried = await sut.importRows(rows);
    expect(retried.failed).toBe(0);
    expect(retried.created + retried.unchanged).toBe(40);
  });
});
