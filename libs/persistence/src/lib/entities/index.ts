import {
  CalendarOverrideEntity,
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

export {
  HandlingRecordEntity,
  IdempotencyRecordEntity,
  ProposalAccessEntity,
  UserEntity,
  CalendarOverrideEntity,
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
  CalendarOverrideEntity,
  UserEntity,
  ProposalAccessEntity,
  IdempotencyRecordEntity,
  HandlingRecordEntity,
];
