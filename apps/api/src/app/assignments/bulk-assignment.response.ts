import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiErrorContentResponse } from '../common/api-error.response';
import { ActionResultResponse } from '../actions/action.response';
import type { AssignmentRowResult, BulkAssignmentReport } from './bulk-assignment.service';

export class AssignmentRowErrorResponse extends ApiErrorContentResponse {
  @ApiProperty({
    type: 'integer',
    description: 'The HTTP status the single assignment would have answered',
    example: 409,
  })
  status!: number;
}

export class AssignmentRowResultResponse implements AssignmentRowResult {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: ['assigned', 'refused'] }) status!: 'assigned' | 'refused';
  @ApiPropertyOptional({ type: ActionResultResponse, description: 'The proposal after its assignment' })
  result?: ActionResultResponse;
  @ApiPropertyOptional({
    type: AssignmentRowErrorResponse,
    description: 'Why the row was refused (nothing changed for it): the single action’s error',
  })
  error?: AssignmentRowErrorResponse;
}

export class BulkAssignmentReportResponse implements BulkAssignmentReport {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) assigned!: number;
  @ApiProperty({ type: 'integer' }) refused!: number;
  @ApiProperty({ type: [AssignmentRowResultResponse], description: 'One per row, in the order sent' })
  rows!: AssignmentRowResultResponse[];
}
