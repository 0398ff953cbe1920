import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProposalRegistration, ProposalStage } from '@banli/domain';

export interface ProposalWorkflowInput {
  proposalId: string;
  registration: ProposalRegistration;
  /** ISO instant the registration was received by the API (not the workflow's clock). */
  receivedAt: string;
  /** Correlates the workflow's logs with the HTTP request that started it. */
  requestId?: string;
}

/** The workflow's own view of a proposal; the read model is a projection of this. */
export interface ProposalState {
  proposalId: string;
  stage: ProposalStage;
  /** Increases with every change; projections ignore writes older than what they hold. */
  version: number;
  /** The version the read model is known to hold. */
  projectedVersion: number;
}

export interface RegistrationResult {
  proposalId: string;
  stage: ProposalStage;
}

/**
 * Sent together with the workflow start (update-with-start). Returns once the proposal is
 * in the read model, so the caller can read it back at once. Rejected by its validator when
 * a different proposal already holds the same session and number.
 */
export const confirmRegistrationUpdate = defineUpdate<RegistrationResult, [ProposalRegistration]>(
  'confirmRegistration',
);

export const proposalStateQuery = defineQuery<ProposalState>('proposalState');
