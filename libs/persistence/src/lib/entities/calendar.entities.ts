import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One loaded calendar (a year's notice or local days off), in loading order: the calendar in
 * force is the official one with every version applied by `seq`.
 */
@Entity({ name: 'calendar_version' })
export class CalendarVersionEntity {
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 64 }) label!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'notice' | 'days-off';
  @Column({ type: 'varchar', length: 8 }) format!: 'json' | 'ics';
  @Column({ type: 'varchar', length: 200 }) source!: string;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash!: string;
  @Column({ type: 'simple-json' }) years!: number[];
  @Column({ name: 'local_days_off', type: 'simple-json' }) localDaysOff!: string[];
  @Column({ type: 'simple-json' }) data!: unknown;
  @Column({ name: 'loaded_at', type: 'varchar', length: 30 }) loadedAt!: string;
  @Column({ name: 'loaded_by', type: 'varchar', length: 64 }) loadedBy!: string;
  @Column({ name: 'replan_status', type: 'varchar', length: 16 }) replanStatus!: 'pending' | 'running' | 'done';
  @Column({ name: 'replan_signalled', type: 'integer' }) replanSignalled!: number;
  @Column({ name: 'replan_finished_at', type: 'varchar', length: 30, nullable: true }) replanFinishedAt!: string | null;
}

/** A deadline that a new calendar moved (or made final), written by the projection. */
@Entity({ name: 'deadline_change' })
export class DeadlineChangeEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'varchar', length: 80 }) proposalId!: string;
  @PrimaryColumn({ name: 'deadline_key', type: 'varchar', length: 100 }) deadlineKey!: string;
  @PrimaryColumn({ name: 'calendar_version', type: 'varchar', length: 1000 }) calendarVersion!: string;
  @Column({ name: 'unit_id', type: 'varchar', length: 64 }) unitId!: string;
  @Column({ name: 'old_end_date', type: 'varchar', length: 10, nullable: true }) oldEndDate!: string | null;
  @Column({ name: 'new_end_date', type: 'varchar', length: 10, nullable: true }) newEndDate!: string | null;
  @Column({ name: 'old_provisional', type: 'integer' }) oldProvisional!: number;
  @Column({ name: 'new_provisional', type: 'integer' }) newProvisional!: number;
  @Column({ name: 'recorded_at', type: 'varchar', length: 30 }) recordedAt!: string;
}
