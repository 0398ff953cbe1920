import { In, type DataSource } from 'typeorm';
import type { ProposalEvent } from '@banli/domain';
import { toProposalEvent } from './proposal-event.repository';
import {
  DeadlineEntity,
  ProposalAccessEntity,
  ProposalEntity,
  ProposalEventEntity,
  TaskEntity,
  UserEntity,
} from './entities';

/** The proposal aggregate as the API reads it: the proposal, who may see it, its deadlines, tasks and audit trail. */
export interface IProposalRepository {
  findById(id: string): Promise<ProposalEntity | null>;
  /** The workflow state version the proposal's row shows (null: not in the read model yet). */
  projectedVersionOf(id: string): Promise<number | null>;
  /** Whether the unit is or was assigned to the proposal (table proposal_access). */
  isAccessibleTo(proposalId: string, unitId: string): Promise<boolean>;
  /** Every deadline, soonest first. */
  deadlinesOf(proposalId: string): Promise<DeadlineEntity[]>;
  /** The open tasks, soonest first. */
  openTasksOf(proposalId: string): Promise<TaskEntity[]>;
  /** The audit trail, in order. */
  eventsOf(proposalId: string): Promise<ProposalEventEntity[]>;
  /** The display names of these users, by id (an id with no user is absent). */
  displayNamesOf(userIds: readonly string[]): Promise<Record<string, string>>;
  /** The audit trail as typed events, in order: what the folds read. */
  historyOf(proposalId: string): Promise<ProposalEvent[]>;
}

/** Reads of the proposal read model for the API. */
export class ProposalQueryRepository implements IProposalRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<ProposalEntity | null> {
    return this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
  }

  async projectedVersionOf(id: string): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(ProposalEntity)
      .findOne({ where: { id }, select: { id: true, projectionVersion: true } });
    return row ? row.projectionVersion : null;
  }

  isAccessibleTo(proposalId: string, unitId: string): Promise<boolean> {
    return this.dataSource.getRepository(ProposalAccessEntity).existsBy({ proposalId, unitId });
  }

  deadlinesOf(proposalId: string): Promise<DeadlineEntity[]> {
    return this.dataSource
      .getRepository(DeadlineEntity)
      .find({ where: { proposalId }, order: { dueAt: 'ASC', key: 'ASC' } });
  }

  openTasksOf(proposalId: string): Promise<TaskEntity[]> {
    return this.dataSource
      .getRepository(TaskEntity)
      .find({ where: { proposalId, status: 'open' }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  eventsOf(proposalId: string): Promise<ProposalEventEntity[]> {
    return this.dataSource.getRepository(ProposalEventEntity).find({ where: { proposalId }, order: { seq: 'ASC' } });
  }

  async displayNamesOf(userIds: readonly string[]): Promise<Record<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return {};
    const users = await this.dataSource.getRepository(UserEntity).find({
      select: { id: true, displayName: true },
      where: { id: In(ids) },
    });
    return Object.fromEntries(users.map((u) => [u.id, u.displayName]));
  }

  async historyOf(proposalId: string): Promise<ProposalEvent[]> {
    return (await this.eventsOf(proposalId)).map(toProposalEvent);
  }
}
