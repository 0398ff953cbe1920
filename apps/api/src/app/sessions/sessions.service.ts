import { CommitteeSession, CommitteeSessionFields, committeeSessionProblems, DomainError } from '@banli/domain';
import type { ICommitteeSessionRepository } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { CommitteeSessionFieldsDto } from './session.dto';

/** The committee's sessions: listed for everyone, managed by admins (every change audited). */
export class SessionsService {
  constructor(private readonly sessions: ICommitteeSessionRepository) {}

  list(): Promise<CommitteeSession[]> {
    return this.sessions.list();
  }

  async create(user: AuthenticatedUser, code: string, dto: CommitteeSessionFieldsDto): Promise<CommitteeSession> {
    const fields = checked(code, dto);
    return this.sessions.create(user, code, fields);
  }

  async update(user: AuthenticatedUser, code: string, dto: CommitteeSessionFieldsDto): Promise<CommitteeSession> {
    const fields = checked(undefined, dto);
    return this.sessions.update(user, code, fields);
  }

  close(user: AuthenticatedUser, code: string): Promise<CommitteeSession> {
    return this.sessions.setStatus(user, code, 'closed');
  }

  reopen(user: AuthenticatedUser, code: string): Promise<CommitteeSession> {
    return this.sessions.setStatus(user, code, 'open');
  }
}

function checked(code: string | undefined, dto: CommitteeSessionFieldsDto): CommitteeSessionFields {
  const fields: CommitteeSessionFields = {
    name: dto.name.trim(),
    year: dto.year,
    term: dto.term ?? null,
    meeting: dto.meeting ?? null,
    startsOn: dto.startsOn ?? null,
    endsOn: dto.endsOn ?? null,
  };
  const problems = committeeSessionProblems(code, fields);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The session is invalid', problems);
  return fields;
}
