import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';

/**
 * The saved proposal histories the replay tests read. Histories recorded by the current code
 * (UPDATE_HISTORY_FIXTURES=1) sit at the top of the folder; those recorded before a patched
 * change are kept in a subfolder named after the change (e.g. `before-parallel-alarm-notices/`)
 * until no proposal of that version is running.
 */
export const HISTORIES_DIR = path.join(__dirname, '../fixtures/histories');

/** Fixture paths relative to HISTORIES_DIR, e.g. `before-parallel-alarm-notices/split-mode.history.pb`. */
export function historyFixtures(subdir = ''): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(HISTORIES_DIR, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.history.pb')) out.push(child);
    }
  };
  walk(subdir);
  return out.sort();
}

export function readHistory(fixture: string): temporal.api.history.v1.IHistory {
  return temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES_DIR, fixture)));
}

const T = temporal.api.enums.v1.EventType;

/** What a workflow did between a fired timer and its next timer, about alarms. */
export interface AlarmBurst {
  /** `notifyDeadline` activities scheduled. */
  notices: number;
  /** Workflow tasks they were scheduled in. */
  workflowTasks: number;
  /** Notices (N) and local activity results (L, the next escalation times) in history order. */
  order: string;
}

/**
 * The alarm bursts of a history: after each fired timer, the `notifyDeadline` activities and
 * local activities (next escalation times) the workflow ran before it started its next timer.
 * Before `parallel-alarm-notices`, each notice took its own workflow task and an escalation's
 * next time followed its notice (`NLNL`); since, all notices go in one workflow task, then all
 * escalation times (`NNLL`).
 */
export function alarmBursts(history: temporal.api.history.v1.IHistory): AlarmBurst[] {
  const bursts: AlarmBurst[] = [];
  let current: { notices: number; tasks: Set<number>; order: string } | undefined;
  let task = 0;
  const close = () => {
    if (current && current.notices > 0) {
      bursts.push({ notices: current.notices, workflowTasks: current.tasks.size, order: current.order });
    }
    current = undefined;
  };
  for (const e of history.events ?? []) {
    switch (e.eventType) {
      case T.EVENT_TYPE_TIMER_FIRED:
        close();
        current = { notices: 0, tasks: new Set(), order: '' };
        break;
      case T.EVENT_TYPE_TIMER_STARTED:
        close();
        break;
      case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        task++;
        break;
      case T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        if (current && e.activityTaskScheduledEventAttributes?.activityType?.name === 'notifyDeadline') {
          current.notices++;
          current.tasks.add(task);
          current.order += 'N';
        }
        break;
      case T.EVENT_TYPE_MARKER_RECORDED:
        if (current && current.notices > 0 && e.markerRecordedEventAttributes?.markerName === 'core_local_activity') {
          current.order += 'L';
        }
        break;
    }
  }
  close();
  return bursts;
}

/** The ids of the patches whose markers a history holds. */
export function patchMarkers(history: temporal.api.history.v1.IHistory): string[] {
  const ids: string[] = [];
  for (const e of history.events ?? []) {
    const m = e.markerRecordedEventAttributes;
    if (e.eventType !== T.EVENT_TYPE_MARKER_RECORDED || m?.markerName !== 'core_patch') continue;
    const data = m.details?.['patch-data']?.payloads?.[0]?.data;
    if (data) ids.push((JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id);
  }
  return ids;
}
