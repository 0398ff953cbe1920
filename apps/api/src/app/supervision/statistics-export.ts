import type { StatisticsRow } from '@banli/persistence';
import { ExportLanguage, ReportColumn, ReportTable, reportCsv, reportDate, reportXlsx } from './report-table';

export type { ExportLanguage } from './report-table';

type Column = ReportColumn<StatisticsRow>;

/**
 * The statistics table's columns: fixed, whatever the rows hold (every reply class of the
 * deployment, zero or not; the review counts whenever grouped by session).
 */
function columns(groupBy: 'unit' | 'session', replyClasses: readonly string[]): Column[] {
  const review = (k: keyof NonNullable<StatisticsRow['review']>) => (r: StatisticsRow) => r.review?.[k] ?? 0;
  return [
    groupBy === 'unit'
      ? { zh: '单位', en: 'Unit', value: (r) => r.name }
      : { zh: '会次', en: 'Session', value: (r) => r.name },
    { zh: '代码', en: 'Code', value: (r) => (r.key === 'total' ? '' : r.key) },
    ...(groupBy === 'session'
      ? ([
          { zh: '提案件数', en: 'Registered', value: review('registered') },
          { zh: '立案', en: 'Accepted', value: review('accepted') },
          { zh: '不予立案', en: 'Not accepted', value: review('notAccepted') },
          { zh: '并案', en: 'Merged', value: review('merged') },
          { zh: '待审查', en: 'Awaiting review', value: review('awaitingReview') },
        ] satisfies Column[])
      : []),
    { zh: '主办/单独办理件数', en: 'Assigned to reply', value: (r) => r.assignedAsReplying },
    { zh: '会办件数', en: 'Assigned as co-handling unit', value: (r) => r.assignedAsCoHandling },
    { zh: '已办结', en: 'Closed', value: (r) => r.closed },
    { zh: '办结率', en: 'Closing rate', value: (r) => r.closingRate, percent: true },
    { zh: '按期办结', en: 'Closed on time', value: (r) => r.closedOnTime },
    { zh: '按期办结率', en: 'Closed-on-time rate', value: (r) => r.closedOnTimeRate, percent: true },
    { zh: '应答复', en: 'Replies due', value: (r) => r.repliesDue },
    { zh: '按时答复', en: 'Replies on time', value: (r) => r.repliesOnTime },
    { zh: '答复按时率', en: 'Reply on-time rate', value: (r) => r.replyOnTimeRate, percent: true },
    { zh: '应报会办意见', en: 'Opinions due', value: (r) => r.opinionsDue },
    { zh: '按时会办意见', en: 'Opinions on time', value: (r) => r.opinionsOnTime },
    { zh: '会办按时率', en: 'Opinion on-time rate', value: (r) => r.opinionOnTimeRate, percent: true },
    { zh: '已答复', en: 'Replies signed', value: (r) => r.repliesSigned },
    { zh: '平均答复工作日', en: 'Average working days to reply', value: (r) => r.averageWorkingDaysToReply },
    ...replyClasses.map((c): Column => ({ zh: `${c}类`, en: `Class ${c}`, value: (r) => r.replyClasses[c] ?? 0 })),
    { zh: '满意', en: 'Satisfied', value: (r) => r.satisfaction.satisfied },
    { zh: '基本满意', en: 'Basically satisfied', value: (r) => r.satisfaction.basicallySatisfied },
    { zh: '不满意', en: 'Unsatisfied', value: (r) => r.satisfaction.unsatisfied },
    { zh: '未测评', en: 'Not rated', value: (r) => r.satisfaction.notRated },
    { zh: '满意率', en: 'Satisfaction rate', value: (r) => r.satisfactionRate, percent: true },
    { zh: '沟通件数', en: 'Replies with contact', value: (r) => r.repliesWithContact },
    { zh: '沟通率', en: 'Contact rate', value: (r) => r.contactRate, percent: true },
    { zh: '见面件数', en: 'Replies with a meeting', value: (r) => r.repliesWithMeeting },
    { zh: '见面率', en: 'Meeting rate', value: (r) => r.meetingRate, percent: true },
    { zh: '催办次数', en: 'Reminder notices', value: (r) => r.reminderNotices },
    { zh: '延误工作日', en: 'Working days held up', value: (r) => r.workingDaysHeldUp },
    { zh: '重新办理', en: 'Re-handled', value: (r) => r.rehandled },
  ];
}

export interface StatisticsReport {
  groupBy: 'unit' | 'session';
  items: StatisticsRow[];
  total: StatisticsRow;
  /** The deployment's reply classes, then any other class a reply was signed with. */
  replyClasses: string[];
  /** What the table covers: session, unit, period. */
  scope: { session?: string; unit?: string; from?: string; to?: string };
  /** The Shanghai date the report was made. */
  date: string;
}

function table(r: StatisticsReport, lang: ExportLanguage): ReportTable<StatisticsRow> {
  const en = lang === 'en';
  const title = en
    ? `Proposal handling statistics by ${r.groupBy === 'unit' ? 'unit' : 'session'}`
    : `提案办理情况统计表（按${r.groupBy === 'unit' ? '承办单位' : '会次'}）`;
  const scope = [
    r.scope.session ? (en ? `session ${r.scope.session}` : `会次：${r.scope.session}`) : '',
    r.scope.unit ? (en ? `unit ${r.scope.unit}` : `单位：${r.scope.unit}`) : '',
    r.scope.from || r.scope.to
      ? en
        ? `period ${r.scope.from ?? '…'} to ${r.scope.to ?? '…'}`
        : `统计期间：${r.scope.from ? reportDate(r.scope.from, lang) : '…'}至${r.scope.to ? reportDate(r.scope.to, lang) : '…'}`
      : '',
  ].filter(Boolean);
  const made = en ? `Made on ${reportDate(r.date, lang)}` : `制表日期：${reportDate(r.date, lang)}`;
  return {
    title,
    subtitle: [made, ...scope].join(en ? '; ' : '；'),
    columns: columns(r.groupBy, r.replyClasses),
    rows: r.items,
    total: r.total,
  };
}

/** CSV for spreadsheets: title, date, one row per unit or session, the 合计 row; rates as fractions (0.75). */
export function statisticsCsv(r: StatisticsReport, lang: ExportLanguage): string {
  return reportCsv(table(r, lang), lang);
}

/** The same report as an Excel workbook, rates formatted as percentages. */
export function statisticsXlsx(r: StatisticsReport, lang: ExportLanguage): Promise<Buffer> {
  return reportXlsx(table(r, lang), lang, lang === 'en' ? 'Statistics' : '办理统计');
}
