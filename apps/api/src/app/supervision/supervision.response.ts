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

export class ReviewCountsResponse {
  @ApiProperty({ type: 'integer', description: 'Proposals registered' }) registered!: number;
  @ApiProperty({ type: 'integer', description: '立案' }) accepted!: number;
  @ApiProperty({ type: 'integer', description: '不予立案 (converted into an opinion)' }) notAccepted!: number;
  @ApiProperty({ type: 'integer', description: '并案' }) merged!: number;
  @ApiProperty({ type: 'integer' }) awaitingReview!: number;
}

const RATE = (description: string) => ({
  type: Number,
  nullable: true,
  description: `${description}; from 0 to 1, null when the denominator is 0`,
});

export class StatisticsRowResponse implements StatisticsRow {
  @ApiProperty({ description: 'The unit, or the session when grouped by session; `total` for the 合计 row' })
  key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'First-round replies assigned' }) assignedAsReplying!: number;
  @ApiProperty({ type: 'integer' }) assignedAsCoHandling!: number;
  @ApiProperty({ type: 'integer', description: 'Of assignedAsReplying: the proposal is closed (办结)' })
  closed!: number;
  @ApiProperty({ type: 'integer', description: 'Of closed: the first-round reply was signed by its deadline' })
  closedOnTime!: number;
  @ApiProperty(RATE('办结率 = closed ÷ assignedAsReplying')) closingRate!: number | null;
  @ApiProperty(RATE('按期办结率 = closedOnTime ÷ assignedAsReplying')) closedOnTimeRate!: number | null;
  @ApiProperty({ type: 'integer' }) repliesDue!: number;
  @ApiProperty({ type: 'integer' }) repliesOnTime!: number;
  @ApiProperty(RATE('repliesOnTime ÷ repliesDue')) replyOnTimeRate!: number | null;
  @ApiProperty({ type: 'integer' }) opinionsDue!: number;
  @ApiProperty({ type: 'integer' }) opinionsOnTime!: number;
  @ApiProperty(RATE('opinionsOnTime ÷ opinionsDue')) opinionOnTimeRate!: number | null;
  @ApiProperty({ type: 'integer', description: 'First-round replies signed' }) repliesSigned!: number;
  @ApiProperty({ type: 'integer', description: 'Working days the signed first-round replies took, in all' })
  workingDaysToReplyTotal!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'workingDaysToReplyTotal ÷ repliesSigned' })
  averageWorkingDaysToReply!: number | null;
  @ApiProperty({ type: 'integer', description: 'Of repliesSigned: the unit recorded a contact with the proposers' })
  repliesWithContact!: number;
  @ApiProperty({ type: 'integer', description: 'Of repliesWithContact: one was a visit or a meeting' })
  repliesWithMeeting!: number;
  @ApiProperty(RATE('沟通率 = repliesWithContact ÷ repliesSigned')) contactRate!: number | null;
  @ApiProperty(RATE('见面率 = repliesWithMeeting ÷ repliesSigned')) meetingRate!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Signed replies per reply class: every class of the deployment, 0 when none',
    example: { A: 3, B: 1, C: 0 },
  })
  replyClasses!: Record<string, number>;
  @ApiProperty({ type: SatisfactionResponse }) satisfaction!: SatisfactionResponse;
  @ApiProperty(RATE('满意率 = (satisfied + basicallySatisfied) ÷ (satisfied + basicallySatisfied + unsatisfied)'))
  satisfactionRate!: number | null;
  @ApiProperty({ type: 'integer' }) rehandled!: number;
  @ApiProperty({ type: 'integer', description: 'Reminder notices (催办) sent to the unit' }) reminderNotices!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Working days of delay charged to the unit over every late opinion and reply (as heldBy charges them)',
  })
  workingDaysHeldUp!: number;
  @ApiProperty({
    type: ReviewCountsResponse,
    nullable: true,
    description: 'Per session: how its proposals were reviewed; null per unit',
  })
  review!: ReviewCountsResponse | null;
}

export class StatisticsScopeResponse {
  @ApiPropertyOptional() session?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional({ format: 'date' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) to?: string;
}

export class StatisticsResponse {
  @ApiProperty({ enum: ['unit', 'session'] }) groupBy!: 'unit' | 'session';
  @ApiProperty({ type: [StatisticsRowResponse] }) items!: StatisticsRowResponse[];
  @ApiProperty({ type: StatisticsRowResponse, description: '合计: counts summed, rates made from the sums' })
  total!: StatisticsRowResponse;
  @ApiProperty({ type: [String], description: 'The reply classes, in column order' }) replyClasses!: string[];
  @ApiProperty({ type: StatisticsScopeResponse }) scope!: StatisticsScopeResponse;
  @ApiProperty({ format: 'date', description: 'The day the figures were made (Shanghai)' }) date!: string;
}
