import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DUE_STATES } from '@banli/domain';
import type { DueState } from '@banli/domain';

/**
 * The domain's `dueStatus` of a deadline or task, as computed by the server with the
 * deployment's due-soon threshold (`dueSoonWorkingDays`): clients show it, never recompute it.
 */
export class DueStatusResponse {
  @ApiProperty({
    enum: DUE_STATES,
    enumName: 'DueState',
    description:
      'done: finished (doneAt); overdue: past its instant (workingDaysOverdue); due-soon / on-track: ' +
      'workingDaysLeft, due soon at or below the threshold; none: no due date, or cancelled',
  })
  state!: DueState;
  @ApiPropertyOptional({ format: 'date-time', description: 'done only: when it was met or closed, if known' })
  doneAt?: string;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'due-soon and on-track only: working days after today up to its last day (0: due today)',
  })
  workingDaysLeft?: number;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'overdue only: working days after its last day (0: overdue, no working day lost yet)',
  })
  workingDaysOverdue?: number;
  @ApiPropertyOptional({
    enum: [true],
    description:
      'Pending only: its last day is in a year whose official holiday notice is not loaded, so the date ' +
      'may move once it is (absent otherwise)',
  })
  provisional?: true;
}
