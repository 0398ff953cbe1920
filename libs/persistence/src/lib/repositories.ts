import type { DataSource } from 'typeorm';
import { AccountRepository, IAccountRepository } from './account.repository';
import { AssignmentSuggestionRepository, IAssignmentSuggestionRepository } from './assignment-suggestion.repository';
import { AuditRecordRepository, IAuditRecordRepository } from './audit-record.repository';
import { CalendarOverrideRepository, ICalendarOverrideRepository } from './calendar/calendar-version.repository';
import { CommitteeSessionRepository, ICommitteeSessionRepository } from './committee-session.repository';
import { DirectoryRepository, IDirectoryRepository } from './directory.repository';
import { DocumentNumberPoolRepository, IDocumentNumberPoolRepository } from './document-number-pool.repository';
import { ExternalIdentityRepository, IExternalIdentityRepository } from './external-identity.repository';
import { IdempotencyRepository, IIdempotencyRepository } from './idempotency.repository';
import { OperationsFiguresRepository } from './operations-figures.repository';
import { INotificationDeliveryRepository, NotificationDeliveryRepository } from './notification-delivery.repository';
import { IOrganisationRepository, OrganisationRepository } from './organisation.repository';
import { ILetterWordingRepository, LetterWordingRepository } from './letter-wording.repository';
import { IProposalRepository, ProposalQueryRepository } from './proposal-query.repository';
import { IProposalSearchRepository, ProposalSearchRepository } from './proposal-search.repository';
import { ReplyLetterAssembler } from './reply-letter-assembler';
import { IReplyLetterRepository, ReplyLetterRepository } from './reply-letter.repository';
import { ISimilarReplyRepository, SimilarReplyRepository } from './similar-reply.repository';
import { ISignInAttemptRepository, SignInAttemptRepository } from './sign-in-attempt.repository';
import { ISupervisionRepository, SupervisionRepository } from './supervision.repository';
import { ISupervisionDocumentRepository, SupervisionDocumentRepository } from './supervision-document.repository';
import { ITaskQueryRepository, TaskQueryRepository } from './task-query.repository';
import { IUserNotificationRepository, UserNotificationRepository } from './user-notification.repository';

/** Puts reply letters together from the read model (see ReplyLetterAssembler). */
export type IReplyLetterAssembler = Pick<
  ReplyLetterAssembler,
  'assemble' | 'assembleSigned' | 'defaultCopyTo' | 'copyUnitsOfSigned'
>;

/** Whether the database answers; for readiness checks. */
export interface IDatabaseProbe {
  ping(): Promise<void>;
}

/**
 * The read model as the API uses it: one repository per aggregate, each behind an interface
 * so a service's unit test can hand it plain stubs. Built once per DataSource.
 */
export interface Repositories {
  proposals: IProposalRepository;
  proposalSearch: IProposalSearchRepository;
  tasks: ITaskQueryRepository;
  calendars: ICalendarOverrideRepository;
  supervision: ISupervisionRepository;
  supervisionDocuments: ISupervisionDocumentRepository;
  directory: IDirectoryRepository;
  organisation: IOrganisationRepository;
  letterWording: ILetterWordingRepository;
  accounts: IAccountRepository;
  signInAttempts: ISignInAttemptRepository;
  documentNumberPools: IDocumentNumberPoolRepository;
  externalIdentities: IExternalIdentityRepository;
  sessions: ICommitteeSessionRepository;
  notifications: IUserNotificationRepository;
  notificationDeliveries: INotificationDeliveryRepository;
  replyLetters: IReplyLetterRepository;
  /** Verification's reading of a proposal's record (audit chain, letter files). */
  auditRecords: IAuditRecordRepository;
  similarReplies: ISimilarReplyRepository;
  /** The assigned proposals most like one: the assignment suggestion's precedents. */
  assignmentSuggestions: IAssignmentSuggestionRepository;
  letterAssembler: IReplyLetterAssembler;
  idempotency: IIdempotencyRepository;
  /** The business figures the metrics endpoint reports at each scrape. */
  operationsFigures: Pick<OperationsFiguresRepository, 'read'>;
  database: IDatabaseProbe;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    proposals: new ProposalQueryRepository(dataSource),
    proposalSearch: new ProposalSearchRepository(dataSource),
    tasks: new TaskQueryRepository(dataSource),
    calendars: new CalendarOverrideRepository(dataSource),
    supervision: new SupervisionRepository(dataSource),
    supervisionDocuments: new SupervisionDocumentRepository(dataSource),
    directory: new DirectoryRepository(dataSource),
    organisation: new OrganisationRepository(dataSource),
    letterWording: new LetterWordingRepository(dataSource),
    accounts: new AccountRepository(dataSource),
    signInAttempts: new SignInAttemptRepository(dataSource),
    documentNumberPools: new DocumentNumberPoolRepository(dataSource),
    externalIdentities: new ExternalIdentityRepository(dataSource),
    sessions: new CommitteeSessionRepository(dataSource),
    notifications: new UserNotificationRepository(dataSource),
    notificationDeliveries: new NotificationDeliveryRepository(dataSource),
    replyLetters: new ReplyLetterRepository(dataSource),
    auditRecords: new AuditRecordRepository(dataSource),
    similarReplies: new SimilarReplyRepository(dataSource),
    assignmentSuggestions: new AssignmentSuggestionRepository(dataSource),
    letterAssembler: new ReplyLetterAssembler(dataSource),
    idempotency: new IdempotencyRepository(dataSource),
    operationsFigures: new OperationsFiguresRepository(dataSource),
    database: { ping: () => pingDatabase(dataSource) },
  };
}

/** Resolves when the database answered a trivial query; rejects when it did not. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
