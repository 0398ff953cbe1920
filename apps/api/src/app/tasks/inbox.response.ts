import { ApiProperty } from '@nestjs/swagger';
import { PROPOSAL_STAGES, TASK_KINDS } from '@banli/domain';
import { DueStatusResponse } from '../common/due-status.response';

export class InboxProposalResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage' }) stage!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() keyProposal!: boolean;
}

export class InboxTaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) deadlineKey!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) round!: number | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: InboxProposalResponse }) proposal!: InboxProposalResponse;
  @ApiProperty({
    type: DueStatusResponse,
    description: 'How the task stands; a closed task is done (with when), never "days left"',
  })
  due!: DueStatusResponse;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysLeft' })
  workingDaysLeft!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysOverdue' })
  workingDaysOverdue!: number | null;
}

export class InboxCountsResponse {
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer', description: 'Open, not overdue, and due soon by the deployment threshold' })
  dueSoon!: number;
  @ApiProperty({ description: 'Counting stopped at 1,000: there are more open tasks than `open`' })
  openCapped!: boolean;
  @ApiProperty({ description: 'Counting stopped at 1,000: there are more overdue tasks than `overdue`' })
  overdueCapped!: boolean;
  @ApiProperty({ description: 'Counting stopped at 1,000: there are more tasks due soon than `dueSoon`' })
  dueSoonCapped!: boolean;
}

export class InboxPageResponse {
  @ApiProperty({ type: [InboxTaskResponse] }) items!: InboxTaskResponse[];
  @ApiProperty({ type: 'integer', description: 'Matching rows, counted up to 1,000' }) total!: number;
  @ApiProperty({ description: 'Counting stopped at 1,000: more rows match than `total`' }) totalCapped!: boolean;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: InboxCountsResponse }) counts!: InboxCountsResponse;
}
