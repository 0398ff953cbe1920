import { ASSIGNABLE_UNIT_KINDS, DomainError, ErrorDetail, HandlingActionName, namedReferences } from '@banli/domain';
import type { IDirectoryRepository, IProposalRepository } from '@banli/persistence';

/** Stages after which a proposal cannot take others merged into it (it went elsewhere itself). */
const GONE_ELSEWHERE = new Set(['merged', 'converted']);

/**
 * Checks what an action's input names outside the proposal (the domain's NAMED_REFERENCES):
 * every unit given work exists, is enabled and is a bureau, a proposal merged into exists and is not
 * itself merged or converted. Refused with 422 VALIDATION_FAILED, a detail per bad field,
 * before the workflow is asked, so nothing is assigned to nobody.
 */
export class NamedReferencesChecker {
  constructor(
    private readonly directory: Pick<IDirectoryRepository, 'units'>,
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
}
