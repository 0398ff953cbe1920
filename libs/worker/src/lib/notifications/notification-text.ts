import type { EventNotice, NotifiedEventType } from '@banli/contracts';
import { isIsoDate, toShanghaiDate } from '@banli/domain';

/*
 * The texts people read: in-app title and body, e-mail subject and body, SMS. Pure functions
 * of the outbox row and what the relay looked up for it (the proposal, unit names, working
 * days computed with the calendar), so every wording is unit-tested. In Chinese (zh-CN), as
 * bureau staff read them; dates in Asia/Shanghai, written 2026年1月5日.
 */

export interface ProposalRef {
  kind: string;
  sessionName: string;
  number: string;
  title: string;
}

export interface NoticeContext {
  /** The outbox row's kind: deadline-reminder, assigned, daily-digest, … or one unknown here. */
  kind: string;
  /** The row's payload, parsed; anything (even undefined) when it could not be read. */
  payload: unknown;
  /** The unit the notice is for. */
  unitId: string;
  proposalId?: string | null;
  proposal?: ProposalRef;
  unitName: (unitId: string) => string;
  /** Deadline notices: working days from the notice's day to the deadline, or past it. */
  workingDays?: { left: number } | { overdue: number };
  /** Assignment notices: the unit's running deadlines on the proposal. */
  unitDeadlines?: { kind: string; dueAt: string }[];
  /** A dispatched reply's notice: the signed letter's text, line by line. */
  letterLines?: string[];
}

export interface NoticeText {
  title: string;
  body: string;
  /** Short, without the proposal's title (SMS is paid by the segment). */
  sms: string;
}

/** 截止事项: what a deadline is for. */
export const DEADLINE_KIND_TEXT: Record<string, string> = {
  objection: '申请调整',
  opinion: '会办意见',
  contact: '沟通协商',
  reply: '答复',
  feedback: '满意度测评',
  'follow-up': '落实情况报告',
  publication: '答复公开',
  decision: '申请审核',
  limit: '办理总时限',
};

