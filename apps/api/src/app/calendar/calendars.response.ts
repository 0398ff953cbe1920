import { ApiProperty } from '@nestjs/swagger';
import type {
  CalendarLoadResult,
  CalendarReport,
  CalendarStatus,
  CalendarVersionView,
  CalendarYearStatus,
  DeadlineChangeView,
} from '@banli/persistence';

export class ReplanProgressResponse {
  @ApiProperty({ enum: ['pending', 'running', 'done'] }) status!: 'pending' | 'running' | 'done';
  @ApiProperty({ type: 'integer', description: 'Open proposals signalled so far' }) signalled!: number;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class CalendarVersionResponse implements CalendarVersionView {
  @ApiProperty({ type: 'integer', description: 'Loading order, 1 for the first load' }) seq!: number;
  @ApiProperty({ example: 'gov-2027' }) label!: string;
  @ApiProperty({ enum: ['notice', 'days-off'] }) kind!: 'notice' | 'days-off';
  @ApiProperty({ enum: ['json', 'ics'] }) format!: 'json' | 'ics';
  @ApiProperty({ example: 'web', description: "Where it came from: 'api', 'web', 'cli:<file>'" }) source!: string;
  @ApiProperty({ description: 'SHA-256 of the canonical content' }) contentHash!: string;
  @ApiProperty({ type: [Number], description: 'Years whose official notice this load carries' }) years!: number[];
  @ApiProperty({ type: [String], description: 'Local days off this load adds' }) localDaysOff!: string[];
  @ApiProperty() loadedAt!: string;
  @ApiProperty({ description: 'User id of the admin (or cli:<os user>)' }) loadedBy!: string;
  @ApiProperty({ description: "The calendar version once this load applied (deadlines' calendarVersion)" })
  calendarVersion!: string;
  @ApiProperty({ type: ReplanProgressResponse }) replan!: ReplanProgressResponse;
}

export class CalendarLoadResponse implements CalendarLoadResult {
  @ApiProperty({ type: CalendarVersionResponse }) version!: CalendarVersionResponse;
  @ApiProperty({ description: 'false: the same content was loaded before (nothing changed)' }) created!: boolean;
  @ApiProperty({ description: 'false: Temporal was unreachable; load the same file again to start re-planning' })
  replanStarted!: boolean;
}

export class DeadlineChangeResponse implements DeadlineChangeView {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ type: String, nullable: true }) proposalTitle!: string | null;
  @ApiProperty() deadlineKey!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-02-05' }) oldEndDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-02-19' }) newEndDate!: string | null;
  @ApiProperty() oldProvisional!: boolean;
  @ApiProperty() newProvisional!: boolean;
  @ApiProperty({ description: 'The end date changed (otherwise it only became final)' }) moved!: boolean;
  @ApiProperty() recordedAt!: string;
}

export class CalendarReportResponse implements CalendarReport {
  @ApiProperty({ type: CalendarVersionResponse, description: 'The version: the reason every change below happened' })
  version!: CalendarVersionResponse;
  @ApiProperty({ type: [DeadlineChangeResponse] }) changes!: DeadlineChangeResponse[];
}

export class CalendarYearStatusResponse implements CalendarYearStatus {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ description: "false: the year's notice is not loaded; its deadlines are provisional" })
  published!: boolean;
}

export class CalendarStatusResponse implements CalendarStatus {
  @ApiProperty() calendarVersion!: string;
  @ApiProperty({ type: [CalendarYearStatusResponse] }) years!: CalendarYearStatusResponse[];
  @ApiProperty({ type: 'integer', nullable: true, description: "From 1 November: next year's notice is missing" })
  missingNextYear!: number | null;
}
