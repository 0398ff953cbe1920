import type { ProposalRegistration } from '../proposal';
import type { HandlingSettings, HandlingState } from './handling-state';

/** The state of a proposal just registered; the registration itself is event 1. */
export function newHandlingState(
  proposalId: string,
  registration: ProposalRegistration,
  settings: HandlingSettings,
  receivedAt: string,
): HandlingState {
  return {
    proposalId,
    proposers: registration.proposers.map((p) => p.name),
    suggestionPointCount: registration.suggestionPoints.length,
    settings,
    stage: 'registered',
    version: 1,
    deadlines: {},
    opinions: {},
    tracks: {},
    objections: [],
    extensions: [],
    pendingEvents: [
      {
        seq: 1,
        type: 'registered',
        at: receivedAt,
        data: { sessionCode: registration.sessionCode, number: registration.number },
      },
    ],
    nextEventSeq: 2,
  };
}
