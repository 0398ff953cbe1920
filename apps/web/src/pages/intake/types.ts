import type { Schemas } from '../../api/client';
import type { RowErrorDetail } from './row-errors';

/** One row's answer of POST /api/proposals/import (`row` is 1-based within that request). */
export type ImportRowResult = Schemas['ImportRowResultResponse'];
export type ImportReport = Schemas['ImportReportResponse'];

/**
 * A row's result placed in the whole file, with what identifies it to the user. Its error may
 * also be the refusal of the whole request the row was in (any code the client met).
 */
export interface FileRowResult extends Omit<ImportRowResult, 'error'> {
  error?: { code: string; message: string; details?: RowErrorDetail[] };
  line: number;
  number: string;
  title: string;
}
