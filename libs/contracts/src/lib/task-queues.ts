/** One task queue carries proposal workflows and their activities. */
export const PROPOSAL_TASK_QUEUE = 'banli-proposals';

export const PROPOSAL_WORKFLOW_TYPE = 'proposalWorkflow';
