import { PROPOSAL_TASK_QUEUE } from '@banli/contracts';

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
}

export function temporalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  return {
    address: env['TEMPORAL_ADDRESS']?.trim() || '127.0.0.1:7233',
    namespace: env['TEMPORAL_NAMESPACE']?.trim() || 'default',
    taskQueue: env['TEMPORAL_TASK_QUEUE']?.trim() || PROPOSAL_TASK_QUEUE,
  };
}
