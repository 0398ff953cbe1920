import {
  canReadSupervisionDocument,
  checkCircularPeriod,
  checkSupervisionNotice,
  circularUnits,
  DomainError,
  dueStatus,
  requireSupervisionDocumentRole,
  supervisionNoticeUnits,
  toShanghaiDate,
  type DeadlinePolicy,
  type IsoDate,
  type ProposalEvent,
  type WorkingDayCalendar,
} from '@banli/domain';
import {
  documentContentHash,
  NOTICE_DEADLINE_WORDS,
  NOTICE_TASK_WORDS,
  renderDocumentDocx,
  renderDocumentPdf,
  supervisionDocument,
  type CircularFacts,
  type LetterFontFiles,
  type NoticeTask,
  type ProposalNoticeFacts,
  type SupervisionDocumentFacts,
} from '@banli/letters';
import type {
  ICalendarOverrideRepository,
  IDirectoryRepository,
  IProposalRepository,
  ISupervisionDocumentRepository,
  ISupervisionRepository,
  ProposalEntity,
  SupervisionDocumentRecord,
} from '@banli/persistence';
import type { ActionResult } from '@banli/contracts';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export const SUPERVISION_DOCUMENT_FORMATS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type SupervisionDocumentFormat = keyof typeof SUPERVISION_DOCUMENT_FORMATS;

/** A document as the API shows it: the record without its facts. */
export type SupervisionDocumentView = Omit<SupervisionDocumentRecord, 'facts'>;

export interface RenderedSupervisionDocument {
  content: Buffer;
  contentType: string;
  filename: string;
  contentHash: string;
}

/**
 * The supervision documents (催办单, 督办通知单, 督办通报): issues each from the facts on the day
 * (the proposal, the unit's open deadlines and the working days left or overdue with the
 * calendar in force; the period's statistics per unit), records it with its number and the
 * hash of its text, and has it delivered through the outbox; renders it as PDF or DOCX in the
 * reply letter's layout on download, for supervisors and the units it is addressed to only.
 */
