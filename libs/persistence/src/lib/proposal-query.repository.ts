import type { DataSource } from 'typeorm';
import { ProposalEntity } from './entities';

/** Reads of the proposal read model for the API. */
export class ProposalQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<ProposalEntity | null> {
    return this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
  }
}
