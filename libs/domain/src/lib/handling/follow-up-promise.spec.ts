import { followUpPromiseOf, type FollowUpPromiseFacts } from './follow-up-promise';

const now = new Date('2026-06-01T00:00:00.000Z');
const facts = (f: Partial<FollowUpPromiseFacts>): FollowUpPromiseFacts => ({
  replyClass: 'B',
  followUpClasses: ['B'],
  latestReply: true,
  deadline: null,
  now,
  ...f,
});
const deadline = (status: string, dueAt: string | null, metAt: string | null = null) => ({ status, dueAt, metAt });

describe('whether a reply kept its follow-up promise', () => {
  it('a reply of a class without follow-up promised nothing', () => {
    expect(followUpPromiseOf(facts({ replyClass: 'A' }))).toBe('not-promised');
    expect(followUpPromiseOf(facts({ replyClass: 'C', deadline: deadline('met', null) }))).toBe('not-promised');
  });

  it('a promise whose report came by the deadline was kept', () => {
    const d = deadline('met', '2026-05-01T16:00:00.000Z', '2026-04-20T02:00:00.000Z');
    expect(followUpPromiseOf(facts({ deadline: d }))).toBe('kept');
  });

  it('a report after the deadline kept the promise late', () => {
    const d = deadline('met', '2026-05-01T16:00:00.000Z', '2026-05-10T02:00:00.000Z');
    expect(followUpPromiseOf(facts({ deadline: d }))).toBe('kept-late');
  });

  it('a deadline passed without a report broke the promise', () => {
    expect(followUpPromiseOf(facts({ deadline: deadline('running', '2026-05-01T16:00:00.000Z') }))).toBe('broken');
  });

  it('a report still to come, or not yet scheduled, is pending', () => {
    expect(followUpPromiseOf(facts({ deadline: deadline('running', '2026-09-01T16:00:00.000Z') }))).toBe('pending');
    expect(followUpPromiseOf(facts({ deadline: null }))).toBe('pending');
  });

  it('an earlier reply replaced by a later one, or a cancelled follow-up, is unknown', () => {
    expect(followUpPromiseOf(facts({ latestReply: false }))).toBe('unknown');
    expect(followUpPromiseOf(facts({ deadline: deadline('cancelled', null) }))).toBe('unknown');
  });
});
