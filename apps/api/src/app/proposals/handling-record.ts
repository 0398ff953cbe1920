import {
  contactsOf,
  extensionsOf,
  objectionsOf,
  opinionsOf,
  ratingsOf,
  signaturesOf,
  type ProposalEvent,
} from '@banli/contracts';
import type { ProposalDetailView } from './proposal.view';

export type HandlingRecord = Pick<
  ProposalDetailView,
  'opinions' | 'objections' | 'extensions' | 'signatures' | 'contacts' | 'ratings'
>;

/** What the audit trail says happened, read by the contracts' folds (the letters and the workspace read the same). */
export function handlingRecordOf(events: readonly ProposalEvent[]): HandlingRecord {
  const signatures = signaturesOf(events);
  return {
    opinions: opinionsOf(events),
    objections: objectionsOf(events),
    extensions: extensionsOf(events),
    signatures,
    contacts: contactsOf(events),
    ratings: signatures.map(({ unitId, round }) => ({
      unitId,
      round,
      ratings: Object.entries(ratingsOf(events, unitId, round)).map(([proposer, rating]) => ({ proposer, rating })),
    })),
  };
}
