/** Shapes the API answers with (see the API's views; kept to what the screens use). */
export type Role =
  'registrar' | 'assigning-officer' | 'handler' | 'reviewer' | 'signer' | 'co-handler' | 'supervisor' | 'admin';

export interface User {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface InboxTask {
  id: string;
  proposalId: string;
  kind: string;
  unitId: string;
  status: string;
  deadlineKey: string | null;
  dueAt: string | null;
  round: number | null;
  openedAt: string;
  closedAt: string | null;
  workingDaysLeft?: number | null;
  workingDaysOverdue?: number | null;
  proposal: { title: string; stage: string; sessionName: string; number: string; keyProposal: boolean };
}

export interface InboxPage extends Page<InboxTask> {
  counts: { open: number; overdue: number; dueSoon: number };
}

export interface HeldBy {
  unitId: string;
  workingDays: number;
}

export interface SupervisedDeadline {
  proposalId: string;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  stage: string;
  keyProposal: boolean;
  keyLeaders: string[];
  leadUnitId: string | null;
  deadlineKey: string;
  kind: string;
  unitId: string;
  dueAt: string;
  endDate: string;
  workingDaysLeft?: number;
  workingDaysOverdue?: number;
  heldBy: HeldBy[];
}
