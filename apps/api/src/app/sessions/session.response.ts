import { ApiProperty } from '@nestjs/swagger';
import type { CommitteeSession, CommitteeSessionStatus } from '@banli/domain';

export class CommitteeSessionResponse implements CommitteeSession {
  @ApiProperty({ example: '8-2' }) code!: string;
  @ApiProperty({ example: '市政协八届二次会议' }) name!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 8, description: 'The term (届)' }) term!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2, description: 'The meeting (次)' }) meeting!: number | null;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ enum: ['open', 'closed'], description: 'open: takes registrations; closed: takes none' })
  status!: CommitteeSessionStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
