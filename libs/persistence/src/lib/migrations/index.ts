import { InitialSchemaPostgres1764140000000 } from './postgres/1764140000000-initial-schema';
import { HandlingReadModelPostgres1764150000000 } from './postgres/1764150000000-handling-read-model';
import { PeopleAndAccessPostgres1764160000000 } from './postgres/1764160000000-people-and-access';
import { ProposalSearchPostgres1764170000000 } from './postgres/1764170000000-proposal-search';
import { ReplyLetterPostgres1764180000000 } from './postgres/1764180000000-reply-letter';
import { ReplyLetterSqlite1764180000000 } from './sqlite/1764180000000-reply-letter';
import { AdminAuditPostgres1764190000000 } from './postgres/1764190000000-admin-audit';
import { AdminAuditSqlite1764190000000 } from './sqlite/1764190000000-admin-audit';
import { SupervisionReadModelPostgres1764210000000 } from './postgres/1764210000000-supervision-read-model';
import { SupervisionReadModelSqlite1764210000000 } from './sqlite/1764210000000-supervision-read-model';
import { InitialSchemaSqlite1764140000000 } from './sqlite/1764140000000-initial-schema';
import { HandlingReadModelSqlite1764150000000 } from './sqlite/1764150000000-handling-read-model';
import { PeopleAndAccessSqlite1764160000000 } from './sqlite/1764160000000-people-and-access';
import { ProposalSearchSqlite1764170000000 } from './sqlite/1764170000000-proposal-search';

/**
 * Listed explicitly (no globs), in order, so compiled and TypeScript code, Jest and the
 * production images all run exactly the same migrations. Each schema change adds one file
 * per dialect; a migration that has shipped is never edited.
 */

export const POSTGRES_MIGRATIONS = [
  InitialSchemaPostgres1764140000000,
  HandlingReadModelPostgres1764150000000,
  PeopleAndAccessPostgres1764160000000,
  ProposalSearchPostgres1764170000000,
  ReplyLetterPostgres1764180000000,
  AdminAuditPostgres1764190000000,
  SupervisionReadModelPostgres1764210000000,
];
export const SQLITE_MIGRATIONS = [
  InitialSchemaSqlite1764140000000,
  HandlingReadModelSqlite1764150000000,
  PeopleAndAccessSqlite1764160000000,
  ProposalSearchSqlite1764170000000,
  ReplyLetterSqlite1764180000000,
  AdminAuditSqlite1764190000000,
  SupervisionReadModelSqlite1764210000000,
];
