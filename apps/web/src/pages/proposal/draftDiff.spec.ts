import { draftDiff, draftTexts } from './draftDiff';

function fail(why: string): never {
  throw new Error(why);
}
const w = (key: string, values?: Record<string, unknown>) => (values ? `${key}${JSON.stringify(values)}` : key);

const v1 = {
  replyClass: 'A',
  disclosure: 'never' as const,
  sections: [{ seq: 1, adoption: 'adopted' as const, text: '我局已将5G基站建设列入年度重点工作。' }],
  topic: '数字经济',
  contact: { name: '王五', phone: '12345' },
};

describe('draftDiff', () => {
  it('marks what the later version inserted and deleted, point by point', () => {
    const v2 = {
      ...v1,
      sections: [
        {
          seq: 1,
          adoption: 'adopted' as const,
          text: '我局已将5G基站建设列入2027年度重点工作。',
          measures: ['新建基站1200座。'],
        },
        { seq: 2, adoption: 'for-reference' as const, text: '留作参考。' },
      ],
    };
    const diff = draftDiff(v1, v2, [1, 2], w);
    const byKey = new Map(diff.map((d) => [d.key, d]));
    expect(byKey.get('replyClass')?.changed).toBe(false);
    expect(byKey.get('topic')?.changed).toBe(false);
    const s1 = byKey.get('section-1') ?? fail('no section 1');
    expect(s1.changed).toBe(true);
    expect(s1.labelValues).toEqual({ seq: 1 });
    expect(s1.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['2027', '\n（1）新建基站1200座。']);
    expect(s1.parts.filter((p) => p.removed)).toEqual([]);
    // Kept and inserted text together read as the later version.
    expect(
      s1.parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe(draftTexts(v2, [1, 2], w).find((x) => x.key === 'section-1')?.text);
    const s2 = byKey.get('section-2') ?? fail('no section 2');
    expect(s2.parts).toEqual([{ value: 'adoption.for-reference\n留作参考。', added: true, removed: false }]);
  });

  it('marks deletions, and finds nothing between a version and itself', () => {
    const v2 = { ...v1, topic: '经济', contact: { name: '王五', phone: '' } };
    const diff = draftDiff(v1, v2, [1], w);
    expect(diff.find((d) => d.key === 'topic')?.parts).toEqual([
      { value: '数字', added: false, removed: true },
      { value: '经济', added: false, removed: false },
    ]);
    expect(
      diff
        .find((d) => d.key === 'contact')
        ?.parts.filter((p) => p.removed)
        .map((p) => p.value),
    ).toEqual([' 12345']);
    expect(draftDiff(v1, v1, [1], w).some((d) => d.changed)).toBe(false);
  });
});
