import { ASSIGNABLE_UNIT_KINDS, DomainError, ErrorDetail, HandlingActionName, namedReferences } from '@banli/domain';
import type { IDirectoryRepository, IProposalRepository } from '@banli/persistence';

/** Stages after which a proposal cannot take others merged into it (it went elsewhere itself). */
const GONE_ELSEWHERE = new Set(['merged', 'converted']);

/**
 * Checks what an action's input names outside the proposal (the domain's NAMED_REFERENCES):
 * every unit given work exists, is enabled and is a bureau, a proposal merged into exists and is not
 * itself merged or converted, a user linked (a key proposal's leader) exists, is enabled and
 * holds the role. Refused with 422 VALIDATION_FAILED, a detail per bad field, before the
 * workflow is asked, so nothing is assigned to nobody.
 */
export class NamedReferencesChecker {
  constructor(
    private readonly directory: Pick<IDirectoryRepository, 'units' | 'userById'>,
    private readonly proposals: Pick<IProposalRepository, 'findById'>,
  ) {}

  async check(action: HandlingActionName, proposalId: string, input: unknown): Promise<void> {
    const references = namedReferences(action, input);
    if (references.length === 0) return;
    const details: ErrorDetail[] = [];
    const units = references.some((r) => 'unitId' in r)
      ? new Map((await this.directory.units()).map((u) => [u.id, u]))
      : new Map<string, { name: string; kind: string; enabled: boolean }>();
    for (const r of references) {
      if ('unitId' in r) {
        const unit = units.get(r.unitId);
        if (!unit) details.push({ field: r.field, message: `No such unit: ${r.unitId}` });
        else if (!unit.enabled) {
          details.push({ field: r.field, message: `${unit.name} (${r.unitId}) is disabled: it takes no new work` });
        } else if (!ASSIGNABLE_UNIT_KINDS.includes(unit.kind)) {
          details.push({
            field: r.field,
            message: `${unit.name} (${r.unitId}) is not a bureau: only bureaus are given work`,
          });
        }
        continue;
      }
      if ('userId' in r) {
        const user = typeof r.userId === 'string' ? await this.directory.userById(r.userId) : null;
        if (!user) details.push({ field: r.field, message: `No such user: ${String(r.userId)}` });
        else if (user.disabled) details.push({ field: r.field, message: `${user.displayName} is disabled` });
        else if (!user.roles.includes(r.role)) {
          details.push({ field: r.field, message: `${user.displayName} does not hold the role ${r.role}` });
        }
        continue;
      }
      if (r.proposalId === proposalId) {
        details.push({ field: r.field, message: 'A proposal cannot be merged into itself' });
        continue;
      }
      const target = await this.proposals.findById(r.proposalId);
      if (!target) details.push({ field: r.field, message: `No such proposal: ${r.proposalId}` });
      else if (GONE_ELSEWHERE.has(target.stage)) {
        details.push({ field: r.field, message: `Proposal ${r.proposalId} was itself ${target.stage}` });
      }
    }
    if (details.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The action names what does not exist or cannot take it', details);
    }
  }

  /**
   * The input as the workflow gets it: a key proposal's leaders who are users are named in
   * `leaders` too (by their display names, after the names given), so every screen and the
   * letter show them. Call after `check`.
   */
  async resolved(action: HandlingActionName, input: object): Promise<object> {
    const i = input as { leaders?: unknown; leaderUserIds?: unknown };
    if (action !== 'markKey' || !Array.isArray(i.leaderUserIds) || i.leaderUserIds.length === 0) return input;
    const names = Array.isArray(i.leaders) ? [...(i.leaders as string[])] : [];
    for (const id of i.leaderUserIds as string[]) {
      const user = await this.directory.userById(id);
      if (user && !names.includes(user.displayName)) names.push(user.displayName);
    }
    return { ...input, leaders: names };
  }
}
