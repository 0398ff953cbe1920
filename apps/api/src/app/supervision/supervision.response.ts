import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROPOSAL_STAGES } from '@banli/domain';
import type { DueStatus } from '@banli/domain';
import { DueStatusResponse } from '../common/due-status.response';
import type {
  CappedPage,
  HeldBy,
  Page,
  StatisticsRow,
  SupervisedDeadline,
  SupervisedProposal,
} from '@banli/persistence';

export class HeldByResponse implements HeldBy {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: 'integer', description: 'Working days of the delay attributed to this unit' })
  workingDays!: number;
}

export class SupervisedDeadlineResponse implements SupervisedDeadline {
  @ApiProperty() proposalId!: string;
  @ApiProperty() sessionCode!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage' }) stage!: string;
  @ApiProperty() keyProposal!: boolean;
  @ApiProperty({ type: [String] }) keyLeaders!: string[];
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty() deadlineKey!: string;
  @ApiProperty({ example: 'reply' }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty() extended!: boolean;
  @ApiProperty({ type: 'integer' }) escalations!: number;
  @ApiProperty({ type: DueStatusResponse, description: 'overdue, due-soon or on-track, by the domain rule' })
  due!: DueStatus;
  @ApiPropertyOptional({ type: 'integer', deprecated: true, description: 'Read due.workingDaysLeft' })
  workingDaysLeft?: number;
  @ApiPropertyOptional({ type: 'integer', deprecated: true, description: 'Read due.workingDaysOverdue' })
  workingDaysOverdue?: number;
  @ApiProperty({ type: [HeldByResponse], description: 'Who is holding it up, with their share of the delay' })
  heldBy!: HeldByResponse[];
}

export class SupervisedProposalResponse implements SupervisedProposal {
  @ApiProperty() id!: string;
  @ApiProperty() sessionCode!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage' }) stage!: string;
  @ApiProperty() keyProposal!: boolean;
  @ApiProperty({ type: [String] }) keyLeaders!: string[];
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: [String] }) assignedUnitIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt!: string | null;
  @ApiProperty({
    type: SupervisedDeadlineResponse,
    nullable: true,
    description: "The earliest running deadline that is somebody's work",
  })
  nextDeadline!: SupervisedDeadlineResponse | null;
  @ApiProperty({ type: 'integer' }) overdueCount!: number;
}

export class SupervisedProposalPageResponse implements Page<SupervisedProposal> {
  @ApiProperty({ type: [SupervisedProposalResponse] }) items!: SupervisedProposalResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class SupervisedDeadlinePageResponse implements CappedPage<SupervisedDeadline> {
  @ApiProperty({ type: [SupervisedDeadlineResponse] }) items!: SupervisedDeadlineResponse[];
  @ApiProperty({ type: 'integer', description: 'Matching rows, counted up to 1,000' }) total!: number;
  @ApiProperty({ description: 'Counting stopped at 1,000: more rows match than `total`' }) totalCapped!: boolean;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class SatisfactionResponse {
  @ApiProperty({ type: 'integer' }) satisfied!: number;
  @ApiProperty({ type: 'integer' }) basicallySatisfied!: number;
  @ApiProperty({ type: 'integer' }) unsatisfied!: number;
  @ApiProperty({ type: 'integer' }) notRated!: number;
}

export class StatisticsRowResponse implements StatisticsRow {
  @ApiProperty({ description: 'The unit, or the session when grouped by session' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) assignedAsReplying!: number;
  @ApiProperty({ type: 'integer' }) assignedAsCoHandling!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
  @ApiProperty({ type: 'integer' }) repliesDue!: number;
  @ApiProperty({ type: 'integer' }) repliesOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'From 0 to 1; null when nothing was due' })
  replyOnTimeRate!: number | null;
  @ApiProperty({ type: 'integer' }) opinionsDue!: number;
  @ApiProperty({ type: 'integer' }) opinionsOnTime!: number;
  @ApiProperty({ type: Number, nullable: true }) opinionOnTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageWorkingDaysToReply!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Signed replies per reply class',
    example: { A: 3, B: 1 },
  })
  replyClasses!: Record<string, number>;
  @ApiProperty({ type: SatisfactionResponse }) satisfaction!: SatisfactionResponse;
  @ApiProperty({ type: 'integer' }) rehandled!: number;
}

export class StatisticsResponse {
  @ApiProperty({ enum: ['unit', 'session'] }) groupBy!: string;
  @ApiProperty({ type: [StatisticsRowResponse] }) items!: StatisticsRowResponse[];
}
