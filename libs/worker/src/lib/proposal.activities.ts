import type { DataSource } from 'typeorm';
import type { ProposalActivities } from '@banli/contracts';
import { ProposalProjectionRepository } from '@banli/persistence';

/** Activities get their dependencies from the worker; they hold no state of their own. */
export function createProposalActivities(dataSource: DataSource): ProposalActivities {
  const projections = new ProposalProjectionRepository(dataSource);
  return {
    async projectProposal(projection) {
      await projections.upsert(projection);
    },
  };
}
