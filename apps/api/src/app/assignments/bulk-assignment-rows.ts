import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { Matches, MaxLength, validate, ValidationError } from 'class-validator';
import { DomainError, ErrorDetail } from '@banli/domain';
import { AssignDto } from '../actions/action.dtos';

/** One request assigns at most this many proposals (a session of 5,000 goes in five). */
export const MAX_ASSIGNMENT_ROWS = 1_000;

/** One row: the proposal and its assignment, exactly as POST /api/proposals/:id/assignment takes it. */
export class AssignmentRowDto extends AssignDto {
  @ApiProperty({ example: '8-2_20230117' })
  @MaxLength(120)
  @Matches(/^\S+$/)
  proposalId!: string;
}

export class BulkAssignmentDto {
  @ApiProperty({ type: [AssignmentRowDto], maxItems: MAX_ASSIGNMENT_ROWS, minItems: 1 })
  assignments!: AssignmentRowDto[];
}

export type AssignmentRow = AssignmentRowDto;

/**
 * The rows of a bulk assignment. Anything wrong with the request as a whole is refused here
 * before any proposal is touched: not `{"assignments": [...]}` or a row of the wrong shape
 * (400), more than MAX_ASSIGNMENT_ROWS rows (413), the same proposal twice (422). Whether a
 * row's assignment is allowed (stage, units, modes) is the workflow's check, answered per row.
 */
export async function assignmentRowsOf(body: unknown): Promise<AssignmentRow[]> {
  const isEnvelope =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).length === 1 &&
    Array.isArray((body as { assignments?: unknown }).assignments);
  if (!isEnvelope) throw new BadRequestException('The body must be {"assignments": [...]} and nothing else');
  const raw = (body as { assignments: unknown[] }).assignments;
  if (raw.length > MAX_ASSIGNMENT_ROWS) {
    throw new PayloadTooLargeException(
      `A bulk assignment holds at most ${MAX_ASSIGNMENT_ROWS} proposals; this one has ${raw.length}: split it`,
    );
  }
  if (raw.length === 0) throw new BadRequestException('No assignments: send at least one');

  const details: ErrorDetail[] = [];
  const rows: AssignmentRow[] = [];
  for (const [i, item] of raw.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      details.push({ field: `assignments[${i}]`, message: 'must be an object' });
      continue;
    }
    const row = plainToInstance(AssignmentRowDto, item);
    const errors = await validate(row, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    details.push(...detailsOf(errors, `assignments[${i}]`));
    rows.push(row);
  }
  if (details.length > 0) {
    throw new BadRequestException(details.map((d) => `${d.field}: ${d.message}`));
  }
  const seen = new Set<string>();
  const repeated = rows.filter((r) => seen.size === seen.add(r.proposalId).size).map((r) => r.proposalId);
  if (repeated.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'A proposal may appear only once in a bulk assignment',
      repeated.map((id) => ({ field: 'proposalId', message: `${id} appears more than once` })),
    );
  }
  return rows;
}

function detailsOf(errors: ValidationError[], parent: string): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = `${parent}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...detailsOf(e.children ?? [], field)];
  });
}
