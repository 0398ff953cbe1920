import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * Read-model rows written by the workflow's projection activity (and, for signatures and
 * notifications, by their activities). The API lists and filters these; it never asks the
 * workflows. Booleans are integers (0/1) so one SQL text serves PostgreSQL and SQLite.
 */

@Entity({ name: 'task' })
export class TaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 }) id!: string;
  @Column({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'closed';
  @Column({ name: 'deadline_key', type: 'varchar', length: 100, nullable: true }) deadlineKey!: string | null;
  @Column({ name: 'due_at', type: 'varchar', length: 30, nullable: true }) dueAt!: string | null;
  @Column({ type: 'integer', nullable: true }) round!: number | null;
  @Column({ name: 'opened_at', type: 'varchar', length: 30 }) openedAt!: string;
  @Column({ name: 'closed_at', type: 'varchar', length: 30, nullable: true }) closedAt!: string | null;
  /** The proposal's key_proposal (0/1), copied here as the inbox's first sort key; kept by the projection. */
  @Column({ name: 'key_proposal', type: 'integer' }) keyProposal!: number;
  @Column({ name: 'projection_version', type: 'integer' }) projectionVersion!: number;
}

@Entity({ name: 'deadline' })
export class DeadlineEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) key!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'due_at', type: 'varchar', length: 30, nullable: true }) dueAt!: string | null;
  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true }) endDate!: string | null;
  @Column({ type: 'integer' }) provisional!: number;
  @Column({ name: 'reminders_sent', type: 'integer' }) remindersSent!: number;
  @Column({ type: 'integer' }) escalations!: number;
  @Column({ type: 'integer' }) extended!: number;
  @Column({ type: 'simple-json', nullable: true }) explanation!: unknown;
  @Column({ name: 'met_at', type: 'varchar', length: 30, nullable: true }) metAt!: string | null;
  /** The proposal's key_proposal (0/1), copied here as the supervision views' first sort key; kept by the projection. */
  @Column({ name: 'key_proposal', type: 'integer' }) keyProposal!: number;
  @Column({ name: 'projection_version', type: 'integer' }) projectionVersion!: number;
}

/**
 * One unit's piece of work on a proposal, for supervision: a co-handling unit's opinion, or
 * one round of a replying unit's reply. Written by the projection (handling-record.projector).
 */
@Entity({ name: 'handling_record' })
export class HandlingRecordEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) role!: 'reply' | 'opinion';
  @PrimaryColumn({ type: 'integer' }) round!: number;
  @Column({ name: 'session_code', type: 'varchar', length: 32 }) sessionCode!: string;
  @Column({ name: 'lead_unit_id', type: 'varchar', length: 64, nullable: true }) leadUnitId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'done' | 'waived' | 'cancelled';
  @Column({ name: 'started_at', type: 'varchar', length: 30 }) startedAt!: string;
  @Column({ name: 'due_at', type: 'varchar', length: 30, nullable: true }) dueAt!: string | null;
  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true }) endDate!: string | null;
  @Column({ name: 'completed_at', type: 'varchar', length: 30, nullable: true }) completedAt!: string | null;
  @Column({ name: 'on_time', type: 'integer', nullable: true }) onTime!: number | null;
  @Column({ name: 'working_days_taken', type: 'integer', nullable: true }) workingDaysTaken!: number | null;
  @Column({ name: 'working_days_late', type: 'integer', nullable: true }) workingDaysLate!: number | null;
  @Column({ name: 'reply_class', type: 'varchar', length: 8, nullable: true }) replyClass!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) disclosure!: string | null;
  @Column({ name: 'document_number', type: 'varchar', length: 64, nullable: true }) documentNumber!: string | null;
  @Column({ name: 'signed_at', type: 'varchar', length: 30, nullable: true }) signedAt!: string | null;
  @Column({ name: 'published_at', type: 'varchar', length: 30, nullable: true }) publishedAt!: string | null;
  @Column({ name: 'rating_satisfied', type: 'integer' }) ratingSatisfied!: number;
  @Column({ name: 'rating_basically_satisfied', type: 'integer' }) ratingBasicallySatisfied!: number;
  @Column({ name: 'rating_unsatisfied', type: 'integer' }) ratingUnsatisfied!: number;
  @Column({ name: 'rating_not_rated', type: 'integer' }) ratingNotRated!: number;
  @Column({ type: 'integer' }) rated!: number;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
}

