import { Workbook } from 'exceljs';
import { toCsv } from '../common/csv';

export type ExportLanguage = 'zh-CN' | 'en';

/** One column of an exported report: its heading in each language and how a row fills it. */
export interface ReportColumn<T> {
  zh: string;
  en: string;
  value: (r: T) => string | number | null;
  /** A fraction shown as a percentage in the workbook. */
  percent?: boolean;
}

/**
 * A report as a proposal office files it: a title, the date it was made (and what it covers),
 * the headed table and, for statistics, a 合计 row. Both exports lay it out the same way.
 */
export interface ReportTable<T> {
  title: string;
  /** E.g. 制表日期：2026年4月3日 — and the filters the table was made with. */
  subtitle: string;
  columns: ReportColumn<T>[];
  rows: T[];
  total?: T;
}

const cellOf = <T>(c: ReportColumn<T>, r: T) => c.value(r);

/** CSV (see `toCsv`: byte-order mark, formula-safe cells): title, subtitle, a blank line, the table; rates as fractions. */
export function reportCsv<T>(t: ReportTable<T>, lang: ExportLanguage): string {
  const header = t.columns.map((c) => (lang === 'en' ? c.en : c.zh));
  const body = [...t.rows, ...(t.total ? [t.total] : [])].map((r) => t.columns.map((c) => cellOf(c, r)));
  return toCsv([[t.title], [t.subtitle], [], header, ...body]);
}

/** The same as an Excel workbook: the title over the table, rates as percentages, the 合计 row in bold. */
export async function reportXlsx<T>(t: ReportTable<T>, lang: ExportLanguage, sheetName: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Banli';
  const sheet = workbook.addWorksheet(sheetName);
  const width = t.columns.length;
  sheet.columns = t.columns.map((c, i) => ({
    key: `c${i}`,
    width: i === 0 ? 24 : 14,
    ...(c.percent ? { style: { numFmt: '0.0%' } } : {}),
  }));
  sheet.addRow([t.title]);
  sheet.mergeCells(1, 1, 1, Math.max(1, width));
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow([t.subtitle]);
  sheet.mergeCells(2, 1, 2, Math.max(1, width));
  const header = sheet.addRow(t.columns.map((c) => (lang === 'en' ? c.en : c.zh)));
  header.font = { bold: true };
  for (const r of t.rows) sheet.addRow(Object.fromEntries(t.columns.map((c, i) => [`c${i}`, cellOf(c, r)])));
  if (t.total) {
    const total = sheet.addRow(Object.fromEntries(t.columns.map((c, i) => [`c${i}`, cellOf(c, t.total as T)])));
    total.font = { bold: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 2026年4月3日 / 2026-04-03: the report's date (a Shanghai date). */
export function reportDate(date: string, lang: ExportLanguage): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
