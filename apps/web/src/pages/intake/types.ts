import type { RowErrorDetail } from './row-errors';

/** One row's answer of POST /api/proposals/import (`row` is 1-based within that request). */
export interface ImportRowResult {
  row: number;
  proposalId?: string;
  status: 'created' | 'unchanged' | 'failed';
  error?: { code: string; message: string; details?: RowErrorDetail[] };
}

export interface ImportReport {
  total: number;
  created: number;
  unchanged: number;
  failed: number;
  rows: ImportRowResult[];
}

/** A row's result placed in the whole file, with what identifies it to the user. */
export interface FileRowResult extends ImportRowResult {
  line: number;
  number: string;
  title: string;
}
