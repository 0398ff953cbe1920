export * from './lib/create-worker';
export * from './lib/proposal.activities';
export * from './lib/workflow-bundle';
export * from './lib/reply-letter-freezer';
export * from './lib/notifications';