export class SupervisionDocumentsService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly documents: ISupervisionDocumentRepository,
    private readonly proposals: IProposalRepository,
    private readonly supervision: ISupervisionRepository,
    private readonly calendars: ICalendarOverrideRepository,
    private readonly directory: Pick<IDirectoryRepository, 'units'>,
    private readonly policy: Pick<DeadlinePolicy, 'dueSoonWorkingDays'>,
    private readonly fonts: string | LetterFontFiles | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Sends a 催办 (the sendReminder action) and issues its 催办单: the action's result with the
   * document's id and number. A retried request (its Idempotency-Key) finds the same 催办 and
   * gets the same 催办单.
   */
  async withReminderNotice(
    user: AuthenticatedUser,
    proposalId: string,
    unitId: string,
    send: () => Promise<ActionResult>,
  ): Promise<ActionResult> {
    const result = await send();
    const document = await this.issueReminder(user, proposalId, unitId);
    return { ...result, documentId: document.id, documentNumber: document.documentNumber };
  }

  /**
   * The 催办单 of a 催办 just sent (`sendReminder`): written from the reminder's audit event (its
   * tasks and note), one per event, so a repeated request gets the same document.
   */
  async issueReminder(user: AuthenticatedUser, proposalId: string, unitId: string): Promise<SupervisionDocumentView> {
    requireSupervisionDocumentRole(user, 'reminder');
    const proposal = await this.access.readable(user, proposalId);
    const history = await this.proposals.historyOf(proposalId);
    const event = [...history]
      .reverse()
      .find(
        (e): e is Extract<ProposalEvent, { type: 'reminder-notice' }> =>
          e.type === 'reminder-notice' && e.unitId === unitId && e.actor?.userId === user.userId,
      );
    if (!event) throw new DomainError('NOT_FOUND', `No reminder to ${unitId} on ${proposalId} by this user`);
    const calendar = await this.calendars.current();
    const issuedAt = new Date(event.at);
    const tasks: NoticeTask[] = event.data.tasks.map((t) => ({
      what: NOTICE_TASK_WORDS[t.kind] ?? NOTICE_DEADLINE_WORDS[(t.deadlineKey ?? '').split(':')[0]] ?? '办理事项',
      ...this.dueOf(t.dueAt, issuedAt, calendar),
    }));
    return this.issueProposalNotice(
      user,
      proposal,
      'reminder',
      unitId,
      tasks,
      event.data.message,
      issuedAt,
      `${proposalId}/${event.seq}`,
    );
  }

  /**
   * A 督办通知单 to a unit holding an overdue deadline on the proposal; it names the unit's
   * running deadlines with their working days overdue or left.
   */
  async issueSupervisionNotice(
    user: AuthenticatedUser,
    proposalId: string,
    unitId: unknown,
    message: unknown,
  ): Promise<SupervisionDocumentView> {
    requireSupervisionDocumentRole(user, 'supervision-notice');
    const proposal = await this.access.readable(user, proposalId);
    const now = this.clock();
    const calendar = await this.calendars.current();
    const running = (await this.proposals.deadlinesOf(proposalId)).filter(
      (d) => d.status === 'running' && d.dueAt && d.kind !== 'limit',
    );
    const overdueUnits = supervisionNoticeUnits(
      // Only the units matter here: the role is checked above, and again by checkSupervisionNotice.
      user,
      running.map((d) => ({ ...d, due: dueStatus({ dueAt: d.dueAt, status: 'running' }, now, calendar, this.policy) })),
    );
    checkSupervisionNotice(user, unitId, overdueUnits, message);
    const tasks: NoticeTask[] = running
      .filter((d) => d.unitId === unitId)
      .map((d) => ({ what: NOTICE_DEADLINE_WORDS[d.kind] ?? '办理事项', ...this.dueOf(d.dueAt, now, calendar) }));
    return this.issueProposalNotice(
      user,
      proposal,
      'supervision-notice',
      unitId as string,
      tasks,
      typeof message === 'string' ? message : null,
      now,
      null,
    );
  }

  /**
   * A 督办通报 over a period: the units with late work or working days held up in the period's
   * statistics per unit (the figures of docs/supervision-figures.md), delivered to each of them.
   */
  async issueCircular(
    user: AuthenticatedUser,
    from: unknown,
    to: unknown,
    message: unknown,
  ): Promise<SupervisionDocumentView> {
    requireSupervisionDocumentRole(user, 'circular');
    const period = checkCircularPeriod(from, to);
    if (message !== undefined && (typeof message !== 'string' || message.length > 2000)) {
      throw new DomainError('VALIDATION_FAILED', 'The message must be a text of at most 2000 characters', [
        { field: 'message', message: 'at most 2000 characters' },
      ]);
    }
    const now = this.clock();
    const calendar = await this.calendars.current();
    const rows = await this.supervision.statistics({ groupBy: 'unit', ...period }, calendar, now);
    const units = circularUnits(rows);
    const names = await this.unitNames();
    const issuedOn = toShanghaiDate(now);
    const record = await this.documents.issue({
      kind: 'circular',
      addresseeUnitIds: units.map((u) => u.unitId),
      periodFrom: period.from,
      periodTo: period.to,
      actor: user,
      issuedAt: now,
      compose: (documentNumber) => {
        const facts: CircularFacts = {
          kind: 'circular',
          documentNumber,
          issuerName: names(user.unitId),
          from: period.from,
          to: period.to,
          units: units.map((u) => ({
            unitName: names(u.unitId),
            overdue: u.overdue,
            workingDaysHeldUp: u.workingDaysHeldUp,
            reminderNotices: u.reminderNotices,
          })),
          ...(typeof message === 'string' && message.trim() ? { message } : {}),
          issuedOn,
        };
        return this.composed(facts);
      },
    });
    return viewOf(record);
  }

  /** A proposal's documents the caller may read, newest first. */
  async ofProposal(user: AuthenticatedUser, proposalId: string): Promise<SupervisionDocumentView[]> {
    await this.access.readable(user, proposalId);
    return (await this.documents.ofProposal(proposalId)).filter((d) => canReadSupervisionDocument(user, d)).map(viewOf);
  }

  /** The latest circulars (supervisors'). */
  async circulars(user: AuthenticatedUser): Promise<SupervisionDocumentView[]> {
    requireSupervisionDocumentRole(user, 'circular');
    return (await this.documents.circulars(50)).map(viewOf);
  }

  async get(user: AuthenticatedUser, id: string): Promise<SupervisionDocumentView> {
    return viewOf(await this.readable(user, id));
  }

  /** The document rendered from its recorded facts; its text hash must still be the recorded one. */
  async render(user: AuthenticatedUser, id: string, format: string): Promise<RenderedSupervisionDocument> {
    const record = await this.readable(user, id);
    if (format !== 'pdf' && format !== 'docx') {
      throw new DomainError('NOT_FOUND', `No format ${format}: pdf or docx`);
    }
    const doc = supervisionDocument(record.facts as SupervisionDocumentFacts);
    const contentHash = documentContentHash(doc);
    if (contentHash !== record.contentHash) {
      throw new Error(`Supervision document ${id} no longer renders as recorded (text hash differs)`);
    }
    let content: Buffer;
    if (format === 'pdf') {
      if (!this.fonts) {
        throw new DomainError(
          'SERVICE_UNAVAILABLE',
          'No CJK font for PDF documents: run scripts/ensure-fonts.sh or set BANLI_CJK_FONT',
        );
      }
      content = await renderDocumentPdf(doc, this.fonts);
    } else {
      content = await renderDocumentDocx(doc);
    }
    return {
      content,
      contentType: SUPERVISION_DOCUMENT_FORMATS[format],
      filename: `${record.documentNumber}.${format}`,
      contentHash,
    };
  }

  private async readable(user: AuthenticatedUser, id: string): Promise<SupervisionDocumentRecord> {
    const record = /^[0-9a-f-]{36}$/.test(id) ? await this.documents.get(id) : undefined;
    // Another unit's document answers as one that does not exist.
    if (!record || !canReadSupervisionDocument(user, record)) {
      throw new DomainError('NOT_FOUND', `No supervision document ${id}`);
    }
    return record;
  }

  private async issueProposalNotice(
    user: AuthenticatedUser,
    proposal: ProposalEntity,
    kind: 'reminder' | 'supervision-notice',
    unitId: string,
    tasks: NoticeTask[],
    message: string | null,
    issuedAt: Date,
    sourceKey: string | null,
  ): Promise<SupervisionDocumentView> {
    const names = await this.unitNames();
    const record = await this.documents.issue({
      kind,
      proposalId: proposal.id,
      unitId,
      addresseeUnitIds: [unitId],
      sourceKey,
      actor: user,
      issuedAt,
      compose: (documentNumber) => {
        const facts: ProposalNoticeFacts = {
          kind,
          documentNumber,
          issuerName: names(user.unitId),
          addresseeName: names(unitId),
          documentWord: proposal.kind === 'suggestion' ? '建议' : '提案',
          sessionName: proposal.sessionName,
          proposalNumber: proposal.number,
          proposalTitle: proposal.title,
          tasks,
          ...(message && message.trim() ? { message } : {}),
          issuedOn: toShanghaiDate(issuedAt),
        };
        return this.composed(facts);
      },
    });
    return viewOf(record);
  }

  private composed(facts: SupervisionDocumentFacts) {
    const doc = supervisionDocument(facts);
    return { title: doc.title, facts, contentHash: documentContentHash(doc) };
  }

  private dueOf(
    dueAt: string | null | undefined,
    at: Date,
    calendar: WorkingDayCalendar,
  ): Pick<NoticeTask, 'dueOn' | 'workingDays'> {
    if (!dueAt) return {};
    const due = dueStatus({ dueAt, status: 'running' }, at, calendar, this.policy);
    const dueOn: IsoDate = toShanghaiDate(dueAt);
    if (due.state === 'overdue') return { dueOn, workingDays: { overdue: due.workingDaysOverdue } };
    if (due.state === 'due-soon' || due.state === 'on-track')
      return { dueOn, workingDays: { left: due.workingDaysLeft } };
    return { dueOn };
  }

  private async unitNames(): Promise<(id: string) => string> {
    const units = new Map((await this.directory.units()).map((u) => [u.id, u.name]));
    return (id) => units.get(id) ?? id;
  }
}

function viewOf(record: SupervisionDocumentRecord): SupervisionDocumentView {
  return {
    id: record.id,
    kind: record.kind,
    documentNumber: record.documentNumber,
    title: record.title,
    proposalId: record.proposalId,
    unitId: record.unitId,
    addresseeUnitIds: record.addresseeUnitIds,
    periodFrom: record.periodFrom,
    periodTo: record.periodTo,
    contentHash: record.contentHash,
    issuedBy: record.issuedBy,
    issuerUnitId: record.issuerUnitId,
    issuedAt: record.issuedAt,
  };
}
