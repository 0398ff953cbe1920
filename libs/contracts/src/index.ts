export * from './lib/task-queues';
export * from './lib/proposal-workflow.contract';
export * from './lib/activities.contract';
export * from './lib/daily-digest.contract';
export * from './lib/workflow-patches';
export * from './lib/audit';
export * from './lib/calendar-replan.contract';
