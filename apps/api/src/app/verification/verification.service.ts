import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProposalRecordVerification, ProposalRecordVerifier } from '@banli/persistence';

/** Verification of a proposal's record, for whoever may see the proposal. */
export class VerificationService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly verifier: ProposalRecordVerifier,
  ) {}

  async verify(user: AuthenticatedUser, proposalId: string): Promise<ProposalRecordVerification> {
    const proposal = await this.access.readable(user, proposalId);
    return this.verifier.verify(proposal.id, proposal.workflowId);
  }
}
