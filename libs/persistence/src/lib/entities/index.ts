import {
  CalendarOverrideEntity,
  DeadlineEntity,
  DocumentNumberPoolEntity,
  NotificationOutboxEntity,
  OrgUnitEntity,
  ProposalEventEntity,
  ReplySignatureEntity,
  TaskEntity,
} from './handling.entities';
import { ProposalEntity } from './proposal.entity';

export {
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
];
