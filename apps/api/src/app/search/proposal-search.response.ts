import { ApiProperty } from '@nestjs/swagger';
import { PROPOSAL_STAGES } from '@banli/domain';
import type { ProposalKind, ProposalStage } from '@banli/domain';
import { ProposerResponse } from '../proposals/proposal.response';
import type { ProposalListItem, ProposalListPage } from './proposal-search.service';

/** A proposal as a list shows it: no body, no deadlines. */
export class ProposalSummaryResponse implements ProposalListItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['proposal', 'suggestion'], enumName: 'ProposalKind' }) kind!: ProposalKind;
  @ApiProperty() sessionCode!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ProposerResponse] }) proposers!: ProposerResponse[];
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage' }) stage!: ProposalStage;
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: [String] }) assignedUnitIds!: string[];
  @ApiProperty() keyProposal!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt!: string | null;
  @ApiProperty({
    description: "The next due date is provisional: its year's official holiday notice is not loaded",
  })
  nextDueProvisional!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class ProposalSearchPageResponse implements ProposalListPage {
  @ApiProperty({ type: [ProposalSummaryResponse] }) items!: ProposalSummaryResponse[];
  @ApiProperty({ type: 'integer', description: 'Matching rows, counted up to 1,000' }) total!: number;
  @ApiProperty({ description: 'Counting stopped at 1,000: more rows match than `total`' }) totalCapped!: boolean;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}
