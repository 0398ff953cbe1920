import { addDays } from '../../calendar/iso-date';
import { DomainError } from '../../domain-error';
import { Actor, ROLES, Role } from '../actor';
import {
  acceptedProposal,
  actor,
  approveDraft,
  ASSIGNED_AT,
  assignedProposal,
  coHandler,
  COMMITTEE,
  dispatch,
  draft,
  ECONOMY,
  FINANCE,
  handler,
  HOUSING,
  justAfter,
  LEAD_MODE,
  officer,
  OFFICE,
  planAll,
  PLANNING,
  PROPOSERS,
  rate,
  registeredProposal,
  registrar,
  replyThroughSignOff,
  reviewer,
  REVIEWED_AT,
  sh,
  sign,
  signer,
  SINGLE_MODE,
  SPLIT_MODE,
  submitDraft,
  submitOpinion,
  supervisor,
  TRANSPORT,
} from '../handling.fixtures';
import type { HandlingState } from '../handling-state';
import { HANDLING_ACTION_NAMES, HANDLING_ACTION_ROLES, HandlingActionName } from './action-roles';
import { AvailableAction, availableActions } from './available-actions';
import { HANDLING_ACTIONS } from './handling-actions';
import { applyConfirmPublication, checkConfirmPublication } from '../rules/follow-up-publication.rules';
import { applyObject, checkObject } from '../rules/objections.rules';
import { applyRequestExtension, checkRequestExtension } from '../rules/extensions.rules';
import { applyReview, checkReview } from '../rules/review.rules';

/*
 * Generated from the table: every action × every role × every unit × a proposal at every
 * stage. Offered (availableActions) must mean exactly "canAct passes", an offered action
 * must accept a valid input, and an action not offered must be refused for who, where or
 * when, never for the input. Together with "the roles that are ever offered an action are
 * the table's roles", a role granted or taken in one place only fails here.
 */

const UNITS = [OFFICE, COMMITTEE, TRANSPORT, HOUSING, FINANCE, PLANNING, ECONOMY];
const REASON = '理由';

interface Scene {
  name: string;
  state: HandlingState;
  now: string;
}

function reviewed(decision: 'merge' | 'convert'): HandlingState {
  const state = registeredProposal();
  const input = { decision, reason: REASON, ...(decision === 'merge' ? { mergedInto: '8-2_20240001' } : {}) };
  checkReview(state, registrar, input);
  applyReview(state, registrar, input, REVIEWED_AT);
  return state;
}

/** Lead mode in consultation: one opinion in, an objection and an extension request pending. */
function consultation(): HandlingState {
  const state = assignedProposal(LEAD_MODE);
  submitOpinion(state, FINANCE, sh('2024-03-11'));
  const objection = { reason: REASON };
  checkObject(state, coHandler(PLANNING), objection, sh('2024-03-11'));
  applyObject(state, coHandler(PLANNING), objection, sh('2024-03-11'));
  const extension = {
    deadlineKey: `reply:${TRANSPORT}`,
    requestedEndDate: addDays(state.deadlines[`reply:${TRANSPORT}`].explanation?.endDate as string, 10),
    reason: REASON,
  };
  checkRequestExtension(state, handler(TRANSPORT), extension, sh('2024-03-11'));
  applyRequestExtension(state, handler(TRANSPORT), extension, sh('2024-03-11'));
  planAll(state);
  return state;
}

function single(): HandlingState {
  return assignedProposal(SINGLE_MODE);
}

function dispatched(replyClass: string, disclosure: 'publish' | 'never'): HandlingState {
  const state = single();
  replyThroughSignOff(state, TRANSPORT, '2024-04-01', '交办〔2024〕1号', draft(replyClass, disclosure));
  dispatch(state, TRANSPORT, sh('2024-04-02'));
  return state;
}

function ratedAll(state: HandlingState, rating: 'satisfied' | 'unsatisfied'): HandlingState {
  for (const p of PROPOSERS) rate(state, TRANSPORT, p, rating, sh('2024-04-08'));
  return state;
}

function published(): HandlingState {
  const state = ratedAll(dispatched('A', 'publish'), 'satisfied');
  checkConfirmPublication(state, handler(TRANSPORT), {});
  applyConfirmPublication(state, handler(TRANSPORT), {}, sh('2024-04-09'));
  return state;
}

