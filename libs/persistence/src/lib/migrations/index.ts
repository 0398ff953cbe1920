import { InitialSchemaPostgres1764140000000 } from './postgres/1764140000000-initial-schema';
import { HandlingReadModelPostgres1764150000000 } from './postgres/1764150000000-handling-read-model';
import { PeopleAndAccessPostgres1764160000000 } from './postgres/1764160000000-people-and-access';
import { ProposalSearchPostgres1764170000000 } from './postgres/1764170000000-proposal-search';
import { ReplyLetterPostgres1764180000000 } from './postgres/1764180000000-reply-letter';
import { ReplyLetterSqlite1764180000000 } from './sqlite/1764180000000-reply-letter';
import { AdminAuditPostgres1764190000000 } from './postgres/1764190000000-admin-audit';
import { AdminAuditSqlite1764190000000 } from './sqlite/1764190000000-admin-audit';
import { UserContactsPostgres1764200000000 } from './postgres/1764200000000-user-contacts';
import { UserContactsSqlite1764200000000 } from './sqlite/1764200000000-user-contacts';
import { NotificationDeliveryPostgres1764201000000 } from './postgres/1764201000000-notification-delivery';
import { NotificationDeliverySqlite1764201000000 } from './sqlite/1764201000000-notification-delivery';
import { OutboxWithoutProposalPostgres1764202000000 } from './postgres/1764202000000-outbox-without-proposal';
import { OutboxWithoutProposalSqlite1764202000000 } from './sqlite/1764202000000-outbox-without-proposal';
import { SupervisionReadModelPostgres1764210000000 } from './postgres/1764210000000-supervision-read-model';
import { SupervisionReadModelSqlite1764210000000 } from './sqlite/1764210000000-supervision-read-model';
import { HandlingStatePostgres1764220000000 } from './postgres/1764220000000-handling-state';
import { HandlingStateSqlite1764220000000 } from './sqlite/1764220000000-handling-state';
import { QuerySortKeysPostgres1764230000000 } from './postgres/1764230000000-query-sort-keys';
import { QuerySortKeysSqlite1764230000000 } from './sqlite/1764230000000-query-sort-keys';
import { SupervisionFiguresPostgres1764404000000 } from './postgres/1764404000000-supervision-figures';
import { SupervisionFiguresSqlite1764404000000 } from './sqlite/1764404000000-supervision-figures';
import { FindIndexesPostgres1764440000000 } from './postgres/1764440000000-find-indexes';
import { FindIndexesSqlite1764440000000 } from './sqlite/1764440000000-find-indexes';
import { OrganisationAdminPostgres1764310000000 } from './postgres/1764310000000-organisation-admin';
import { OrganisationAdminSqlite1764310000000 } from './sqlite/1764310000000-organisation-admin';
import { ExternalIdentityPostgres1764340000000 } from './postgres/1764340000000-external-identity';
import { ExternalIdentitySqlite1764340000000 } from './sqlite/1764340000000-external-identity';
import { LetterWordingPostgres1764400000000 } from './postgres/1764400000000-letter-wording';
import { LetterWordingSqlite1764400000000 } from './sqlite/1764400000000-letter-wording';
import { AccountsPostgres1764300000000 } from './postgres/1764300000000-accounts';
import { AccountsSqlite1764300000000 } from './sqlite/1764300000000-accounts';
import { CalendarVersionsPostgres1764320000000 } from './postgres/1764320000000-calendar-versions';
import { CalendarVersionsSqlite1764320000000 } from './sqlite/1764320000000-calendar-versions';
import { CommitteeSessionsPostgres1764330000000 } from './postgres/1764330000000-committee-sessions';
import { CommitteeSessionsSqlite1764330000000 } from './sqlite/1764330000000-committee-sessions';
import { SupervisionDocumentsPostgres1764420000000 } from './postgres/1764420000000-supervision-documents';
import { SupervisionDocumentsSqlite1764420000000 } from './sqlite/1764420000000-supervision-documents';
import { AuditChainPostgres1764450000000 } from './postgres/1764450000000-audit-chain';
import { AuditChainSqlite1764450000000 } from './sqlite/1764450000000-audit-chain';
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
  UserContactsPostgres1764200000000,
  NotificationDeliveryPostgres1764201000000,
  OutboxWithoutProposalPostgres1764202000000,
  SupervisionReadModelPostgres1764210000000,
  HandlingStatePostgres1764220000000,
  QuerySortKeysPostgres1764230000000,
  AccountsPostgres1764300000000,
  OrganisationAdminPostgres1764310000000,
  CalendarVersionsPostgres1764320000000,
  CommitteeSessionsPostgres1764330000000,
  ExternalIdentityPostgres1764340000000,
  LetterWordingPostgres1764400000000,
  SupervisionFiguresPostgres1764404000000,
  SupervisionDocumentsPostgres1764420000000,
  FindIndexesPostgres1764440000000,
  AuditChainPostgres1764450000000,
];
export const SQLITE_MIGRATIONS = [
  InitialSchemaSqlite1764140000000,
  HandlingReadModelSqlite1764150000000,
  PeopleAndAccessSqlite1764160000000,
  ProposalSearchSqlite1764170000000,
  ReplyLetterSqlite1764180000000,
  AdminAuditSqlite1764190000000,
  UserContactsSqlite1764200000000,
  NotificationDeliverySqlite1764201000000,
  OutboxWithoutProposalSqlite1764202000000,
  SupervisionReadModelSqlite1764210000000,
  HandlingStateSqlite1764220000000,
  QuerySortKeysSqlite1764230000000,
  AccountsSqlite1764300000000,
  OrganisationAdminSqlite1764310000000,
  CalendarVersionsSqlite1764320000000,
  CommitteeSessionsSqlite1764330000000,
  ExternalIdentitySqlite1764340000000,
  LetterWordingSqlite1764400000000,
  SupervisionFiguresSqlite1764404000000,
  SupervisionDocumentsSqlite1764420000000,
  FindIndexesSqlite1764440000000,
  AuditChainSqlite1764450000000,
];
