import { ProposalEntity } from './proposal.entity';

export { ProposalEntity };
export const ENTITIES = [ProposalEntity];
