import type { ProposalRegistration, ProposalStage } from '@banli/domain';

export interface ProposalProjection {
  proposalId: string;
  workflowId: string;
  registration: ProposalRegistration;
  stage: ProposalStage;
  receivedAt: string;
  version: number;
}

/**
 * Activities the proposal workflow calls. They write the read model; every write is
 * idempotent (keyed and versioned), so a retried activity writes nothing twice.
 */
export interface ProposalActivities {
  projectProposal(projection: ProposalProjection): Promise<void>;
}
