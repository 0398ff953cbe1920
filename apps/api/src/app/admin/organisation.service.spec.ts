import { newOrganisationRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OrganisationService } from './organisation.service';

const ADMIN: AuthenticatedUser = {
  userId: 'admin',
  username: 'admin',
  displayName: '系统管理员',
  unitId: 'gov-office',
  roles: ['admin'],
};

const UNIT = {
  id: 'transport',
  name: 'X市交通运输局',
  shortName: '市交通局',
  kind: 'bureau',
  issuerCode: 'X交函',
  sortOrder: 0,
  enabled: true,
  openTasks: 0,
  people: 0,
};

const PERSON = {
  id: 'zhang.wei',
  username: 'zhang.wei',
  displayName: '张伟',
  unitId: 'transport',
  roles: ['handler'],
  enabled: true,
};

describe('OrganisationService: units, people and the city, as an admin keeps them', () => {
  let repo: ReturnType<typeof newOrganisationRepositoryMock>;
  let sut: OrganisationService;

  beforeEach(() => {
    repo = newOrganisationRepositoryMock();
    sut = new OrganisationService(repo, async (p) => `hashed:${p}`);
  });

  it('creates a unit; without a short name of its own, letters use its full name', async () => {
    repo.createUnit.mockResolvedValue(UNIT);
    await sut.createUnit(ADMIN, 'transport', { name: ' X市交通运输局 ', kind: 'bureau' });
    expect(repo.createUnit).toHaveBeenCalledWith(
      ADMIN,
      'transport',
      { name: 'X市交通运输局', shortName: null, kind: 'bureau', issuerCode: null, sortOrder: 0, enabled: true },
      undefined,
    );
  });

  it.each([
    ['an id with capitals', 'Transport', { name: 'X市交通运输局', kind: 'bureau' }, 'id'],
    ['a kind that is none of the four', 'transport', { name: 'X市交通运输局', kind: 'department' }, 'kind'],
    ['a blank name', 'transport', { name: '  ', kind: 'bureau' }, 'name'],
    [
      'a two-line short name',
      'transport',
      { name: 'X市交通运输局', shortName: '市\n交通局', kind: 'bureau' },
      'shortName',
    ],
    [
      'an issuer code with brackets',
      'transport',
      { name: 'X市交通运输局', kind: 'bureau', issuerCode: 'X交〔' },
      'issuerCode',
    ],
    ['a negative order', 'transport', { name: 'X市交通运输局', kind: 'bureau', sortOrder: -1 }, 'sortOrder'],
  ])('refuses a unit with %s (422, nothing written)', async (_what, id, input, field) => {
    await expect(sut.createUnit(ADMIN, id, input)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(repo.createUnit).not.toHaveBeenCalled();
  });

  it('passes only the fields a change names', async () => {
    repo.updateUnit.mockResolvedValue({ ...UNIT, name: 'X市交通运输委员会' });
    await sut.updateUnit(ADMIN, 'transport', { name: 'X市交通运输委员会' });
    expect(repo.updateUnit).toHaveBeenCalledWith(ADMIN, 'transport', { name: 'X市交通运输委员会' }, undefined);
  });

  it("creates a person with a hashed initial password, never the password's text", async () => {
    repo.createPerson.mockResolvedValue(PERSON);
    await sut.createPerson(ADMIN, 'zhang.wei', 'long-enough', {
      displayName: '张伟',
      unitId: 'transport',
      roles: ['handler'],
    });
    expect(repo.createPerson).toHaveBeenCalledWith(
      ADMIN,
      {
        username: 'zhang.wei',
        displayName: '张伟',
        unitId: 'transport',
        roles: ['handler'],
        passwordHash: 'hashed:long-enough',
      },
      undefined,
    );
  });

  it.each([
    [
      'a short password',
      'zhang.wei',
      'short',
      { displayName: '张伟', unitId: 'transport', roles: ['handler'] },
      'password',
    ],
    [
      'an unknown role',
      'zhang.wei',
      'long-enough',
      { displayName: '张伟', unitId: 'transport', roles: ['boss'] },
      'roles[0]',
    ],
    ['no role', 'zhang.wei', 'long-enough', { displayName: '张伟', unitId: 'transport', roles: [] }, 'roles'],
    [
      'a username with a space',
      'zhang wei',
      'long-enough',
      { displayName: '张伟', unitId: 'transport', roles: ['handler'] },
      'username',
    ],
    ['no display name', 'zhang.wei', 'long-enough', { unitId: 'transport', roles: ['handler'] }, 'displayName'],
  ])('refuses a person with %s (422, nothing written)', async (_what, username, password, input, field) => {
    await expect(sut.createPerson(ADMIN, username, password, input)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(repo.createPerson).not.toHaveBeenCalled();
  });

  it('refuses city settings with a blank government name', async () => {
    await expect(
      sut.setCitySettings(ADMIN, { governmentName: ' ', committeeNames: { proposal: '', suggestion: '' }, copyTo: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(repo.setCitySettings).not.toHaveBeenCalled();
  });

  describe('import', () => {
    it('creates new rows, updates existing ones, and reports each row, a failed one with its error', async () => {
      repo.unitExists.mockImplementation(async (id) => id === 'transport');
      repo.units.mockResolvedValue([UNIT]);
      repo.updateUnit.mockResolvedValue({ ...UNIT, shortName: '交通局' });
      repo.createUnit.mockResolvedValue({ ...UNIT, id: 'water' });
      repo.personByUsername.mockResolvedValue(null);
      repo.createPerson.mockResolvedValue(PERSON);
      const report = await sut.importOrganisation(ADMIN, [
        { row: 1, type: 'unit', data: { id: 'transport', shortName: '交通局' } },
        { row: 2, type: 'unit', data: { id: 'water', name: 'X市水利局', kind: 'bureau' } },
        { row: 3, type: 'unit', data: { id: 'bad', name: 'X市坏局', kind: 'nonsense' } },
        {
          row: 4,
          type: 'person',
          data: {
            username: 'zhang.wei',
            displayName: '张伟',
            unitId: 'transport',
            roles: ['handler'],
            password: 'long-enough',
          },
        },
        {
          row: 5,
          type: 'person',
          data: { username: 'li.na', displayName: '李娜', unitId: 'transport', roles: ['handler'] },
        },
        { row: 6, type: 'unknown', data: {} },
        { row: 7, type: 'unit', data: { id: 'typo', name: 'X市错局', kind: 'bureau', shortname: '错' } },
      ]);
      expect(report).toMatchObject({ total: 7, created: 2, updated: 1, unchanged: 0, failed: 4 });
      expect(report.rows.map((r) => [r.row, r.status, r.error?.code ?? null])).toEqual([
        [1, 'updated', null],
        [2, 'created', null],
        [3, 'failed', 'VALIDATION_FAILED'],
        [4, 'created', null],
        [5, 'failed', 'VALIDATION_FAILED'],
        [6, 'failed', 'VALIDATION_FAILED'],
        [7, 'failed', 'VALIDATION_FAILED'],
      ]);
      expect(repo.updateUnit).toHaveBeenCalledWith(ADMIN, 'transport', { shortName: '交通局' }, 'import');
    });

    it('stops on an outage instead of reporting it as a failed row', async () => {
      repo.units.mockResolvedValue([]);
      repo.unitExists.mockRejectedValue(new Error('connection refused'));
      await expect(
        sut.importOrganisation(ADMIN, [
          { row: 1, type: 'unit', data: { id: 'water', name: 'X市水利局', kind: 'bureau' } },
        ]),
      ).rejects.toThrow('connection refused');
    });
  });
});
