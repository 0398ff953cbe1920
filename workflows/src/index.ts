export { proposalWorkflow } from './proposal.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';
