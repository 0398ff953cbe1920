/**
 * The screen where a task is done (issue 18, point 3): 立案 on the registrar's review list, 交办
 * on the office's assignment desk with the proposal's form open, 拟稿 in the drafting workspace,
 * everything else on the proposal page (whose action panels are the API's allowed actions).
 * A map of task kinds to screens, not a rule: the screen shows only what the API allows.
 */
export function taskPath(task: { kind: string; proposalId: string }): string {
  const id = encodeURIComponent(task.proposalId);
  switch (task.kind) {
    case 'review-registration':
      return `/intake?tab=review&focus=${id}`;
    case 'assign':
      return `/assignment?focus=${id}`;
    case 'draft':
      return `/proposals/${id}/workspace`;
    default:
      return `/proposals/${id}`;
  }
}
