import { createHash } from 'node:crypto';
import type { IsoDate, SupervisionDocumentKind } from '@banli/domain';
import { toChineseNumeral } from './chinese-numeral';
import type { OfficialDocument } from './official-document';
import { formatLetterDate, selfReferenceOf, type LetterBlock } from './reply-letter';

/** What a deadline is for, as a notice names it (the notification texts use the same words). */
export const NOTICE_DEADLINE_WORDS: Readonly<Record<string, string>> = {
  objection: '申请调整',
  opinion: '会办意见',
  contact: '沟通协商',
  reply: '答复',
  feedback: '满意度测评',
  'follow-up': '落实情况报告',
  publication: '答复公开',
  limit: '办理总时限',
};

/** What an open task asks for, as a notice names it. */
export const NOTICE_TASK_WORDS: Readonly<Record<string, string>> = {
  'decide-objection': '审核调整申请',
  'decide-extension': '审核延期申请',
  opinion: '会办意见',
  contact: '沟通协商',
  draft: '答复拟稿',
  'review-draft': '答复核稿',
  'sign-off': '答复签发',
  dispatch: '答复寄送',
  'record-feedback': '满意度测评录入',
  'follow-up': '落实情况报告',
  publish: '答复公开',
};

/** One open task a 催办单 or 督办通知单 names, with where it stands on the day of issue. */
export interface NoticeTask {
  /** What is to be done, in Chinese: `答复`, `会办意见`. */
  what: string;
  /** The deadline's last day, when it has one. */
  dueOn?: IsoDate | null;
  /** Working days left to the deadline on the day of issue, or past it. */
  workingDays?: { left: number } | { overdue: number } | null;
}

/** The facts of a 催办单 (`reminder`) or 督办通知单 (`supervision-notice`), as recorded. */
export interface ProposalNoticeFacts {
  kind: 'reminder' | 'supervision-notice';
  documentNumber: string;
  /** The issuing office's full name (the supervisor's unit). */
  issuerName: string;
  addresseeName: string;
  /** `提案` or `建议`. */
  documentWord: string;
  sessionName: string;
  proposalNumber: string;
  proposalTitle: string;
  tasks: NoticeTask[];
  /** The supervisor's note, paragraphs split at line breaks. */
  message?: string | null;
  issuedOn: IsoDate;
}

/** One unit's line in a 督办通报. */
export interface CircularLine {
  unitName: string;
  overdue: number;
  workingDaysHeldUp: number;
  reminderNotices: number;
}

/** The facts of a 督办通报, as recorded. */
export interface CircularFacts {
  kind: 'circular';
  documentNumber: string;
  issuerName: string;
  from: IsoDate;
  to: IsoDate;
  units: CircularLine[];
  message?: string | null;
  issuedOn: IsoDate;
}

export type SupervisionDocumentFacts = ProposalNoticeFacts | CircularFacts;

export const SUPERVISION_DOCUMENT_TITLES: Readonly<Record<SupervisionDocumentKind, string>> = {
  reminder: '催办单',
  'supervision-notice': '督办通知单',
  circular: '督办通报',
};

const paragraphs = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

function taskLine(task: NoticeTask, i: number): string {
  const due = task.dueOn ? `，办理期限${formatLetterDate(task.dueOn)}` : '';
  const days = task.workingDays
    ? 'overdue' in task.workingDays
      ? `，已逾期${task.workingDays.overdue}个工作日`
      : `，尚余${task.workingDays.left}个工作日`
    : '';
  return `（${toChineseNumeral(i + 1)}）${task.what}${due}${days}。`;
}

/**
 * A 催办单 or 督办通知单 written out: the issuing office's 版头 and number, the title, the unit
 * addressed, the proposal (session, number, title), each open task with its deadline and the
 * working days left or overdue on the day of issue, the supervisor's note, what is asked, and
 * the office's signature and date. Pure: the same facts give the same document.
 */
