import { PageQueryDto } from '../common/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { TASK_KINDS } from '@banli/domain';

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

  @ApiPropertyOptional({ enum: ['dueAt', '-dueAt'], default: 'dueAt' })
  @IsOptional()
  @IsIn(['dueAt', '-dueAt'])
  sort: 'dueAt' | '-dueAt' = 'dueAt';
}