@Entity({ name: 'proposal_event' })
export class ProposalEventEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'varchar', length: 30 }) at!: string;
  @Column({ name: 'actor_user_id', type: 'varchar', length: 64, nullable: true }) actorUserId!: string | null;
  @Column({ name: 'actor_unit_id', type: 'varchar', length: 64, nullable: true }) actorUnitId!: string | null;
  @Column({ name: 'unit_id', type: 'varchar', length: 64, nullable: true }) unitId!: string | null;
  @Column({ type: 'simple-json' }) data!: Record<string, unknown>;
  /** The audit chain (audit-chain.ts): the previous event's hash ("" for the first) and this event's. */
  @Column({ name: 'prev_hash', type: 'varchar', length: 64, nullable: true }) prevHash!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) hash!: string | null;
}

@Entity({ name: 'org_unit' })
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  /** The full name: screens, the letter's issuer and signature (`X市人力资源和社会保障局`). */
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** What other units' letters call it (`市人社局`): copy lists, 会同…; null: the full name. */
  @Column({ name: 'short_name', type: 'varchar', length: 100, nullable: true }) shortName!: string | null;
  /** One of UNIT_KINDS (@banli/domain). */
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ name: 'issuer_code', type: 'varchar', length: 32, nullable: true }) issuerCode!: string | null;
  /** Lists show units by this, then kind and id. */
  @Column({ name: 'sort_order', type: 'integer', default: 0 }) sortOrder!: number;
  /** 0: kept for its history, never offered for new work. */
  @Column({ type: 'integer', default: 1 }) enabled!: number;
}

@Entity({ name: 'document_number_pool' })
export class DocumentNumberPoolEntity {
  @PrimaryColumn({ name: 'issuer_code', type: 'varchar', length: 32 }) issuerCode!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ name: 'next_number', type: 'integer' }) nextNumber!: number;
}

@Entity({ name: 'reply_signature' })
export class ReplySignatureEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @PrimaryColumn({ type: 'integer' }) round!: number;
  @Column({ name: 'issuer_code', type: 'varchar', length: 32 }) issuerCode!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) sequence!: number;
  @Column({ name: 'document_number', type: 'varchar', length: 64 }) documentNumber!: string;
  @Column({ name: 'draft_version', type: 'integer' }) draftVersion!: number;
  @Column({ name: 'signed_by', type: 'varchar', length: 64 }) signedBy!: string;
  @Column({ name: 'signed_at', type: 'varchar', length: 30 }) signedAt!: string;
  /** The unit and city names as they were at signing (LetterNames, JSON); null for older signatures. */
  @Column({ name: 'letter_names', type: 'text', nullable: true }) letterNames!: string | null;
}

@Entity({ name: 'notification_outbox' })
export class NotificationOutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 }) id!: string;
  /** Null for notices about no single proposal (a unit's daily digest). */
  @Column({ name: 'proposal_id', type: 'varchar', length: 80, nullable: true }) proposalId!: string | null;
  @Column({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'simple-json' }) payload!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  /** `pending` until the relay fanned it out to recipients, then `dispatched`. */
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'dispatched_at', type: 'varchar', length: 30, nullable: true }) dispatchedAt!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true }) leaseOwner!: string | null;
  @Column({ name: 'lease_until', type: 'varchar', length: 30, nullable: true }) leaseUntil!: string | null;
}

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 200 }) passwordHash!: string;
  @Column({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ type: 'simple-json' }) roles!: string[];
  @Column({ type: 'integer' }) disabled!: number;
  /** Where notices go by e-mail and SMS; a user without one gets none by that channel. */
  @Column({ type: 'varchar', length: 200, nullable: true }) email?: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) phone?: string | null;
  /** Carried by every token issued to the user; bumping it revokes them all (sign-out, password change, reset, disable). */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion!: number;
  /** 1 after an admin reset: the user may only change their password until they do. */
  @Column({ name: 'must_change_password', type: 'integer', default: 0 }) mustChangePassword!: number;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
}

@Entity({ name: 'proposal_access' })
export class ProposalAccessEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ name: 'granted_at', type: 'varchar', length: 30 }) grantedAt!: string;
}

@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) key!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'in-progress' | 'done';
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus!: number | null;
  @Column({ name: 'response_body', type: 'text', nullable: true }) responseBody!: string | null;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}
