import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiErrorContentResponse } from '../common/api-error.response';
import type { ImportReport, ImportRowResult } from './proposal-import.service';

export class ImportRowResultResponse implements ImportRowResult {
  @ApiProperty({ type: 'integer', description: '1-based position among the data rows (a CSV header is not a row)' })
  row!: number;
  @ApiPropertyOptional() proposalId?: string;
  @ApiProperty({ enum: ['created', 'unchanged', 'failed'] }) status!: 'created' | 'unchanged' | 'failed';
  @ApiPropertyOptional({
    description: 'With accept=true: whether this import accepted the proposal (false: it was past review already)',
  })
  accepted?: boolean;
  @ApiPropertyOptional({ type: ApiErrorContentResponse, description: 'Why a failed row failed' })
  error?: ApiErrorContentResponse;
}

export class ImportReportResponse implements ImportReport {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'With accept=true: how many proposals this import accepted' })
  accepted?: number;
  @ApiProperty({ type: [ImportRowResultResponse] }) rows!: ImportRowResultResponse[];
}
