import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  log,
} from '@temporalio/workflow';
import {
  confirmRegistrationUpdate,
  ProposalActivities,
  ProposalState,
  ProposalWorkflowInput,
  proposalStateQuery,
} from '@banli/contracts';
import { proposalWorkflowIdOf, sameRegistration } from '@banli/domain';

const { projectProposal } = proxyActivities<ProposalActivities>({
  startToCloseTimeout: '30 seconds',
  // A database outage must not fail the proposal: projections retry until the database is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One workflow per proposal. This is the foundation slice: the proposal is registered and
 * projected into the read model; the later stages (review, assignment, consultation, reply,
 * feedback) build on this state.
 */
export async function proposalWorkflow(input: ProposalWorkflowInput): Promise<ProposalState> {
  const state: ProposalState = {
    proposalId: input.proposalId,
    stage: 'registered',
    version: 1,
    projectedVersion: 0,
  };

  setHandler(proposalStateQuery, () => state);
  setHandler(
    confirmRegistrationUpdate,
    async () => {
      await condition(() => state.projectedVersion >= 1);
      return { proposalId: state.proposalId, stage: state.stage };
    },
    {
      validator: (registration) => {
        if (!sameRegistration(registration, input.registration)) {
          throw ApplicationFailure.nonRetryable(
            `Proposal ${input.proposalId} is already registered with different content`,
            'PROPOSAL_ALREADY_REGISTERED',
          );
        }
      },
    },
  );

  log.info('Proposal registered', { proposalId: input.proposalId, requestId: input.requestId });
  await projectProposal({
    proposalId: input.proposalId,
    workflowId: proposalWorkflowIdOf(input.proposalId),
    registration: input.registration,
    stage: state.stage,
    receivedAt: input.receivedAt,
    version: state.version,
  });
  state.projectedVersion = state.version;

  // Review, assignment and everything after it arrive with the workflow issue; until then a
  // registered proposal waits here (a durable wait: no timer, no polling).
  await condition(() => state.stage === 'closed');
  return state;
}
