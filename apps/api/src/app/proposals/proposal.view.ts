import type { Proposer, ProposalKind, ProposalStage, SuggestionPoint } from '@banli/domain';

/** A proposal as the API returns it, read from the read model. */
export interface ProposalView {
  id: string;
  workflowId: string;
  kind: ProposalKind;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  body: string;
  proposers: Proposer[];
  suggestionPoints: SuggestionPoint[];
  stage: ProposalStage;
  receivedAt: string;
  updatedAt: string;
}
