import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { isIsoDate, PROPOSAL_STAGES } from '@banli/domain';
import { SUPERVISED_DEADLINE_KINDS } from '@banli/persistence';
import { PageQueryDto } from '../common/page-query.dto';
import { WholeNumber } from '../common/whole-number';

const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rows of a list exported as a file, at most. */
export const LIST_EXPORT_LIMIT = 5000;

/** A calendar date that exists (2026-02-30 does not). */
function IsValidDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isValidDate',
    validator: {
      validate: (v: unknown) => isIsoDate(v),
      defaultMessage: () => '$property must be a date that exists (YYYY-MM-DD)',
    },
  });
}
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' ? false : value;

/** Filters shared by the supervision views. */
export class SupervisionFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Session code, e.g. 8-2' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  session?: string;

  @ApiPropertyOptional({ description: 'A unit: proposals it works on, or deadlines it holds' })
  @IsOptional()
  @Matches(UNIT_ID)
  unit?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_STAGES })
  @IsOptional()
  @IsIn(PROPOSAL_STAGES)
  stage?: string;

  @ApiPropertyOptional({ description: 'Reply class of the signed reply, e.g. A' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  replyClass?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Key proposals (重点提案) only' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  keyOnly?: boolean;

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    default: 'json',
    description: `JSON (the page asked for), or the whole list as a report file (title, date; at most ${LIST_EXPORT_LIMIT} rows)`,
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format: 'json' | 'csv' | 'xlsx' = 'json';

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'Language of the export' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang: 'zh-CN' | 'en' = 'zh-CN';
}

export class SupervisedDeadlinesQueryDto extends SupervisionFilterDto {
  @ApiPropertyOptional({ enum: ['overdue', 'due-soon'], default: 'overdue' })
  @IsOptional()
  @IsIn(['overdue', 'due-soon'])
  state: 'overdue' | 'due-soon' = 'overdue';

  @ApiPropertyOptional({
    type: 'integer',
    description:
      "Due soon: at most N working days left (as DueStatus counts them); default the deployment's dueSoonWorkingDays",
    minimum: 0,
    maximum: 120,
  })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(0)
  @Max(120)
  withinWorkingDays?: number;

  @ApiPropertyOptional({ enum: SUPERVISED_DEADLINE_KINDS })
  @IsOptional()
  @IsIn([...SUPERVISED_DEADLINE_KINDS])
  kind?: string;

  @ApiPropertyOptional({
    description:
      'Deadlines whose delay is charged (wholly or in part) to this unit, as `heldBy` says: its own, and the replies its late opinions hold up',
  })
  @IsOptional()
  @Matches(UNIT_ID)
  heldBy?: string;
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ enum: ['unit', 'session'], default: 'unit' })
  @IsOptional()
  @IsIn(['unit', 'session'])
  groupBy: 'unit' | 'session' = 'unit';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  session?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UNIT_ID)
  unit?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Period start (Shanghai date): work assigned, reminders sent, proposals received from this day',
  })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsValidDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Period end (Shanghai date, included)' })
  @IsOptional()
  @Matches(ISO_DATE)
  @IsValidDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format: 'json' | 'csv' | 'xlsx' = 'json';

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'Column headings of the export' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang: 'zh-CN' | 'en' = 'zh-CN';
}
