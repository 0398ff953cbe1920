import { PageQueryDto } from '../common/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROPOSAL_STAGES, type ProposalStage, SESSION_CODE_PATTERN, TASK_KINDS } from '@banli/domain';
import { INBOX_SORTS, type InboxSort } from '@banli/persistence';

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status: 'open' | 'closed' = 'open';

  @ApiPropertyOptional({ description: 'Only tasks due before this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only tasks past their deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: TASK_KINDS, description: 'Only tasks of this kind' })
  @IsOptional()
  @IsIn(TASK_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    enum: ['mine', 'unit'],
    default: 'mine',
    description:
      "mine: the caller's unit's tasks of the kinds the caller's roles complete; unit: every task of the " +
      "caller's unit, for those who manage its work (signer, reviewer, supervisor; others get 403 ROLE_REQUIRED)",
  })
  @IsOptional()
  @IsIn(['mine', 'unit'])
  scope: 'mine' | 'unit' = 'mine';

  @ApiPropertyOptional({
    description:
      "A document number (〔2026〕12号, or its full form with the issuer: that signed reply's proposal), or words " +
      "of the proposal's title, body, points, proposers, session or number (each must occur)",
    example: '数字经济',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_STAGES, description: "Only tasks of proposals at this stage" })
  @IsOptional()
  @IsIn(PROPOSAL_STAGES)
  stage?: ProposalStage;

  @ApiPropertyOptional({ example: '8-2', description: 'Only tasks of proposals of this session' })
  @IsOptional()
  @Matches(SESSION_CODE_PATTERN, { message: 'sessionCode must be 1-32 letters, digits or dashes' })
  sessionCode?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    default: 'dueAt',
    description:
      'dueAt: key proposals first, then by deadline; openedAt: by when the task was received; stage: by the ' +
      "proposal's stage in the order of the process, then by deadline; a leading - reverses",
  })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort: InboxSort = 'dueAt';
}
