export { proposalWorkflow } from './proposal.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';
export { calendarReplanWorkflow } from './calendar-replan.workflow';
