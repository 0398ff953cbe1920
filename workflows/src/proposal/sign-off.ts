import { ActionRequest, ActionResult } from '@banli/contracts';
import { HANDLING_ACTIONS, HandlingState, SignOffInput } from '@banli/domain';
import { recordSignature } from './activities';
import { now } from './workflow-time';

/** What sign-off needs of the proposal it runs in. */
export interface SigningProposal {
  readonly state: HandlingState;
  settle(): Promise<void>;
  result(extra?: Partial<ActionResult>): ActionResult;
}

/**
 * Sign-off allocates the document number in an activity: the reply is locked meanwhile, so a
 * second sign-off is refused rather than allocating a second number. The steps around the
 * activity are the actions table's.
 */
export async function signOff(proposal: SigningProposal, req: ActionRequest<SignOffInput>): Promise<ActionResult> {
  const { state } = proposal;
  const { steps } = HANDLING_ACTIONS.signOff;
  const { actor, input: signOff } = req;
  if (signOff.decision === 'send-back') {
    steps.sendBack(state, actor, signOff.comment as string, now());
    await proposal.settle();
    return proposal.result();
  }
  steps.begin(state, actor);
  const track = state.tracks[actor.unitId];
  const signedAt = now();
  let documentNumber: string;
  try {
    ({ documentNumber } = await recordSignature({
      proposalId: state.proposalId,
      unitId: actor.unitId,
      round: track.round,
      draftVersion: track.draftVersion,
      signedBy: actor.userId,
      signedAt,
    }));
  } catch (e) {
    steps.abort(state, actor);
    throw e;
  }
  steps.sign(state, actor, documentNumber, signedAt);
  await proposal.settle();
  return proposal.result({ documentNumber });
}
