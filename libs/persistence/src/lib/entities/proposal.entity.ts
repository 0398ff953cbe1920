import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProjectedHandlingState } from '@banli/contracts';
import type { Proposer, ProposalKind, ProposalStage, SuggestionPoint } from '@banli/domain';

/** Read-model row of a proposal, written only by the workflow's projection activity. */
@Entity({ name: 'proposal' })
@Index('uq_proposal_session_number', ['sessionCode', 'number'], { unique: true })
export class ProposalEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 120 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProposalKind;

  @Column({ name: 'session_code', type: 'varchar', length: 32 })
  sessionCode!: string;

  @Column({ name: 'session_name', type: 'varchar', length: 100 })
  sessionName!: string;

  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'simple-json' })
  proposers!: Proposer[];

  @Column({ name: 'suggestion_points', type: 'simple-json' })
  suggestionPoints!: SuggestionPoint[];

  @Column({ type: 'varchar', length: 24 })
  stage!: ProposalStage;

  @Column({ name: 'received_at', type: 'varchar', length: 30 })
  receivedAt!: string;

  @Column({ name: 'lead_unit_id', type: 'varchar', length: 64, nullable: true })
  leadUnitId!: string | null;

  @Column({ name: 'assigned_unit_ids', type: 'simple-json' })
  assignedUnitIds!: string[];

  @Column({ name: 'key_proposal', type: 'integer' })
  keyProposal!: number;

  /** The supervising leaders of a key proposal (领导领办), or null. */
  @Column({ name: 'key_leaders', type: 'simple-json', nullable: true })
  keyLeaders!: string[] | null;

  @Column({ name: 'next_due_at', type: 'varchar', length: 30, nullable: true })
  nextDueAt!: string | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 30, nullable: true })
  closedAt!: string | null;

  /**
   * The workflow's handling state at `projectionVersion` (without its projection bookkeeping):
   * what the API asks the domain's rules about, e.g. which actions a caller may take. Null
   * for a proposal not projected since the column was added.
   */
  @Column({ name: 'handling_state', type: 'simple-json', nullable: true })
  handlingState!: ProjectedHandlingState | null;

  /** The workflow state version this row reflects; older writes are ignored. */
  @Column({ name: 'projection_version', type: 'integer' })
  projectionVersion!: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}
