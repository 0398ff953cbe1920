import type { DataSource, EntityManager } from 'typeorm';
import { readCitySettings } from './city-settings';
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
}

/** The letter's names as they are now (in `on`'s transaction when it is one). */
export async function currentLetterNames(
  on: DataSource | EntityManager,
  proposalId: string,
  unitId: string,
): Promise<LetterNames> {
  const units = await execSql(
    on,
    `SELECT "id", "name", COALESCE("short_name", "name") AS "short_name" FROM "org_unit"
     WHERE "id" = :unitId OR "id" IN (SELECT "unit_id" FROM "proposal_access" WHERE "proposal_id" = :proposalId)`,
    { proposalId, unitId },
  );
  const shortNames: Record<string, string> = {};
  let issuerName = unitId;
  for (const u of units.rows) {
    shortNames[String(u['id'])] = String(u['short_name']);
    if (u['id'] === unitId) issuerName = String(u['name']);
  }
  const kind = (await execSql(on, `SELECT "kind" FROM "proposal" WHERE "id" = :proposalId`, { proposalId })).rows[0]?.[
    'kind'
  ];
  const settings = await readCitySettings(on);
  const shortNameOfKind = async (unitKind: string) =>
    (
      await execSql(
        on,
        `SELECT COALESCE("short_name", "name") AS "short_name" FROM "org_unit" WHERE "kind" = :unitKind ORDER BY "enabled" DESC, "sort_order", "id" LIMIT 1`,
        { unitKind },
      )
    ).rows[0]?.['short_name'] as string | undefined;
  const committee = kind === 'suggestion' ? settings.committeeNames.suggestion : settings.committeeNames.proposal;
  const governmentOfficeName = await shortNameOfKind('assigning-office');
  const committeeName = committee || (await shortNameOfKind('proposal-committee'));
  return {
    issuerName,
    shortNames,
    ...(governmentOfficeName ? { governmentOfficeName } : {}),
    ...(committeeName ? { committeeName } : {}),
    ...(settings.copyTo.length > 0 ? { copyTo: settings.copyTo } : {}),
  };
}
