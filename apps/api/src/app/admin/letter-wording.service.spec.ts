import { DomainError } from '@banli/domain';
import { DEFAULT_LETTER_WORDING } from '@banli/letters';
import { newLetterWordingRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LetterWordingService } from './letter-wording.service';

const ADMIN: AuthenticatedUser = {
  userId: 'admin',
  username: 'admin',
  displayName: '系统管理员',
  unitId: 'gov-office',
  roles: ['admin'],
};

describe('LetterWordingService: the wording of reply letters, as an admin keeps it', () => {
  let repo: ReturnType<typeof newLetterWordingRepositoryMock>;
  let sut: LetterWordingService;

  beforeEach(() => {
    repo = newLetterWordingRepositoryMock();
    sut = new LetterWordingService(repo);
  });

  it('stores a unit wording once checked, and answers it with its scope', async () => {
    const wording = { ...DEFAULT_LETTER_WORDING, addressOne: '你们', addressMany: '你们' };
    repo.set.mockResolvedValue({
      scope: { kind: 'unit', unitId: 'transport' },
      wording,
      updatedAt: '2026-12-04T10:00:00.000Z',
      updatedBy: 'admin',
    });
    const stored = await sut.set(ADMIN, { kind: 'unit', unitId: 'transport' }, wording);
    expect(repo.set).toHaveBeenCalledWith(ADMIN, { kind: 'unit', unitId: 'transport' }, wording);
    expect(stored).toMatchObject({ scope: 'unit', unitId: 'transport', wording });
  });

  it('refuses an unknown placeholder before anything is stored', async () => {
    const error = await sut
      .set(ADMIN, { kind: 'city' }, { ...DEFAULT_LETTER_WORDING, closing: '感谢{leader}。' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toEqual([expect.objectContaining({ field: 'closing' })]);
    expect(repo.set).not.toHaveBeenCalled();
  });

  it('lists the placeholders with the stored wordings', async () => {
    repo.list.mockResolvedValue({ defaultWording: DEFAULT_LETTER_WORDING, units: [] });
    const list = await sut.list();
    expect(list.city).toBeUndefined();
    expect(list.placeholders.map((p) => p.name)).toContain('consultedUnits');
  });
});
