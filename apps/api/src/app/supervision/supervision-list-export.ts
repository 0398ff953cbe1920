import type { DueStatus } from '@banli/domain';
import type { SupervisedDeadline, SupervisedProposal } from '@banli/persistence';
import { ExportLanguage, ReportColumn, ReportTable, reportDate } from './report-table';

/** The words of the lists' cells; the web has its own (i18n), the exports carry these. */
const STAGE: Record<string, [string, string]> = {
  registered: ['待审查', 'To review'],
  merged: ['已并案', 'Merged'],
  converted: ['已转为意见建议', 'Converted to an opinion'],
  assignment: ['待交办', 'To assign'],
  consultation: ['会办中', 'Consultation'],
  drafting: ['拟稿中', 'Drafting'],
  review: ['核稿中', 'Review'],
  'sign-off': ['待签发', 'Sign-off'],
  dispatch: ['待发出', 'To dispatch'],
  feedback: ['满意度测评中', 'Feedback'],
  're-handling': ['重新办理', 'Re-handling'],
  'follow-up': ['跟踪落实', 'Follow-up'],
  publication: ['待公开', 'Publication'],
  closed: ['已办结', 'Closed'],
};
const DEADLINE_KIND: Record<string, [string, string]> = {
  opinion: ['会办意见', 'Opinion'],
  contact: ['沟通协商', 'Contact'],
  reply: ['答复', 'Reply'],
  'follow-up': ['跟踪落实', 'Follow-up'],
  publication: ['公开', 'Publication'],
};

const word = (map: Record<string, [string, string]>, key: string, lang: ExportLanguage) =>
  map[key]?.[lang === 'en' ? 1 : 0] ?? key;

function dueText(due: DueStatus, lang: ExportLanguage): string {
  const en = lang === 'en';
  if (due.state === 'overdue')
    return en ? `${due.workingDaysOverdue} working days overdue` : `逾期${due.workingDaysOverdue}个工作日`;
  if (due.state === 'due-soon' || due.state === 'on-track')
    return en ? `${due.workingDaysLeft} working days left` : `剩余${due.workingDaysLeft}个工作日`;
  return '';
}

const yesNo = (b: boolean, lang: ExportLanguage) => (b ? (lang === 'en' ? 'yes' : '是') : '');

interface ListContext {
  lang: ExportLanguage;
  /** The Shanghai date the list was made. */
  date: string;
  unitName: (id: string | null) => string;
  /** The filters the list was made with, as the caller gave them. */
  scope: string[];
}

function subtitle(c: ListContext): string {
  const made = c.lang === 'en' ? `Made on ${reportDate(c.date, c.lang)}` : `制表日期：${reportDate(c.date, c.lang)}`;
  return [made, ...c.scope].join(c.lang === 'en' ? '; ' : '；');
}

/** 办理进度表: every open proposal the filters select, with its stage and next deadline. */
export function progressTable(items: SupervisedProposal[], c: ListContext): ReportTable<SupervisedProposal> {
  const l = c.lang;
  const columns: ReportColumn<SupervisedProposal>[] = [
    { zh: '会次', en: 'Session', value: (p) => p.sessionName },
    { zh: '编号', en: 'Number', value: (p) => p.number },
    { zh: '标题', en: 'Title', value: (p) => p.title },
    { zh: '重点提案', en: 'Key proposal', value: (p) => yesNo(p.keyProposal, l) },
    { zh: '领办领导', en: 'Supervising leaders', value: (p) => p.keyLeaders.join('、') },
    { zh: '阶段', en: 'Stage', value: (p) => word(STAGE, p.stage, l) },
    { zh: '主办单位', en: 'Lead unit', value: (p) => (p.leadUnitId ? c.unitName(p.leadUnitId) : '') },
    { zh: '承办单位', en: 'Assigned units', value: (p) => p.assignedUnitIds.map(c.unitName).join('、') },
    {
      zh: '下一期限',
      en: 'Next deadline',
      value: (p) =>
        p.nextDeadline ? `${word(DEADLINE_KIND, p.nextDeadline.kind, l)}（${c.unitName(p.nextDeadline.unitId)}）` : '',
    },
    { zh: '到期日', en: 'Due', value: (p) => p.nextDeadline?.endDate ?? '' },
    { zh: '状态', en: 'Status', value: (p) => (p.nextDeadline ? dueText(p.nextDeadline.due, l) : '') },
    { zh: '逾期事项数', en: 'Overdue deadlines', value: (p) => p.overdueCount },
  ];
  return {
    title: l === 'en' ? 'Progress of proposals in handling' : '提案办理进度表',
    subtitle: subtitle(c),
    columns,
    rows: items,
  };
}

/** 逾期（临期）督办表: the deadlines the filters select, with who holds each up and by how much. */
export function deadlinesTable(
  items: SupervisedDeadline[],
  state: 'overdue' | 'due-soon',
  c: ListContext,
): ReportTable<SupervisedDeadline> {
  const l = c.lang;
  const columns: ReportColumn<SupervisedDeadline>[] = [
    { zh: '会次', en: 'Session', value: (d) => d.sessionName },
    { zh: '编号', en: 'Number', value: (d) => d.number },
    { zh: '标题', en: 'Title', value: (d) => d.title },
    { zh: '重点提案', en: 'Key proposal', value: (d) => yesNo(d.keyProposal, l) },
    { zh: '事项', en: 'Deadline', value: (d) => word(DEADLINE_KIND, d.kind, l) },
    { zh: '责任单位', en: 'Unit', value: (d) => c.unitName(d.unitId) },
    { zh: '到期日', en: 'Due', value: (d) => d.endDate },
    { zh: '状态', en: 'Status', value: (d) => dueText(d.due, l) },
    {
      zh: '延误责任（工作日）',
      en: 'Held up by (working days)',
      value: (d) =>
        d.heldBy
          .filter((h) => h.workingDays > 0)
          .map((h) => `${c.unitName(h.unitId)} ${h.workingDays}`)
          .join(l === 'en' ? '; ' : '；'),
    },
    { zh: '已延期', en: 'Extended', value: (d) => yesNo(d.extended, l) },
    { zh: '升级次数', en: 'Escalations', value: (d) => d.escalations },
  ];
  const title =
    state === 'overdue'
      ? l === 'en'
        ? 'Overdue deadlines'
        : '逾期办理事项督办表'
      : l === 'en'
        ? 'Deadlines due soon'
        : '临期办理事项提示表';
  return { title, subtitle: subtitle(c), columns, rows: items };
}
