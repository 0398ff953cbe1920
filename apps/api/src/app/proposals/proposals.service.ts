import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { confirmRegistrationUpdate, PROPOSAL_WORKFLOW_TYPE, ProposalWorkflowInput } from '@banli/contracts';
import type { HandlingConfig } from '@banli/config';
import {
  assertValidRegistration,
  DomainError,
  PROPOSAL_ID_PATTERN,
  ProposalRegistration,
  proposalIdOf,
  proposalWorkflowIdOf,
} from '@banli/domain';
import type { ProposalEntity, ProposalQueryRepository } from '@banli/persistence';
import type { ProposalView } from './proposal.view';

export interface RegisterResult {
  proposal: ProposalView;
  created: boolean;
}

/** Registration and reading of proposals; testable without Nest. */
export class ProposalsService {
  constructor(
    private readonly temporal: Client,
    private readonly proposals: ProposalQueryRepository,
    private readonly taskQueue: string,
    private readonly handling: HandlingConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Starts the proposal's workflow, or joins the one already running for the same session
   * and number, and returns once the read model holds the proposal (read-your-writes).
   */
  async registerProposal(
    registration: ProposalRegistration,
    options: { urgent?: boolean; requestId?: string } = {},
  ): Promise<RegisterResult> {
    const { requestId } = options;
    assertValidRegistration(registration);
    const proposalId = proposalIdOf(registration.sessionCode, registration.number);
    const existedBefore = (await this.proposals.findById(proposalId)) !== null;
    const input: ProposalWorkflowInput = {
      proposalId,
      registration,
      receivedAt: this.clock().toISOString(),
      settings: options.urgent ? this.handling.urgent : this.handling.normal,
      ...(requestId ? { requestId } : {}),
    };
    const start = new WithStartWorkflowOperation<(i: ProposalWorkflowInput) => Promise<void>>(PROPOSAL_WORKFLOW_TYPE, {
      workflowId: proposalWorkflowIdOf(proposalId),
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A proposal whose handling has ended is never started again under the same number.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await this.temporal.workflow.executeUpdateWithStart(confirmRegistrationUpdate, {
      args: [registration],
      startWorkflowOperation: start,
    });
    return { proposal: await this.getProposal(proposalId), created: !existedBefore };
  }

  async getProposal(id: string): Promise<ProposalView> {
    const row = PROPOSAL_ID_PATTERN.test(id) ? await this.proposals.findById(id) : null;
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', `Proposal ${id} does not exist`);
    return toView(row);
  }
}

function toView(row: ProposalEntity): ProposalView {
  return {
    id: row.id,
    workflowId: row.workflowId,
    kind: row.kind,
    sessionCode: row.sessionCode,
    sessionName: row.sessionName,
    number: row.number,
    title: row.title,
    body: row.body,
    proposers: row.proposers,
    suggestionPoints: row.suggestionPoints,
    stage: row.stage,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
  };
}
