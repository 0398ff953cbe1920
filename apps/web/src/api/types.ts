/** Shapes the API answers with, by the names the screens use (generated: see ./generated). */
import type { Schemas } from './client';

export type Role = Schemas['Role'];
export type User = Schemas['UserResponse'];
export type InboxTask = Schemas['InboxTaskResponse'];
export type InboxPage = Schemas['InboxPageResponse'];
export type HeldBy = Schemas['HeldByResponse'];
export type SupervisedDeadline = Schemas['SupervisedDeadlineResponse'];
export type SupervisedDeadlinePage = Schemas['SupervisedDeadlinePageResponse'];
export type Unit = Schemas['UnitResponse'];
export type AdminUnit = Schemas['AdminUnitResponse'];
export type Person = Schemas['PersonResponse'];
export type CitySettings = Schemas['CitySettingsResponse'];
export type OrganisationImportReport = Schemas['OrganisationImportReportResponse'];
export type AdminEvent = Schemas['AdminEventResponse'];
export type CommitteeSession = Schemas['CommitteeSessionResponse'];
