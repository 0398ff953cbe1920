/**
 * Workflow time: the time of the current workflow task, the same on every replay, so the
 * rules may read it.
 */
export const now = (): string => new Date().toISOString();
