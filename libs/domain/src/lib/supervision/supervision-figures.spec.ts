import {
  chargeDelay,
  rate,
  reviewOutcomeOfStage,
  statisticsRates,
  StatisticsCounts,
  totalCounts,
} from './supervision-figures';

const ZERO: StatisticsCounts = {
  assignedAsReplying: 0,
  assignedAsCoHandling: 0,
  closed: 0,
  closedOnTime: 0,
  repliesDue: 0,
  repliesOnTime: 0,
  opinionsDue: 0,
  opinionsOnTime: 0,
  repliesSigned: 0,
  workingDaysToReplyTotal: 0,
  repliesWithContact: 0,
  repliesWithMeeting: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  notRated: 0,
  rehandled: 0,
  reminderNotices: 0,
  workingDaysHeldUp: 0,
};

describe('who is charged with a delay', () => {
  it('charges a late reply first to the co-handling unit whose opinion was latest, the rest to the replying unit', () => {
    expect(
      chargeDelay('industry-it', 5, [
        { unitId: 'education', workingDays: 2 },
        { unitId: 'human-resources', workingDays: 4 },
      ]),
    ).toEqual([
      { unitId: 'human-resources', workingDays: 4 },
      { unitId: 'industry-it', workingDays: 1 },
    ]);
  });

  it('charges no more than the reply is late', () => {
    expect(chargeDelay('industry-it', 2, [{ unitId: 'education', workingDays: 6 }])).toEqual([
      { unitId: 'education', workingDays: 2 },
    ]);
  });

  it('charges the replying unit alone when no opinion was late, and nobody when nothing is late', () => {
    expect(chargeDelay('industry-it', 3, [{ unitId: 'education', workingDays: 0 }])).toEqual([
      { unitId: 'industry-it', workingDays: 3 },
    ]);
    expect(chargeDelay('industry-it', 0, [{ unitId: 'education', workingDays: 4 }])).toEqual([
      { unitId: 'industry-it', workingDays: 0 },
    ]);
  });

  it('breaks a tie between equally late opinions by unit id, whatever their order', () => {
    const a = { unitId: 'b-unit', workingDays: 3 };
    const b = { unitId: 'a-unit', workingDays: 3 };
    expect(chargeDelay('lead', 3, [a, b])).toEqual(chargeDelay('lead', 3, [b, a]));
    expect(chargeDelay('lead', 3, [a, b])[0]?.unitId).toBe('a-unit');
  });
});

describe('the rates a proposal office reports', () => {
  it('divides each numerator by its denominator, to four places, and says null when there is nothing to divide by', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
    const rates = statisticsRates({
      ...ZERO,
      assignedAsReplying: 8,
      closed: 6,
      closedOnTime: 4,
      repliesSigned: 6,
      workingDaysToReplyTotal: 75,
      repliesWithContact: 5,
      repliesWithMeeting: 2,
      satisfied: 3,
      basicallySatisfied: 2,
      unsatisfied: 1,
      notRated: 4,
    });
    expect(rates).toEqual({
      closingRate: 0.75, // 办结率 6 / 8
      closedOnTimeRate: 0.5, // 按期办结率 4 / 8
      replyOnTimeRate: null,
      opinionOnTimeRate: null,
      satisfactionRate: 0.8333, // 满意率 (3 + 2) / 6: the 4 not rated are left out
      contactRate: 0.8333, // 沟通率 5 / 6
      meetingRate: 0.3333, // 见面率 2 / 6
      averageWorkingDaysToReply: 12.5,
    });
  });

  it('makes the 合计 from summed counts, not from the rows’ rates', () => {
    const total = totalCounts([
      { ...ZERO, assignedAsReplying: 1, closed: 1 },
      { ...ZERO, assignedAsReplying: 3, closed: 0 },
    ]);
    expect(total).toMatchObject({ assignedAsReplying: 4, closed: 1 });
    expect(statisticsRates(total).closingRate).toBe(0.25); // not (1 + 0) / 2
  });

  it('reads 立案, 不予立案 and 并案 off the stage', () => {
    expect(reviewOutcomeOfStage('registered')).toBe('awaitingReview');
    expect(reviewOutcomeOfStage('merged')).toBe('merged');
    expect(reviewOutcomeOfStage('converted')).toBe('notAccepted');
    expect(reviewOutcomeOfStage('consultation')).toBe('accepted');
    expect(reviewOutcomeOfStage('closed')).toBe('accepted');
  });
});
