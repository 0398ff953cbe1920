import { Workbook } from 'exceljs';
import type { StatisticsRow } from '@banli/persistence';
import { toCsv } from '../common/csv';

export type ExportLanguage = 'zh-CN' | 'en';

interface Column {
  zh: string;
  en: string;
  value: (r: StatisticsRow) => string | number | null;
  /** Shown as a percentage in the workbook. */
  percent?: boolean;
}

function columns(groupBy: 'unit' | 'session', replyClasses: string[]): Column[] {
  return [
    groupBy === 'unit'
      ? { zh: '单位', en: 'Unit', value: (r) => r.name }
      : { zh: '会次', en: 'Session', value: (r) => r.name },
    { zh: '代码', en: 'Code', value: (r) => r.key },
    { zh: '主办/单独办理件数', en: 'Assigned to reply', value: (r) => r.assignedAsReplying },
    { zh: '会办件数', en: 'Assigned as co-handling unit', value: (r) => r.assignedAsCoHandling },
    { zh: '已办结', en: 'Closed', value: (r) => r.closed },
    { zh: '应答复', en: 'Replies due', value: (r) => r.repliesDue },
    { zh: '按时答复', en: 'Replies on time', value: (r) => r.repliesOnTime },
    { zh: '答复按时率', en: 'Reply on-time rate', value: (r) => r.replyOnTimeRate, percent: true },
    { zh: '应报会办意见', en: 'Opinions due', value: (r) => r.opinionsDue },
    { zh: '按时会办意见', en: 'Opinions on time', value: (r) => r.opinionsOnTime },
    { zh: '会办按时率', en: 'Opinion on-time rate', value: (r) => r.opinionOnTimeRate, percent: true },
    { zh: '平均答复工作日', en: 'Average working days to reply', value: (r) => r.averageWorkingDaysToReply },
    ...replyClasses.map((c): Column => ({ zh: `${c}类`, en: `Class ${c}`, value: (r) => r.replyClasses[c] ?? 0 })),
    { zh: '满意', en: 'Satisfied', value: (r) => r.satisfaction.satisfied },
    { zh: '基本满意', en: 'Basically satisfied', value: (r) => r.satisfaction.basicallySatisfied },
    { zh: '不满意', en: 'Unsatisfied', value: (r) => r.satisfaction.unsatisfied },
    { zh: '未测评', en: 'Not rated', value: (r) => r.satisfaction.notRated },
    { zh: '重新办理', en: 'Re-handled', value: (r) => r.rehandled },
  ];
}

function classesOf(rows: StatisticsRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.replyClasses)))].sort();
}

/**
 * CSV for spreadsheets (see `toCsv`: byte-order mark, formula-safe cells), one row per unit or
 * session, rates as fractions (0.75).
 */
export function statisticsCsv(rows: StatisticsRow[], groupBy: 'unit' | 'session', lang: ExportLanguage): string {
  const cols = columns(groupBy, classesOf(rows));
  const header = cols.map((c) => (lang === 'en' ? c.en : c.zh));
  const body = rows.map((r) => cols.map((c) => c.value(r)));
  return toCsv([header, ...body]);
}

/** The same table as an Excel workbook, with rates formatted as percentages. */
export async function statisticsXlsx(
  rows: StatisticsRow[],
  groupBy: 'unit' | 'session',
  lang: ExportLanguage,
): Promise<Buffer> {
  const cols = columns(groupBy, classesOf(rows));
  const workbook = new Workbook();
  workbook.creator = 'Banli';
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Statistics' : '办理统计');
  sheet.columns = cols.map((c, i) => ({
    header: lang === 'en' ? c.en : c.zh,
    key: `c${i}`,
    width: i === 0 ? 24 : 14,
    ...(c.percent ? { style: { numFmt: '0.0%' } } : {}),
  }));
  for (const r of rows) sheet.addRow(Object.fromEntries(cols.map((c, i) => [`c${i}`, c.value(r)])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
