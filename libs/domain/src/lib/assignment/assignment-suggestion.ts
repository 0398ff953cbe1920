/**
 * 交办建议: the units a proposal is likely to go to, from how the most similar proposals
 * already assigned were assigned. A suggestion only: the officer confirms or changes it, and
 * the assignment is checked as any other.
 */

/** A proposal already assigned, among the most similar to the one being assigned (most similar first). */
export interface SimilarAssignment {
  proposalId: string;
  number: string;
  title: string;
  sessionName: string;
  /** The lead unit (主办), when assigned with one. */
  leadUnitId: string | null;
  /** Every unit assigned, the lead included. */
  assignedUnitIds: string[];
}

export interface AssignmentSuggestion {
  /** `single` when the similar proposals went to one unit alone, `lead` with co-handlers. */
  mode: 'single' | 'lead';
  leadUnitId: string;
  coHandlerUnitIds: string[];
  /** The lead's share of the weighted votes of the similar proposals (0–1): how clear the precedent is. */
  agreement: number;
  /** The similar proposals it rests on, most similar first. */
  basis: SimilarAssignment[];
}

/** An assigned proposal found by the full-text index, with its index terms. */
export interface AssignedCandidate extends SimilarAssignment {
  searchTerms: string[];
}

/**
 * The words every proposal's title is made of (关于…的提案/建议): sharing them says nothing
 * about the subject. Bigrams, as searchTerms makes them.
 */
export const FORMULAIC_TERMS: ReadonlySet<string> = new Set(['关于', '的提', '提案', '的建', '建议', '议案', '案的']);

/** A candidate is a precedent when it shares at least this many terms with the proposal beyond the formulaic ones. */
export const MIN_SHARED_TERMS = 2;

/**
 * The candidates (most similar first) that share at least MIN_SHARED_TERMS of `terms` beyond
 * FORMULAIC_TERMS: the full-text index ranks any proposal sharing any term, so one that shares
 * only 关于 and 提案 would otherwise count as a precedent.
 */
export function precedentsAmong(terms: string[], candidates: AssignedCandidate[]): SimilarAssignment[] {
  const wanted = new Set(terms.filter((t) => !FORMULAIC_TERMS.has(t)));
  return candidates
    .filter((c) => c.searchTerms.filter((t) => wanted.has(t)).length >= MIN_SHARED_TERMS)
    .map(({ searchTerms: _terms, ...precedent }) => precedent);
}

/** At most this many co-handlers are suggested. */
export const SUGGESTED_CO_HANDLERS_MAX = 4;
/** A co-handler is suggested when it co-handled proposals of at least this share of the lead's weight, and more than one. */
export const CO_HANDLER_SHARE = 0.3;

/**
 * The suggestion from `similar` (most similar first; the i-th counts 1/(i+1)): the unit that
 * led (or alone handled) the most weight, and the units that co-handled beside that lead in at
 * least two of those proposals and in at least CO_HANDLER_SHARE of its weight. Units not in
 * `assignable` (disabled, or not handling units) are never suggested. Null when no similar
 * proposal names an assignable unit.
 */
export function suggestAssignment(
  similar: SimilarAssignment[],
  assignable: ReadonlySet<string>,
): AssignmentSuggestion | null {
  const weight = (i: number) => 1 / (i + 1);
  const leadVotes = new Map<string, number>();
  let total = 0;
  similar.forEach((p, i) => {
    const lead = leadOf(p);
    if (!lead || !assignable.has(lead)) return;
    leadVotes.set(lead, (leadVotes.get(lead) ?? 0) + weight(i));
    total += weight(i);
  });
  const ranked = [...leadVotes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0];
  if (!top) return null;
  const [leadUnitId, leadWeight] = top;

  const co = new Map<string, { weight: number; count: number }>();
  similar.forEach((p, i) => {
    if (leadOf(p) !== leadUnitId) return;
    for (const u of p.assignedUnitIds) {
      if (u === leadUnitId || !assignable.has(u)) continue;
      const v = co.get(u) ?? { weight: 0, count: 0 };
      co.set(u, { weight: v.weight + weight(i), count: v.count + 1 });
    }
  });
  const coHandlerUnitIds = [...co]
    .filter(([, v]) => v.count >= 2 && v.weight >= CO_HANDLER_SHARE * leadWeight)
    .sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    .slice(0, SUGGESTED_CO_HANDLERS_MAX)
    .map(([u]) => u);

  return {
    mode: coHandlerUnitIds.length > 0 ? 'lead' : 'single',
    leadUnitId,
    coHandlerUnitIds,
    agreement: Math.round((leadWeight / total) * 100) / 100,
    basis: similar.filter((p) => leadOf(p) === leadUnitId),
  };
}

/** The unit that answered for the proposal: its lead, or the one unit it went to alone. */
function leadOf(p: SimilarAssignment): string | null {
  if (p.leadUnitId) return p.leadUnitId;
  return p.assignedUnitIds.length === 1 ? (p.assignedUnitIds[0] ?? null) : null;
}