export function proposalNoticeDocument(f: ProposalNoticeFacts): OfficialDocument {
  const strong = f.kind === 'supervision-notice';
  const title = `关于${f.sessionName}第${f.proposalNumber}号${f.documentWord}的${SUPERVISION_DOCUMENT_TITLES[f.kind]}`;
  const we = selfReferenceOf(f.issuerName);
  const note = paragraphs(f.message);
  const blocks: LetterBlock[] = [
    { role: 'issuer', text: f.issuerName },
    { role: 'document-number', text: f.documentNumber },
    { role: 'title', text: title },
    { role: 'salutation', text: `${f.addresseeName}：` },
    {
      role: 'paragraph',
      text: `贵单位承办的${f.sessionName}第${f.proposalNumber}号${f.documentWord}《${f.proposalTitle}》，${
        f.tasks.length > 0 ? '下列事项尚未办结：' : '尚未办结。'
      }`,
    },
    ...f.tasks.map((t, i): LetterBlock => ({ role: 'sub-point', text: taskLine(t, i) })),
    ...note.map((text, i): LetterBlock => ({
      role: 'paragraph',
      text: i === 0 ? `${strong ? '督办意见' : '催办意见'}：${text}` : text,
    })),
    {
      role: 'paragraph',
      text: strong
        ? `现予督办。请贵单位主要负责同志亲自过问，立即办理，并于收到本通知单后3个工作日内将办理进展及逾期原因书面报送${we}。`
        : `请贵单位抓紧办理，确保按期办结。`,
    },
    { role: 'signature', text: f.issuerName },
    { role: 'date', text: formatLetterDate(f.issuedOn) },
  ];
  return { title, issuer: f.issuerName, blocks };
}

/**
 * A 督办通报 written out: the period, then one line per unit with late work (late items,
 * working days held up, 催办 received), most days held up first, the note, and the request.
 */
export function circularDocument(f: CircularFacts): OfficialDocument {
  const period = `${formatLetterDate(f.from)}至${formatLetterDate(f.to)}`;
  const title = `关于${period}建议提案办理逾期情况的通报`;
  const note = paragraphs(f.message);
  const blocks: LetterBlock[] = [
    { role: 'issuer', text: f.issuerName },
    { role: 'document-number', text: f.documentNumber },
    { role: 'title', text: title },
    { role: 'salutation', text: '各承办单位：' },
    {
      role: 'paragraph',
      text:
        f.units.length > 0
          ? `截至${formatLetterDate(f.issuedOn)}，${period}交办的建议提案办理工作中，下列${f.units.length}个单位存在逾期事项，现予通报：`
          : `截至${formatLetterDate(f.issuedOn)}，${period}交办的建议提案办理工作中，没有单位存在逾期事项。`,
    },
    ...f.units.map((u, i): LetterBlock => ({
      role: 'sub-point',
      text: `（${toChineseNumeral(i + 1)}）${u.unitName}：逾期事项${u.overdue}项，延误${u.workingDaysHeldUp}个工作日，被催办${u.reminderNotices}次。`,
    })),
    ...note.map((text): LetterBlock => ({ role: 'paragraph', text })),
    ...(f.units.length > 0
      ? [{ role: 'paragraph', text: '请被通报单位高度重视，认真分析逾期原因，抓紧办理，确保按期办结。' } as LetterBlock]
      : []),
    { role: 'signature', text: f.issuerName },
    { role: 'date', text: formatLetterDate(f.issuedOn) },
  ];
  return { title, issuer: f.issuerName, blocks };
}

export function supervisionDocument(f: SupervisionDocumentFacts): OfficialDocument {
  return f.kind === 'circular' ? circularDocument(f) : proposalNoticeDocument(f);
}

/** SHA-256 of the document's text, block by block: what was sent, whichever rendering. */
export function documentContentHash(doc: OfficialDocument): string {
  return createHash('sha256')
    .update(JSON.stringify(doc.blocks.map((b) => [b.role, b.text])))
    .digest('hex');
}
