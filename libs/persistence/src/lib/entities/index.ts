import {
  DeadlineEntity,
  HandlingRecordEntity,
  IdempotencyRecordEntity,
  ProposalAccessEntity,
  UserEntity,
  DocumentNumberPoolEntity,
  NotificationOutboxEntity,
  OrgUnitEntity,
  ProposalEventEntity,
  ReplySignatureEntity,
  TaskEntity,
} from './handling.entities';
import { ProposalEntity } from './proposal.entity';
import { CalendarVersionEntity, DeadlineChangeEntity } from './calendar.entities';

export {
  HandlingRecordEntity,
  IdempotencyRecordEntity,
  ProposalAccessEntity,
  UserEntity,
  CalendarVersionEntity,
  DeadlineChangeEntity,
  DeadlineEntity,
  DocumentNumberPoolEntity,
  NotificationOutboxEntity,
  OrgUnitEntity,
  ProposalEntity,
  ProposalEventEntity,
  ReplySignatureEntity,
  TaskEntity,
};

export const ENTITIES = [
  ProposalEntity,
  TaskEntity,
  DeadlineEntity,
  ProposalEventEntity,
  OrgUnitEntity,
  DocumentNumberPoolEntity,
  ReplySignatureEntity,
  NotificationOutboxEntity,
  CalendarVersionEntity,
  DeadlineChangeEntity,
  UserEntity,
  ProposalAccessEntity,
  IdempotencyRecordEntity,
  HandlingRecordEntity,
];
