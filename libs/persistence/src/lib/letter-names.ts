import type { DataSource, EntityManager } from 'typeorm';
import type { LetterWording } from '@banli/letters';
import { readCitySettings } from './city-settings';
import { effectiveLetterWording } from './letter-wording.repository';
import { execSql } from './sql';

/**
 * The names a reply letter prints, as of one moment: stored with the signature
 * (reply_signature.letter_names) so a signed letter keeps the names it was signed with,
 * and read anew for drafts and previews, which show today's names.
 */
export interface LetterNames {
  /** The issuing unit's full name (issuer line, title, signature). */
  issuerName: string;
  /** Short names of the units with a part in the proposal (会同…), by unit id. */
  shortNames: Record<string, string>;
  /** The assigning office's short name, first on the default copy list. */
  governmentOfficeName?: string;
  /** Who registered the proposal, second on the default copy list. */
  committeeName?: string;
  /** The city's own copy list, when it set one. */
  copyTo?: string[];
  /**
   * The issuer's wording (its own, else the city's, else the default). Signatures stored
   * before wording templates existed have none: their letters keep the default wording.
   */
  wording?: LetterWording;
}

/** The letter's names as they are now (in `on`'s transaction when it is one). */
export async function currentLetterNames(
  on: DataSource | EntityManager,
  proposalId: string,
  unitId: string,
): Promise<LetterNames> {
  // One read of the units the letter can name: the issuer, the units with a part in the
  // proposal, and the offices of the two kinds on the copy list.
  const units = await execSql(
    on,
    `SELECT "id", "name", COALESCE("short_name", "name") AS "short_name", "kind", "enabled", "sort_order"
     FROM "org_unit"
     WHERE "id" = :unitId OR "kind" IN ('assigning-office', 'proposal-committee')
        OR "id" IN (SELECT "unit_id" FROM "proposal_access" WHERE "proposal_id" = :proposalId)`,
    { proposalId, unitId },
  );
  const shortNames: Record<string, string> = {};
  let issuerName = unitId;
  for (const u of units.rows) {
    shortNames[String(u['id'])] = String(u['short_name']);
    if (u['id'] === unitId) issuerName = String(u['name']);
  }
  /** The short name of the first unit of a kind: enabled ones first, then by order and id. */
  const shortNameOfKind = (unitKind: string): string | undefined =>
    units.rows
      .filter((u) => u['kind'] === unitKind)
      .sort(
        (a, b) =>
          Number(b['enabled']) - Number(a['enabled']) ||
          Number(a['sort_order']) - Number(b['sort_order']) ||
          (String(a['id']) < String(b['id']) ? -1 : 1),
      )
      .map((u) => String(u['short_name']))[0];
  const kind = (await execSql(on, `SELECT "kind" FROM "proposal" WHERE "id" = :proposalId`, { proposalId })).rows[0]?.[
    'kind'
  ];
  const settings = await readCitySettings(on);
  const committee = kind === 'suggestion' ? settings.committeeNames.suggestion : settings.committeeNames.proposal;
  const governmentOfficeName = shortNameOfKind('assigning-office');
  const committeeName = committee || shortNameOfKind('proposal-committee');
  return {
    issuerName,
    shortNames,
    ...(governmentOfficeName ? { governmentOfficeName } : {}),
    ...(committeeName ? { committeeName } : {}),
    ...(settings.copyTo.length > 0 ? { copyTo: settings.copyTo } : {}),
    wording: await effectiveLetterWording(on, unitId),
  };
}