const SCENES: Scene[] = [
  { name: 'registered', state: registeredProposal(), now: REVIEWED_AT },
  { name: 'merged', state: reviewed('merge'), now: sh('2024-03-06') },
  { name: 'converted', state: reviewed('convert'), now: sh('2024-03-06') },
  { name: 'assignment', state: acceptedProposal(), now: ASSIGNED_AT },
  { name: 'consultation', state: consultation(), now: sh('2024-03-12') },
  { name: 'drafting', state: single(), now: sh('2024-03-11') },
  { name: 'drafting, split', state: assignedProposal(SPLIT_MODE), now: sh('2024-03-11') },
  {
    name: 'drafting, every deadline passed',
    state: single(),
    now: justAfter(single().deadlines[`limit:${TRANSPORT}`].dueAt as string),
  },
  {
    name: 'review',
    state: (() => {
      const s = single();
      submitDraft(s, TRANSPORT, sh('2024-04-01'));
      return s;
    })(),
    now: sh('2024-04-01', '12:00'),
  },
  {
    name: 'sign-off',
    state: (() => {
      const s = single();
      submitDraft(s, TRANSPORT, sh('2024-04-01'));
      approveDraft(s, TRANSPORT, sh('2024-04-01', '11:00'));
      return s;
    })(),
    now: sh('2024-04-01', '12:00'),
  },
  {
    name: 'dispatch',
    state: (() => {
      const s = single();
      submitDraft(s, TRANSPORT, sh('2024-04-01'));
      approveDraft(s, TRANSPORT, sh('2024-04-01', '11:00'));
      sign(s, TRANSPORT, sh('2024-04-01', '15:00'), '交办〔2024〕1号');
      return s;
    })(),
    now: sh('2024-04-01', '16:00'),
  },
  { name: 'feedback', state: dispatched('A', 'publish'), now: sh('2024-04-03') },
  { name: 're-handling', state: ratedAll(dispatched('A', 'never'), 'unsatisfied'), now: sh('2024-04-09') },
  { name: 'follow-up', state: ratedAll(dispatched('B', 'never'), 'satisfied'), now: sh('2024-04-09') },
  { name: 'publication', state: ratedAll(dispatched('A', 'publish'), 'satisfied'), now: sh('2024-04-09') },
  { name: 'closed', state: published(), now: sh('2024-04-10') },
];

/** One actor per role and unit: roles are granted one at a time so that each is seen alone. */
const ACTORS: Actor[] = ROLES.flatMap((role) => UNITS.map((unitId) => actor(unitId, role)));

type Target = Record<string, string | number>;

/** Every target one could name, possible or not: what exists, and something that does not. */
function conceivableTargets(name: HandlingActionName, state: HandlingState): Target[] {
  const ids = (n: number) => Array.from({ length: n + 1 }, (_, i) => i + 1);
  switch (name) {
    case 'decideObjection':
      return ids(state.objections.length).map((objectionId) => ({ objectionId }));
    case 'decideExtension':
      return ids(state.extensions.length).map((extensionId) => ({ extensionId }));
    case 'returnOpinion':
    case 'waiveOpinion':
    case 'sendReminder':
      return UNITS.map((unitId) => ({ unitId }));
    case 'recordFeedback':
      return UNITS.flatMap((unitId) => [...PROPOSERS, '张三'].map((proposer) => ({ unitId, proposer })));
    case 'requestExtension':
      return [...Object.keys(state.deadlines), `reply:${ECONOMY}`].map((deadlineKey) => ({ deadlineKey }));
    default:
      return [];
  }
}

