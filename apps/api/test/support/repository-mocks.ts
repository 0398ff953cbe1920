import type {
  IAccountRepository,
  ICalendarOverrideRepository,
  IDatabaseProbe,
  IDirectoryRepository,
  ICommitteeSessionRepository,
  IDocumentNumberPoolRepository,
  IExternalIdentityRepository,
  IIdempotencyRepository,
  ILetterWordingRepository,
  INotificationDeliveryRepository,
  IOrganisationRepository,
  IProposalRepository,
  IProposalSearchRepository,
  IReplyLetterAssembler,
  IReplyLetterRepository,
  ISimilarReplyRepository,
  ISignInAttemptRepository,
  ISupervisionRepository,
  ITaskQueryRepository,
  IUserNotificationRepository,
} from '@banli/persistence';
import { WorkingDayCalendar } from '@banli/domain';

/*
 * Stubs of persistence's repository interfaces, for services' unit specs
 * (`sut = new XService(newTaskQueryRepositoryMock(), …)`). Every method is a jest.fn() that
 * answers nothing until a spec says what it answers.
 */

export const newProposalRepositoryMock = (): jest.Mocked<IProposalRepository> => ({
  findById: jest.fn(),
  projectedVersionOf: jest.fn(),
  isAccessibleTo: jest.fn(),
  deadlinesOf: jest.fn(),
  openTasksOf: jest.fn(),
  eventsOf: jest.fn(),
  displayNamesOf: jest.fn().mockResolvedValue({}),
  historyOf: jest.fn(),
});

export const newLetterWordingRepositoryMock = (): jest.Mocked<ILetterWordingRepository> => ({
  list: jest.fn(),
  set: jest.fn(),
  remove: jest.fn(),
});

export const newProposalSearchRepositoryMock = (): jest.Mocked<IProposalSearchRepository> => ({ search: jest.fn() });

export const newTaskQueryRepositoryMock = (): jest.Mocked<ITaskQueryRepository> => ({ inbox: jest.fn() });

/** Answers the official calendar (no overrides loaded) unless a spec says otherwise. */
export const newCalendarOverrideRepositoryMock = (): jest.Mocked<ICalendarOverrideRepository> => ({
  current: jest.fn().mockResolvedValue(WorkingDayCalendar.fromOverrides([])),
  load: jest.fn(),
  list: jest.fn().mockResolvedValue([]),
  report: jest.fn(),
});

export const newSupervisionRepositoryMock = (): jest.Mocked<ISupervisionRepository> => ({
  proposals: jest.fn(),
  deadlines: jest.fn(),
  statistics: jest.fn(),
});

export const newDirectoryRepositoryMock = (): jest.Mocked<IDirectoryRepository> => ({
  units: jest.fn(),
  userByUsername: jest.fn(),
  userById: jest.fn(),
  isEmpty: jest.fn(),
  load: jest.fn(),
});

export const newOrganisationRepositoryMock = (): jest.Mocked<IOrganisationRepository> => ({
  units: jest.fn(),
  createUnit: jest.fn(),
  updateUnit: jest.fn(),
  unitExists: jest.fn(),
  people: jest.fn(),
  personNames: jest.fn(),
  personByUsername: jest.fn(),
  createPerson: jest.fn(),
  updatePerson: jest.fn(),
  citySettings: jest.fn(),
  setCitySettings: jest.fn(),
  adminEvents: jest.fn(),
});

export const newExternalIdentityRepositoryMock = (): jest.Mocked<IExternalIdentityRepository> => ({
  userFor: jest.fn(),
  list: jest.fn(),
  link: jest.fn(),
  unlink: jest.fn(),
});

export const newAccountRepositoryMock = (): jest.Mocked<IAccountRepository> => ({
  revokeTokens: jest.fn(),
  changePassword: jest.fn(),
  resetPassword: jest.fn(),
  setDisabled: jest.fn(),
});

export const newSignInAttemptRepositoryMock = (): jest.Mocked<ISignInAttemptRepository> => ({
  count: jest.fn(),
  current: jest.fn(),
  clear: jest.fn(),
  purgeBefore: jest.fn(),
});

export const newDocumentNumberPoolRepositoryMock = (): jest.Mocked<IDocumentNumberPoolRepository> => ({
  list: jest.fn(),
  configure: jest.fn(),
  setIssuerCode: jest.fn(),
});

export const newCommitteeSessionRepositoryMock = (): jest.Mocked<ICommitteeSessionRepository> => ({
  list: jest.fn(),
  find: jest.fn(),
  load: jest.fn(),
  create: jest.fn(),
  update: jest.fn(),
  setStatus: jest.fn(),
});

export const newUserNotificationRepositoryMock = (): jest.Mocked<IUserNotificationRepository> => ({
  list: jest.fn(),
  markRead: jest.fn(),
  markAllRead: jest.fn(),
});

export const newNotificationDeliveryRepositoryMock = (): jest.Mocked<INotificationDeliveryRepository> => ({
  list: jest.fn(),
  get: jest.fn(),
  retry: jest.fn(),
});

export const newReplyLetterRepositoryMock = (): jest.Mocked<IReplyLetterRepository> => ({
  signedLetters: jest.fn(),
  letterFile: jest.fn(),
  publishedReplies: jest.fn(),
  publishedReply: jest.fn(),
});

export const newReplyLetterAssemblerMock = (): jest.Mocked<IReplyLetterAssembler> => ({
  assemble: jest.fn(),
  assembleSigned: jest.fn(),
  defaultCopyTo: jest.fn(),
  copyUnitsOfSigned: jest.fn(),
});

export const newIdempotencyRepositoryMock = (): jest.Mocked<IIdempotencyRepository> => ({
  claim: jest.fn(),
  settle: jest.fn(),
  forget: jest.fn(),
  purgeBefore: jest.fn(),
});

export const newDatabaseProbeMock = (): jest.Mocked<IDatabaseProbe> => ({ ping: jest.fn() });

export const newSimilarReplyRepositoryMock = (): jest.Mocked<ISimilarReplyRepository> => ({
  similarSignedReplies: jest.fn(),
});
