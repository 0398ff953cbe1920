import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SupervisionNoticeDto {
  @ApiProperty({ description: 'The unit notified: it must hold an overdue deadline on the proposal' })
  @Matches(UNIT_ID)
  unitId!: string;
  @ApiPropertyOptional({ description: 'The supervisor’s note (督办意见)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class CircularDto {
  @ApiProperty({ description: 'First day of the period (Shanghai date, included)', example: '2026-01-01' })
  @Matches(ISO_DATE)
  from!: string;
  @ApiProperty({ description: 'Last day of the period (included); at most 366 days after from', example: '2026-03-31' })
  @Matches(ISO_DATE)
  to!: string;
  @ApiPropertyOptional({ description: 'A note printed after the list', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}
