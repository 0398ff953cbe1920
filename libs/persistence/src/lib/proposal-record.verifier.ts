import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { AuditChainHead, FrozenLetterFile, SignatureRequest } from '@banli/contracts';
import { checkAuditChain } from './audit-chain';
import type { IAuditRecordRepository } from './audit-record.repository';

/** What the workflow's history says the record must be: the last chain head and the signed letters' hashes. */
export interface HistoryAnchors {
  /** The audit chain's head after the last projection the history records as completed (null: none yet). */
  chainHead: (AuditChainHead & { runId: string }) | null;
  /** Each signed letter's files' hashes, as the sign-off's activity answered them, by `unitId/round`. */
  letters: Map<string, FrozenLetterFile[]>;
  /** How many runs (continue-as-new) were read. */
  runsRead: number;
}

export interface LetterFileCheck {
  unitId: string;
  round: number;
  format: string;
  documentNumber: string;
  sha256: string;
  /** The stored bytes hash to the stored SHA-256. */
  contentMatches: boolean;
  /** The history holds this file's hash (false for letters signed before it was recorded). */
  recordedInHistory: boolean;
  /** The history's hash is the stored one (null when the history holds none). */
  historyMatches: boolean | null;
}

export interface ProposalRecordVerification {
  proposalId: string;
  valid: boolean;
  /** Each thing found wrong, in words; empty when the record is intact. */
  problems: string[];
  chain: {
    valid: boolean;
    events: number;
    head: AuditChainHead | null;
    brokenAt: number | null;
    reason: string | null;
  };
  anchor: {
    /** The head the workflow's history recorded, and the run that recorded it. */
    recorded: (AuditChainHead & { runId: string }) | null;
    /** The stored event at the recorded sequence number has the recorded hash. */
    matches: boolean | null;
    /** Events stored after the recorded head (their projection's completion not recorded yet). */
    eventsAfter: number;
  };
  letters: LetterFileCheck[];
}

/** The most runs verification follows back through continue-as-new to find an anchor. */
const MAX_RUNS = 50;

/**
 * Checks a proposal's record (docs/developers/verification.md): the audit chain recomputed from
 * the stored events; its head against the head the workflow's history recorded (a projection
 * activity's result), so a rewritten chain shows; each signed letter's stored bytes against
 * their stored hash and the hash the sign-off's activity recorded in the history.
 */
export class ProposalRecordVerifier {
  constructor(
    private readonly records: IAuditRecordRepository,
    private readonly temporal: Client,
  ) {}

  async verify(proposalId: string, workflowId: string): Promise<ProposalRecordVerification> {
    const [events, files, anchors] = await Promise.all([
      this.records.chainedEvents(proposalId),
      this.records.letterFiles(proposalId),
      this.historyAnchors(workflowId),
    ]);
    const problems: string[] = [];
    const chain = checkAuditChain(events);
    if (!chain.valid) problems.push(`audit event ${chain.brokenAt}: ${chain.reason}`);

    const recorded = anchors.chainHead;
    let matches: boolean | null = null;
    let eventsAfter = 0;
    if (recorded) {
      const stored = events.find((e) => e.seq === recorded.seq);
      matches = stored?.hash === recorded.hash;
      eventsAfter = events.filter((e) => e.seq > recorded.seq).length;
      if (!stored) problems.push(`audit event ${recorded.seq}, recorded in the workflow history, is not stored`);
      else if (!matches)
        problems.push(`audit event ${recorded.seq}: its hash is not the one the workflow history recorded`);
    }

    const letters: LetterFileCheck[] = files.map((f) => {
      const inHistory = anchors.letters.get(`${f.unitId}/${f.round}`)?.find((l) => l.format === f.format);
      const check: LetterFileCheck = {
        unitId: f.unitId,
        round: f.round,
        format: f.format,
        documentNumber: f.documentNumber,
        sha256: f.storedSha256,
        contentMatches: f.contentSha256 === f.storedSha256,
        recordedInHistory: !!inHistory,
        historyMatches: inHistory ? inHistory.sha256 === f.storedSha256 : null,
      };
      const name = `letter ${f.documentNumber} (${f.format})`;
      if (!check.contentMatches) problems.push(`${name}: its bytes do not match its stored SHA-256`);
      if (check.historyMatches === false)
        problems.push(`${name}: its stored SHA-256 is not the one the workflow history recorded at signing`);
      return check;
    });
    for (const [key, recordedFiles] of anchors.letters) {
      for (const l of recordedFiles) {
        if (!files.some((f) => `${f.unitId}/${f.round}` === key && f.format === l.format))
          problems.push(`letter ${key} (${l.format}), recorded in the workflow history, is not stored`);
      }
    }

    return {
      proposalId,
      valid: problems.length === 0,
      problems,
      chain: {
        valid: chain.valid,
        events: chain.events,
        head: chain.head,
        brokenAt: chain.valid ? null : chain.brokenAt,
        reason: chain.valid ? null : chain.reason,
      },
      anchor: { recorded, matches, eventsAfter },
      letters,
    };
  }

  /**
   * Reads the workflow's history, newest run first and back through continue-as-new, for the
   * last completed projection's chain head and every sign-off's letter hashes.
   */
  async historyAnchors(workflowId: string): Promise<HistoryAnchors> {
    const anchors: HistoryAnchors = { chainHead: null, letters: new Map(), runsRead: 0 };
    let runId: string | undefined;
    for (let i = 0; i < MAX_RUNS; i++) {
      const handle = this.temporal.workflow.getHandle(workflowId, runId);
      const thisRun = runId ?? (await handle.describe()).runId;
      const history = await handle.fetchHistory();
      anchors.runsRead++;
      const scheduled = new Map<string, temporal.api.history.v1.IActivityTaskScheduledEventAttributes>();
      let previousRun: string | undefined;
      let lastHead: (AuditChainHead & { runId: string }) | null = null;
      for (const e of history.events ?? []) {
        const started = e.workflowExecutionStartedEventAttributes;
        if (started?.continuedExecutionRunId) previousRun = started.continuedExecutionRunId;
        const s = e.activityTaskScheduledEventAttributes;
        if (s && e.eventId != null) scheduled.set(String(e.eventId), s);
        const done = e.activityTaskCompletedEventAttributes;
        if (!done) continue;
        const of = scheduled.get(String(done.scheduledEventId));
        const result = done.result?.payloads?.[0];
        if (!of || !result) continue;
        const type = of.activityType?.name;
        if (type === 'projectProposal') {
          const head = defaultPayloadConverter.fromPayload<{ chainHead?: AuditChainHead | null }>(result)?.chainHead;
          if (head && (!lastHead || head.seq >= lastHead.seq)) lastHead = { ...head, runId: thisRun };
        }
        if (type === 'recordSignature') {
          const answer = defaultPayloadConverter.fromPayload<{ letters?: FrozenLetterFile[] }>(result);
          const request = of.input?.payloads?.[0]
            ? defaultPayloadConverter.fromPayload<SignatureRequest>(of.input.payloads[0])
            : undefined;
          const key = request && `${request.unitId}/${request.round}`;
          if (answer?.letters && key && !anchors.letters.has(key)) anchors.letters.set(key, answer.letters);
        }
      }
      // The newest run that recorded a head holds the latest one.
      anchors.chainHead ??= lastHead;
      if (!previousRun) break;
      runId = previousRun;
    }
    return anchors;
  }
}
