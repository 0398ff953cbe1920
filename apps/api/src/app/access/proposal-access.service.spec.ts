import { DomainError } from '@banli/domain';
import type { ProposalEntity } from '@banli/persistence';
import { newProposalRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProposalAccessService } from './proposal-access.service';

const user = (unitId: string, ...roles: AuthenticatedUser['roles']): AuthenticatedUser => ({
  userId: `${unitId}-user`,
  username: `${unitId}-user`,
  displayName: unitId,
  unitId,
  roles,
});

const PROPOSAL = { id: '8-2_20230117', leadUnitId: 'education' } as ProposalEntity;

describe('ProposalAccessService: who may see a proposal', () => {
  let proposals: ReturnType<typeof newProposalRepositoryMock>;
  let sut: ProposalAccessService;

  beforeEach(() => {
    proposals = newProposalRepositoryMock();
    proposals.findById.mockResolvedValue(PROPOSAL);
    proposals.isAccessibleTo.mockResolvedValue(false);
    sut = new ProposalAccessService(proposals);
  });

  it.each(['registrar', 'assigning-officer', 'supervisor', 'admin'] as const)(
    'a %s sees every proposal',
    async (role) => {
      await expect(sut.readable(user('committee', role), PROPOSAL.id)).resolves.toBe(PROPOSAL);
      expect(proposals.isAccessibleTo).not.toHaveBeenCalled();
    },
  );

  it('a unit sees a proposal it is or was assigned to', async () => {
    proposals.isAccessibleTo.mockResolvedValue(true);
    await expect(sut.readable(user('education', 'handler'), PROPOSAL.id)).resolves.toBe(PROPOSAL);
    expect(proposals.isAccessibleTo).toHaveBeenCalledWith(PROPOSAL.id, 'education');
  });

  it("another unit's proposal answers as if it did not exist", async () => {
    await expect(sut.readable(user('industry-it', 'handler'), PROPOSAL.id)).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('a proposal that does not exist is not found, whoever asks', async () => {
    proposals.findById.mockResolvedValue(null);
    await expect(sut.readable(user('committee', 'supervisor'), PROPOSAL.id)).rejects.toBeInstanceOf(DomainError);
  });

  it('an id that cannot be a proposal id is not even looked up', async () => {
    await expect(sut.readable(user('committee', 'supervisor'), '../etc/passwd')).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
    expect(proposals.findById).not.toHaveBeenCalled();
  });
});