/** A valid input for the action, aimed at `target` where it has one. */
function sampleInput(name: HandlingActionName, state: HandlingState, now: string, target: Target = {}): object {
  switch (name) {
    case 'review':
      return { decision: 'accept' };
    case 'assign':
      return SINGLE_MODE;
    case 'object':
      return { reason: REASON };
    case 'decideObjection':
      return { ...target, decision: 'reject', reason: REASON };
    case 'submitOpinion':
      return { points: [{ seq: 1, adoption: 'partly-adopted', text: '表中的意见' }] };
    case 'returnOpinion':
    case 'waiveOpinion':
      return { ...target, reason: REASON };
    case 'recordContact':
      return { method: 'visit', contactedAt: now, summary: '走访' };
    case 'saveDraft':
    case 'submitDraft':
      return draft('A', 'never', state.suggestionPointCount);
    case 'reviewDraft':
      return { decision: 'approve' };
    case 'signOff':
      // Sending back is open whenever sign-off is; signing also needs opinions and contact.
      return { decision: 'send-back', comment: '请修改' };
    case 'dispatch':
      return {};
    case 'recordFeedback':
      return { ...target, rating: 'basically-satisfied' };
    case 'reportFollowUp':
      return { summary: '已落实' };
    case 'confirmPublication':
      return { location: 'https://www.gov.cn/' };
    case 'requestExtension': {
      const end = state.deadlines[target['deadlineKey']]?.explanation?.endDate ?? '2024-06-30';
      return { ...target, requestedEndDate: addDays(end, 1), reason: REASON };
    }
    case 'decideExtension':
      return { ...target, decision: 'refuse', reason: REASON };
    case 'markKey':
      return { leaders: ['张副市长'] };
    case 'sendReminder':
      return { ...target, message: '请抓紧办理' };
  }
}