/** 待办事项: what an open task asks for. */
export const TASK_KIND_TEXT: Record<string, string> = {
  'review-registration': '立案审查',
  assign: '交办',
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

/** 办理阶段: where a proposal stands, as the digest of its leaders says it. */
export const STAGE_TEXT: Record<string, string> = {
  registered: '待审查',
  assignment: '待交办',
  consultation: '会办中',
  drafting: '拟稿中',
  review: '核稿中',
  'sign-off': '待签发',
  dispatch: '待发出',
  feedback: '满意度测评中',
  're-handling': '重新办理',
  'follow-up': '跟踪落实',
  publication: '待公开',
  closed: '已办结',
};

const SMS_PREFIX = '【办理】';

/** `2026年1月5日` for an instant (its Asia/Shanghai date) or an ISO date. */
export function chineseDate(instantOrDate: string): string {
  const date = isIsoDate(instantOrDate) ? instantOrDate : toShanghaiDate(instantOrDate);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function kindWord(kind: string | undefined): string {
  return kind === 'suggestion' ? '建议' : '提案';
}

/** `市政协八届二次会议第20230117号提案《关于…的提案》`. */
export function proposalReference(p: ProposalRef): string {
  return `${p.sessionName}第${p.number}号${kindWord(p.kind)}《${p.title}》`;
}

/** The reference without the title, for SMS. */
function shortReference(p: ProposalRef | undefined, proposalId: string | null | undefined): string {
  return p ? `${p.sessionName}第${p.number}号${kindWord(p.kind)}` : `提案${proposalId ?? ''}`;
}

function reference(ctx: NoticeContext): string {
  return ctx.proposal ? proposalReference(ctx.proposal) : `提案（编号${ctx.proposalId ?? '未知'}）`;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function deadlineKindOf(deadlineKey: unknown, kind?: unknown): string {
  // The office's decision on a request: `decision:objection-1`, `decision:extension-2`.
  const key = text(deadlineKey) ?? '';
  if (key.startsWith('decision:objection-')) return '调整申请审核';
  if (key.startsWith('decision:extension-')) return '延期申请审核';
  const k = text(kind) ?? key.split(':')[0];
  return DEADLINE_KIND_TEXT[k] ?? '办理事项';
}

function safeDate(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  try {
    return chineseDate(s);
  } catch {
    return undefined;
  }
}

function daysLeftText(left: number): string {
  return left <= 0 ? '今日到期' : `还剩${left}个工作日`;
}

function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/** Where a supervision document is downloaded, relative to the site (the API serves the web UI). */
export const supervisionDocumentPath = (id: string, format: 'pdf' | 'docx') =>
  `/api/supervision-documents/${encodeURIComponent(id)}/${format}`;

const FOOTER = '（本通知由办理系统自动发送，请登录系统办理。）';

/** The e-mail that brings a proposer the signed reply letter (its PDF attached). */
export function proposerLetterMail(ctx: NoticeContext, proposerName: string): { subject: string; body: string } {
  const p = obj(ctx.payload);
  const number = text(obj(p['data'])['documentNumber']);
  const issuer = ctx.unitName(ctx.unitId);
  const addressee = ctx.proposal?.kind === 'suggestion' ? '代表' : '委员';
  const ref = reference(ctx);
  return {
    subject: `${issuer}对${ref}的答复函${number ? `（${number}）` : ''}`,
    body: lines(
      `${proposerName}${addressee}：`,
      `${issuer}对您提出的${ref}的答复函${number ? `（${number}）` : ''}已签发，现随本邮件附上（PDF）。`,
      '（本邮件由办理系统自动发送。）',
    ),
  };
}

/** The texts of one notice. Never throws: an unknown kind or a broken payload gets a generic notice. */
export function noticeText(ctx: NoticeContext): NoticeText {
  try {
    const build = BUILDERS[ctx.kind];
    if (build) return build(ctx, obj(ctx.payload));
  } catch {
    // A payload that does not have the expected shape: fall through to the generic text.
  }
  return genericNotice(ctx);
}

type Builder = (ctx: NoticeContext, payload: Record<string, unknown>) => NoticeText;

/**
 * An event notice as read back from the outbox. `addEventNotices` wrote it whole, but a row
 * that was tampered with or cut short may lack any field: the texts then leave that part out.
 */
type ReceivedNotice<T extends NotifiedEventType> = Partial<Omit<EventNotice<T>, 'data'>> & {
  data: Partial<EventNotice<T>['data']>;
};

/** A builder for the notice of one audit event type, over the payload typed by that type. */
function onEvent<T extends NotifiedEventType>(
  build: (ctx: NoticeContext, n: ReceivedNotice<T>) => NoticeText,
): Builder {
  return (ctx, payload) => build(ctx, { ...payload, data: obj(payload['data']) } as ReceivedNotice<T>);
}

const BUILDERS: Record<string, Builder> = {
  'deadline-reminder': (ctx, p) => {
    const task = deadlineKindOf(p['deadlineKey']);
    const date = safeDate(p['dueAt']) ?? '期限日';
    const left = ctx.workingDays && 'left' in ctx.workingDays ? ctx.workingDays.left : undefined;
    const when = `将于${date}到期${left === undefined ? '' : `（${daysLeftText(left)}）`}`;
    const ref = reference(ctx);
    return {
      title: `【催办】${ref}的${task}${when}`,
      body: lines(`${ctx.unitName(ctx.unitId)}：`, `${ref}的${task}${when}，请抓紧办理。`, FOOTER),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}的${task}${when}，请抓紧办理。`,
    };
  },

  'deadline-escalation': (ctx, p) => {
    const task = deadlineKindOf(p['deadlineKey']);
    const date = safeDate(p['dueAt']) ?? '期限日';
    const overdue = ctx.workingDays && 'overdue' in ctx.workingDays ? ctx.workingDays.overdue : undefined;
    const round = num(p['escalation']);
    const late = overdue ? `已逾期${overdue}个工作日` : '已逾期';
    const unit = ctx.unitName(ctx.unitId);
    const ref = reference(ctx);
    return {
      title: `【督办】${ref}的${task}已于${date}到期，${late}${round ? `（第${round}次督办）` : ''}`,
      body: lines(
        `${unit}：`,
        `${ref}的${task}已于${date}到期，至今${late}仍未办结${round ? `（第${round}次督办）` : ''}，请立即办理并向督办部门说明情况。`,
        '本通知同时送督办人员。',
        FOOTER,
      ),
      sms: `${SMS_PREFIX}督办：${unit}承办的${shortReference(ctx.proposal, ctx.proposalId)}${task}${late}，请立即办理。`,
    };
  },

  // To the units on the letter's copy list (the proposers get proposerLetterMail instead).
  'reply-dispatched': onEvent<'reply-dispatched'>((ctx, n) => {
    const issuer = ctx.unitName(ctx.unitId);
    const number = text(n.data.documentNumber);
    const ref = reference(ctx);
    return {
      title: `【抄送】${issuer}对${ref}的答复函${number ? `（${number}）` : ''}已寄送`,
      // The letter itself: a unit on the copy list may have no part in the proposal, and so no
      // access to its page.
      body: lines(
        `${issuer}对${ref}的答复函${number ? `（${number}）` : ''}已寄送提案人，抄送贵单位。`,
        ctx.letterLines?.length ? `答复函全文：\n\n${ctx.letterLines.join('\n')}\n` : undefined,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${issuer}对${shortReference(ctx.proposal, ctx.proposalId)}的答复函已寄送，抄送贵单位。`,
    };
  }),

  'reminder-notice': onEvent<'reminder-notice'>((ctx, n) => {
    const actorUnit = text(n.actor?.unitId);
    const from = actorUnit ? ctx.unitName(actorUnit) : '督办部门';
    const message = text(n.data.message);
    const tasks = n.data.tasks ?? [];
    const ref = reference(ctx);
    return {
      title: `【催办】${from}催办${ref}`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${from}对${ref}进行催办${message ? `：${message}` : '，请抓紧办理。'}`,
        tasks.length > 0 && '待办事项：',
        ...tasks.map((t, i) => {
          const what = TASK_KIND_TEXT[t.kind] ?? deadlineKindOf(t.deadlineKey);
          const due = safeDate(t.dueAt);
          return `${i + 1}. ${what}${due ? `，${due}到期` : ''}`;
        }),
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${from}催办${shortReference(ctx.proposal, ctx.proposalId)}，请尽快办理。`,
    };
  }),

  assigned: onEvent<'assigned'>((ctx, n) => {
    const mode = n.data.mode;
    const replying = n.data.replyingUnitIds ?? [];
    const coHandlers = n.data.coHandlerUnitIds ?? [];
    const role = coHandlers.includes(ctx.unitId)
      ? '会办'
      : mode === 'split'
        ? '分办'
        : mode === 'single'
          ? '办理'
          : '主办';
    const names = (ids: string[]) => ids.map(ctx.unitName).join('、');
    const who =
      mode === 'lead'
        ? `主办单位：${names(replying)}${coHandlers.length ? `；会办单位：${names(coHandlers)}` : ''}。`
        : mode === 'split'
          ? `分办单位：${names(replying)}。`
          : undefined;
    const deadlines = (ctx.unitDeadlines ?? []).filter((d) => d.kind !== 'limit');
    const ref = reference(ctx);
    return {
      title: `【交办】${ref}已交由贵单位${role}`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${ref}已交由贵单位${role}。`,
        who,
        deadlines.length > 0 &&
          `办理时限：${deadlines.map((d) => `${DEADLINE_KIND_TEXT[d.kind] ?? d.kind}${chineseDate(d.dueAt)}前`).join('；')}。`,
        deadlines.some((d) => d.kind === 'objection') && '如交办有误，请在申请调整期限内提出调整申请。',
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}已交由贵单位${role}，请登录系统办理。`,
    };
  }),

  'opinion-returned': onEvent<'opinion-returned'>((ctx, n) => {
    const actorUnit = text(n.actor?.unitId);
    const version = n.data.version;
    const reason = text(n.data.reason);
    const ref = reference(ctx);
    return {
      title: `【退回】${ref}的会办意见被主办单位退回修改`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `贵单位就${ref}提交的会办意见${version ? `（第${version}版）` : ''}被主办单位${actorUnit ? ctx.unitName(actorUnit) : ''}退回修改，请修改后重新提交。`,
        reason && `退回理由：${reason}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}的会办意见被退回修改，请登录系统查看。`,
    };
  }),

  // To the lead unit: a co-handler's opinion has arrived (each submission, revisions too).
  'opinion-submitted': onEvent<'opinion-submitted'>((ctx, n) => {
    const from = text(n.actor?.unitId);
    const fromName = from ? ctx.unitName(from) : '会办单位';
    const version = num(n.data.version);
    const revised = version !== undefined && version > 1;
    const ref = reference(ctx);
    const what = `${fromName}${revised ? '修改后重新提交了' : '提交了'}${ref}的会办意见${version ? `（第${version}版）` : ''}`;
    return {
      title: `【会办意见】${what}`,
      body: lines(`${ctx.unitName(ctx.unitId)}：`, `${what}，请登录系统查阅并综合办理。`, FOOTER),
      sms: `${SMS_PREFIX}${fromName}提交了${shortReference(ctx.proposal, ctx.proposalId)}的会办意见。`,
    };
  }),

  // To the unit whose reply a proposer rated unsatisfied: handling is open again.
  'rehandling-opened': onEvent<'rehandling-opened'>((ctx, n) => {
    const round = num(n.data.round);
    const ref = reference(ctx);
    return {
      title: `【重新办理】${ref}的答复被评为不满意，需重新办理`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${ref}的答复经满意度测评有提案人表示不满意，已进入重新办理${round ? `（第${round}轮）` : ''}，请重新研究办理，在新的期限内重新答复。`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}答复被评为不满意，需重新办理。`,
    };
  }),

  // To the assigning office: an objection to decide.
  'objection-raised': onEvent<'objection-raised'>((ctx, n) => {
    const from = text(n.actor?.unitId);
    const fromName = from ? ctx.unitName(from) : '承办单位';
    const reason = text(n.data.reason);
    const ref = reference(ctx);
    return {
      title: `【调整申请】${fromName}对${ref}的交办提出调整申请`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${fromName}对${ref}的交办提出调整申请，请审核并作出决定（同意调整并改交其他单位，或不同意）。`,
        reason && `申请理由：${reason}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${fromName}对${shortReference(ctx.proposal, ctx.proposalId)}提出调整申请，请审核。`,
    };
  }),

  // To the assigning office: an extension request to decide.
  'extension-requested': onEvent<'extension-requested'>((ctx, n) => {
    const from = text(n.actor?.unitId);
    const fromName = from ? ctx.unitName(from) : '承办单位';
    const task = deadlineKindOf(n.data.deadlineKey);
    const until = safeDate(n.data.requestedEndDate);
    const reason = text(n.data.reason);
    const ref = reference(ctx);
    return {
      title: `【延期申请】${fromName}申请延长${ref}的${task}期限${until ? `至${until}` : ''}`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${fromName}申请将${ref}的${task}期限延长${until ? `至${until}` : ''}，请审核并作出决定（批准或不批准）。`,
        reason && `申请理由：${reason}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${fromName}申请延长${shortReference(ctx.proposal, ctx.proposalId)}的${task}期限，请审核。`,
    };
  }),

  'draft-sent-back': onEvent<'draft-sent-back'>((ctx, n) => {
    const step = n.data.step === 'sign-off' ? '签发' : '核稿';
    const version = n.data.draftVersion;
    const comment = text(n.data.comment);
    const ref = reference(ctx);
    return {
      title: `【退回】${ref}的答复稿在${step}环节被退回`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${ref}的答复稿${version ? `（第${version}稿）` : ''}在${step}环节被退回，请修改后重新提交。`,
        comment && `意见：${comment}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}的答复稿在${step}环节被退回。`,
    };
  }),

  'extension-decided': onEvent<'extension-decided'>((ctx, n) => {
    const task = deadlineKindOf(n.data.deadlineKey);
    const approved = n.data.decision === 'approve';
    const newDate = safeDate(n.data.requestedEndDate);
    const reason = text(n.data.reason);
    const ref = reference(ctx);
    const outcome = approved ? `已批准${newDate ? `，新的期限为${newDate}` : ''}` : '未获批准，原期限不变';
    return {
      title: `【延期】${ref}的${task}延期申请${outcome}`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `贵单位就${ref}的${task}提出的延期申请${outcome}。`,
        reason && `理由：${reason}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}的${task}延期申请${outcome}。`,
    };
  }),

  'objection-decided': onEvent<'objection-decided'>((ctx, n) => {
    const reassigned = n.data.decision === 'reassign';
    const replacement = text(n.data.replacementUnitId);
    const reason = text(n.data.reason);
    const ref = reference(ctx);
    const forReplacement = reassigned && replacement === ctx.unitId;
    const outcome = forReplacement
      ? '经调整，改由贵单位办理'
      : reassigned
        ? `贵单位的调整申请已同意，改由${replacement ? ctx.unitName(replacement) : '其他单位'}办理`
        : '贵单位的调整申请未获同意，请继续办理';
    return {
      title: `【调整】${ref}${outcome}`,
      body: lines(`${ctx.unitName(ctx.unitId)}：`, `${ref}${outcome}。`, reason && `理由：${reason}`, FOOTER),
      sms: `${SMS_PREFIX}${shortReference(ctx.proposal, ctx.proposalId)}${outcome}。`,
    };
  }),

  // A 催办单, 督办通知单 or 督办通报 issued to the unit: where to download it (PDF and Word).
  'supervision-document': (ctx, p) => {
    const kind = text(p['documentKind']);
    const what = kind === 'circular' ? '督办通报' : kind === 'supervision-notice' ? '督办通知单' : '催办单';
    const number = text(p['documentNumber']);
    const id = text(p['documentId']) ?? '';
    const issuerUnit = text(p['issuerUnitId']);
    const from = issuerUnit ? ctx.unitName(issuerUnit) : '督办部门';
    const about = ctx.proposalId ? `，事关${reference(ctx)}` : '';
    return {
      title: `【${what}】${from}${what}${number ? `（${number}）` : ''}`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `${from}向贵单位发出${what}${number ? `（${number}）` : ''}${about}，请登录系统查阅并按要求办理。`,
        `下载（PDF）：${supervisionDocumentPath(id, 'pdf')}`,
        `下载（Word）：${supervisionDocumentPath(id, 'docx')}`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${from}向贵单位发出${what}${number ? `（${number}）` : ''}，请登录系统查阅。`,
    };
  },

  'calendar-reminder': (ctx, p) => {
    const year = num(p['year']) ?? new Date().getUTCFullYear() + 1;
    return {
      title: `【节假日日历】${year}年节假日安排尚未载入`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}系统管理员：`,
        `系统尚未载入${year}年的节假日安排，${year}年的办理时限均按周末推算，为暂定时限。`,
        `国务院办公厅公布${year}年部分节假日安排后，请在“节假日日历”页面或用 npm run calendar -- load 载入，系统将自动重新计算在办提案的时限。`,
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${year}年节假日安排尚未载入，请系统管理员及时载入。`,
    };
  },

  'daily-digest': (ctx, p) => {
    const date = safeDate(p['date']) ?? '今日';
    const tasks = (Array.isArray(p['tasks']) ? p['tasks'] : []).map(obj);
    // The line's `due` (the domain's dueStatus) when present; digests written before it carry the day counts.
    const lateOf = (t: Record<string, unknown>): number | undefined => {
      const due = obj(t['due']);
      if (due['state'] === 'overdue') return num(due['workingDaysOverdue']) ?? 0;
      return due['state'] ? undefined : num(t['overdueWorkingDays']);
    };
    const leftOf = (t: Record<string, unknown>): number =>
      num(obj(t['due'])['workingDaysLeft']) ?? num(t['workingDaysLeft']) ?? 0;
    const overdue = tasks.filter((t) => lateOf(t) !== undefined);
    const soon = tasks.filter((t) => lateOf(t) === undefined);
    const item = (t: Record<string, unknown>, i: number) => {
      const ref = proposalReference({
        kind: String(t['proposalKind'] ?? 'proposal'),
        sessionName: String(t['sessionName'] ?? ''),
        number: String(t['number'] ?? ''),
        title: String(t['title'] ?? ''),
      });
      const what = TASK_KIND_TEXT[String(t['taskKind'])] ?? deadlineKindOf(t['deadlineKey']);
      const due = safeDate(t['dueAt']) ?? '';
      const late = lateOf(t);
      const left = leftOf(t);
      return `${i + 1}. ${ref}：${what}，${due}到期，${late !== undefined ? `已逾期${late}个工作日` : daysLeftText(left)}`;
    };
    return {
      title: `【每日待办】${date}：${overdue.length}项已逾期，${soon.length}项即将到期`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}：`,
        `截至${date}，贵单位有以下待办任务已逾期或即将到期：`,
        overdue.length > 0 && `一、已逾期（${overdue.length}项）`,
        ...overdue.map(item),
        soon.length > 0 && `${overdue.length > 0 ? '二' : '一'}、即将到期（${soon.length}项）`,
        ...soon.map(item),
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${date}待办：${overdue.length}项已逾期，${soon.length}项即将到期，请登录系统办理。`,
    };
  },

  // To one leader (领办领导) who is a user: the key proposals they lead, as they stand.
  'leader-digest': (ctx, p) => {
    const date = safeDate(p['date']) ?? '今日';
    const proposals = (Array.isArray(p['proposals']) ? p['proposals'] : []).map(obj);
    const lateCount = (l: Record<string, unknown>) =>
      (Array.isArray(l['deadlines']) ? l['deadlines'] : []).map(obj).filter((d) => obj(d['due'])['state'] === 'overdue')
        .length;
    const withOverdue = proposals.filter((l) => lateCount(l) > 0).length;
    const block = (l: Record<string, unknown>, i: number) => {
      const ref = proposalReference({
        kind: String(l['proposalKind'] ?? 'proposal'),
        sessionName: String(l['sessionName'] ?? ''),
        number: String(l['number'] ?? ''),
        title: String(l['title'] ?? ''),
      });
      const lead = text(l['leadUnitId']);
      const stage = STAGE_TEXT[String(l['stage'])] ?? String(l['stage'] ?? '');
      const deadlines = (Array.isArray(l['deadlines']) ? l['deadlines'] : []).map(obj).map((d) => {
        const due = obj(d['due']);
        const state =
          due['state'] === 'overdue'
            ? `已逾期${num(due['workingDaysOverdue']) ?? 0}个工作日`
            : daysLeftText(num(due['workingDaysLeft']) ?? 0);
        return `  - ${ctx.unitName(String(d['unitId']))}${deadlineKindOf(undefined, d['kind'])}：${safeDate(d['dueAt']) ?? ''}到期，${state}`;
      });
      return [`${i + 1}. ${ref}：${stage}${lead ? `，主办单位${ctx.unitName(lead)}` : ''}`, ...deadlines];
    };
    return {
      title: `【重点提案】${date}：您领办的重点提案${proposals.length}件${withOverdue ? `，其中${withOverdue}件有逾期事项` : ''}`,
      body: lines(
        '领导同志：',
        `截至${date}，您领办的重点提案办理情况如下：`,
        ...(proposals.length ? proposals.flatMap(block) : ['无']),
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${date}您领办的重点提案${proposals.length}件${withOverdue ? `，${withOverdue}件有逾期事项` : ''}，请登录系统查看。`,
    };
  },

  'supervisor-digest': (ctx, p) => {
    const date = safeDate(p['date']) ?? '今日';
    const weekEnd = safeDate(p['weekEnd']) ?? '本周末';
    const units = (Array.isArray(p['overdueByUnit']) ? p['overdueByUnit'] : []).map(obj);
    const week = (Array.isArray(p['dueThisWeek']) ? p['dueThisWeek'] : []).map(obj);
    const overdueCount = num(p['overdueCount']) ?? units.reduce((n, u) => n + (num(u['count']) ?? 0), 0);
    const weekCount = num(p['dueThisWeekCount']) ?? week.length;
    const what = (l: Record<string, unknown>) => {
      const ref = proposalReference({
        kind: String(l['proposalKind'] ?? 'proposal'),
        sessionName: String(l['sessionName'] ?? ''),
        number: String(l['number'] ?? ''),
        title: String(l['title'] ?? ''),
      });
      return `${l['keyProposal'] === true ? '【重点】' : ''}${ref}：${deadlineKindOf(undefined, l['kind'])}`;
    };
    const late = (l: Record<string, unknown>) => num(obj(l['due'])['workingDaysOverdue']) ?? 0;
    const left = (l: Record<string, unknown>) => num(obj(l['due'])['workingDaysLeft']) ?? 0;
    const more = (shown: number, all: number) => all > shown && `  ……另有${all - shown}项，请登录系统查看`;
    const unitBlocks = units.flatMap((u, i) => {
      const ls = (Array.isArray(u['lines']) ? u['lines'] : []).map(obj);
      const count = num(u['count']) ?? ls.length;
      return [
        `${i + 1}. ${ctx.unitName(String(u['unitId']))}：逾期${count}项，最长逾期${num(u['mostWorkingDaysOverdue']) ?? 0}个工作日`,
        ...ls.map((l) => `  - ${what(l)}，${safeDate(l['dueAt']) ?? ''}到期，已逾期${late(l)}个工作日`),
        more(ls.length, count),
      ];
    });
    return {
      title: `【督办日报】${date}：${overdueCount}项逾期（${units.length}个单位），本周${weekCount}项到期`,
      body: lines(
        `${ctx.unitName(ctx.unitId)}督办人员：`,
        `截至${date}，在办提案的办理时限情况如下：`,
        `一、已逾期（${overdueCount}项，按责任单位）`,
        ...(unitBlocks.length ? unitBlocks : ['无']),
        `二、本周内到期（${weekCount}项，至${weekEnd}）`,
        ...(week.length
          ? week.map(
              (l, i) =>
                `${i + 1}. ${what(l)}（${ctx.unitName(String(l['unitId']))}），${safeDate(l['dueAt']) ?? ''}到期，${daysLeftText(left(l))}`,
            )
          : ['无']),
        more(week.length, weekCount),
        FOOTER,
      ),
      sms: `${SMS_PREFIX}${date}督办：${overdueCount}项逾期，本周${weekCount}项到期，请登录系统查看。`,
    };
  },
};

function genericNotice(ctx: NoticeContext): NoticeText {
  const about = ctx.proposal || ctx.proposalId ? reference(ctx) : '贵单位的办理事项';
  return {
    title: `【通知】${about}有新的办理动态`,
    body: lines(`${ctx.unitName(ctx.unitId)}：`, `${about}有新的办理动态（${ctx.kind}）。`, FOOTER),
    sms: `${SMS_PREFIX}${ctx.proposal || ctx.proposalId ? shortReference(ctx.proposal, ctx.proposalId) : '贵单位'}有新的办理动态，请登录系统查看。`,
  };
}
