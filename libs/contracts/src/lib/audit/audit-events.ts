/*
 * The audit events' contract. The domain records the events (its rules write them), so their
 * union is declared in `@banli/domain` and only re-exported here: contracts depends on the
 * domain, never the reverse. Readers of the history (the API, the letters, the worker, the
 * read model) import the union and the folds from here.
 */
export type {
  DraftEventData,
  EventDataOf,
  ProposalEvent,
  ProposalEventData,
  ProposalEventOf,
  ProposalEventType,
} from '@banli/domain';
export { isEvent } from '@banli/domain';