function refusal(attempt: () => unknown): DomainError | undefined {
  try {
    attempt();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

function who(a: Actor): string {
  return `${a.roles.join('+')}@${a.unitId}`;
}

type Check = (s: HandlingState, a: Actor, input: object, now: string) => void;

/** What goes wrong for one scene, actor and action; empty when the table is consistent. */
function inconsistencies(scene: Scene, a: Actor, name: HandlingActionName, offered: AvailableAction[]): string[] {
  const { state, now } = scene;
  const rule = HANDLING_ACTIONS[name];
  const check = rule.check as Check;
  const at = `${scene.name}: ${who(a)} ${name}`;
  const problems: string[] = [];
  const entry = offered.find((o) => o.action === name);
  const canActRefusal = refusal(() => rule.canAct(state, a, now));
  if (!!entry !== !canActRefusal) problems.push(`${at}: offered=${!!entry} but canAct ${canActRefusal?.code ?? 'passes'}`);
  if (canActRefusal && !rule.roles.some((r) => a.roles.includes(r)) && canActRefusal.code !== 'ROLE_REQUIRED') {
    problems.push(`${at}: an actor without the role is refused with ${canActRefusal.code}, not ROLE_REQUIRED`);
  }
  if (!('targets' in rule)) {
    const refused = refusal(() => check(state, a, sampleInput(name, state, now), now));
    if (entry && refused) problems.push(`${at}: offered, but a valid input is refused: ${refused.code} ${refused.message}`);
    if (!entry && !refused) problems.push(`${at}: not offered, but check accepts it`);
    if (!entry && refused?.code === 'VALIDATION_FAILED') {
      problems.push(`${at}: not offered, but refused for its input: ${refused.message}`);
    }
    return problems;
  }
  const targets = rule.targets(state, a, now) as Target[];
  if (entry && JSON.stringify('targets' in entry ? entry.targets : []) !== JSON.stringify(targets)) {
    problems.push(`${at}: availableActions' targets differ from the table's`);
  }
  for (const t of targets) {
    const refused = refusal(() => check(state, a, sampleInput(name, state, now, t), now));
    if (refused) problems.push(`${at} ${JSON.stringify(t)}: offered, but refused: ${refused.code} ${refused.message}`);
  }
  for (const t of conceivableTargets(name, state)) {
    if (targets.some((o) => JSON.stringify(o) === JSON.stringify(t))) continue;
    const refused = refusal(() => check(state, a, sampleInput(name, state, now, t), now));
    if (!refused) {
      problems.push(`${at} ${JSON.stringify(t)}: not offered, but check accepts it`);
    } else if (refused.code === 'VALIDATION_FAILED' && !refused.details.every((d) => d.field && d.field in t)) {
      // Naming something that does not exist is bad input; anything else must be who/when.
      problems.push(`${at} ${JSON.stringify(t)}: not offered, but refused for its input: ${refused.message}`);
    }
  }
  return problems;
}

describe('the actions table, action × role × stage', () => {
  /** For each action, the roles it was offered to in some scene. */
  const offeredTo = new Map<HandlingActionName, Set<Role>>(HANDLING_ACTION_NAMES.map((n) => [n, new Set()]));

  it('has one entry per action, each with its roles', () => {
    expect(Object.keys(HANDLING_ACTIONS).sort()).toEqual([...HANDLING_ACTION_NAMES].sort());
    for (const name of HANDLING_ACTION_NAMES) {
      expect(HANDLING_ACTIONS[name].roles).toEqual(HANDLING_ACTION_ROLES[name]);
      expect(HANDLING_ACTIONS[name].roles.length).toBeGreaterThan(0);
    }
  });

  it('builds a proposal at every stage', () => {
    expect(new Set(SCENES.map((s) => s.state.stage))).toEqual(
      new Set([
        'registered',
        'merged',
        'converted',
        'assignment',
        'consultation',
        'drafting',
        'review',
        'sign-off',
        'dispatch',
        'feedback',
        're-handling',
        'follow-up',
        'publication',
        'closed',
      ]),
    );
  });

  it.each(SCENES.map((s) => [s.name, s] as const))(
    '%s: offered exactly when allowed; offered accepts a valid input; refused for who or when',
    (_name, scene) => {
      const before = JSON.stringify(scene.state);
      const problems: string[] = [];
      for (const a of ACTORS) {
        const offered = availableActions(scene.state, a, scene.now);
        expect(JSON.parse(JSON.stringify(offered))).toEqual(offered);
        for (const name of HANDLING_ACTION_NAMES) {
          problems.push(...inconsistencies(scene, a, name, offered));
          if (offered.some((o) => o.action === name)) a.roles.forEach((r) => offeredTo.get(name)?.add(r));
        }
      }
      expect(problems).toEqual([]);
      // Asking never changes the proposal.
      expect(JSON.stringify(scene.state)).toBe(before);
    },
  );

  it('offers each action, over all stages, to exactly the roles the table lists', () => {
    for (const name of HANDLING_ACTION_NAMES) {
      expect({ name, roles: [...(offeredTo.get(name) ?? [])].sort() }).toEqual({
        name,
        roles: [...HANDLING_ACTION_ROLES[name]].sort(),
      });
    }
  });
});

describe('what the inbox and the buttons got wrong (issue 13)', () => {
  const names = (s: HandlingState, a: Actor, now: string) => availableActions(s, a, now).map((o) => o.action);

  it('offers feedback entry (录入测评) to the assigning officer only, not to the supervisor', () => {
    const state = dispatched('A', 'publish');
    const now = sh('2024-04-03');
    expect(names(state, supervisor, now)).not.toContain('recordFeedback');
    expect(availableActions(state, officer, now)).toContainEqual({
      action: 'recordFeedback',
      targets: PROPOSERS.map((proposer) => ({ unitId: TRANSPORT, proposer })),
    });
  });

  it('offers proposer contact (沟通协商) to the handler, not to the reviewer or signer of the unit', () => {
    const state = single();
    const now = sh('2024-03-11');
    expect(names(state, handler(TRANSPORT), now)).toContain('recordContact');
    expect(names(state, reviewer(TRANSPORT), now)).not.toContain('recordContact');
    expect(names(state, signer(TRANSPORT), now)).not.toContain('recordContact');
  });

  it('offers marking as key proposal at registered, to the supervisor and the assigning officer', () => {
    const state = registeredProposal();
    expect(names(state, supervisor, REVIEWED_AT)).toContain('markKey');
    expect(names(state, officer, REVIEWED_AT)).toContain('markKey');
  });

  it('does not offer an extension of a deadline that has passed', () => {
    const state = single();
    const contact = state.deadlines[`contact:${TRANSPORT}`].dueAt as string;
    const keys = (now: string) =>
      availableActions(state, handler(TRANSPORT), now).flatMap((o) =>
        o.action === 'requestExtension' ? o.targets.map((t) => t.deadlineKey) : [],
      );
    expect(keys(contact)).toEqual([`contact:${TRANSPORT}`, `reply:${TRANSPORT}`]);
    expect(keys(justAfter(contact))).toEqual([`reply:${TRANSPORT}`]);
  });
});
