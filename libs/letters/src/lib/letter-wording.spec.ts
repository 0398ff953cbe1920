import { DomainError } from '@banli/domain';
import { letterInput } from '../../test/letter-fixtures';
import { checkLetterWording, DEFAULT_LETTER_WORDING, type LetterWording } from './letter-wording';
import { buildReplyLetter, letterLines } from './reply-letter';

/** A bureau that cites the number first, says 你们 to everyone and names units as 经综合…等单位意见. */
const BUREAU: LetterWording = {
  opening:
    '{you}提出的《{proposalTitle}》（第{proposalNumber}号{document}）收悉。{consulted}{we}认真研究，现答复如下：',
  consulted: '经综合{consultedUnits}等单位意见，',
  closing: '感谢{proposers}对{topic}工作的关心和支持。',
  sectionHeading: '关于{pointTitle}',
  adoption: {
    adopted: '该建议已吸收采纳。',
    'partly-adopted': '该建议部分采纳。',
    'for-reference': '该建议留作参考。',
  },
  addressOne: '你们',
  addressMany: '你们',
};

function refusal(input: unknown) {
  try {
    checkLetterWording(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return (error as DomainError).details;
  }
  throw new Error('expected the wording to be refused');
}

describe('letter wording', () => {
  it('by default addresses one proposer as 您 and several as 您们', () => {
    const one = buildReplyLetter(letterInput({ proposers: [{ name: '李明', lead: true }] }));
    const several = buildReplyLetter(
      letterInput({
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
        ],
      }),
    );
    expect(one.opening).toMatch(/^您提出的《关于加快数字经济发展的提案》/);
    expect(one.closing).toBe('专此答复，诚挚感谢您对数字经济发展工作的关心支持。');
    expect(several.opening).toMatch(/^您们提出的/);
    expect(several.closing).toBe('专此答复，诚挚感谢您们对数字经济发展工作的关心支持。');
  });

  it("prints a bureau's own wording, with the consulted units in the order given, by the names given", () => {
    const letter = buildReplyLetter(
      letterInput({
        wording: BUREAU,
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
        ],
        coHandlingUnitNames: ['市人社局', '市教育局', '市财政局'],
        sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', measures: [] }],
      }),
    );
    expect(letter.opening).toBe(
      '你们提出的《关于加快数字经济发展的提案》（第20230117号提案）收悉。经综合市人社局、市教育局、市财政局等单位意见，我局认真研究，现答复如下：',
    );
    expect(letter.closing).toBe('感谢李明等委员对数字经济发展工作的关心和支持。');
    expect(letter.sections[0].heading).toBe('一、关于加快5G基站建设');
    expect(letter.sections[0].paragraphs).toEqual(['该建议已吸收采纳。']);
  });

  it('says you (你们) to one proposer too when the template says so', () => {
    const letter = buildReplyLetter(letterInput({ wording: BUREAU, proposers: [{ name: '李明', lead: true }] }));
    expect(letter.opening.startsWith('你们提出的')).toBe(true);
    expect(letter.closing).toBe('感谢李明委员对数字经济发展工作的关心和支持。');
  });

  it('drops the consulted phrase when no unit was consulted', () => {
    const letter = buildReplyLetter(letterInput({ wording: BUREAU, coHandlingUnitNames: [] }));
    expect(letter.opening).toContain('收悉。我局认真研究');
    expect(buildReplyLetter(letterInput({ coHandlingUnitNames: [] })).opening).toContain('收悉。我局认真研究');
  });

  it('accepts the default and a bureau wording', () => {
    expect(checkLetterWording(DEFAULT_LETTER_WORDING)).toEqual(DEFAULT_LETTER_WORDING);
    expect(checkLetterWording(BUREAU)).toEqual(BUREAU);
  });

  it('refuses an unknown placeholder, naming the field', () => {
    const details = refusal({
      ...BUREAU,
      opening: '{you}提出的{title}收悉。',
      adoption: { ...BUREAU.adoption, adopted: '采纳{pointTitle}。' },
    });
    expect(details.map((d) => d.field)).toEqual(['opening', 'adoption.adopted']);
    expect(details[0].message).toContain('unknown placeholder {title}');
  });

  it('refuses missing fields, unmatched braces and line breaks', () => {
    const withoutClosing: Partial<LetterWording> = { ...BUREAU };
    delete withoutClosing.closing;
    expect(refusal(withoutClosing).map((d) => d.field)).toEqual(['closing']);
    expect(refusal({ ...BUREAU, consulted: '会同{consultedUnits' }).map((d) => d.field)).toEqual(['consulted']);
    expect(refusal({ ...BUREAU, closing: '感谢。\n此致' }).map((d) => d.field)).toEqual(['closing']);
    expect(refusal({ ...BUREAU, addressOne: '{you}' }).map((d) => d.field)).toEqual(['addressOne']);
  });
});

describe('sections', () => {
  it('prints the adoption sentence as its own paragraph, then the answer, then the measures', () => {
    const letter = buildReplyLetter(
      letterInput({
        sections: [
          {
            pointTitle: '加快5G基站建设',
            adoption: 'adopted',
            adoptionSentence: 'paragraph',
            answer: '近年来，我局大力推进基站建设。',
            measures: ['新建基站300个。', '简化审批流程。'],
          },
        ],
      }),
    );
    expect(letterLines(letter).slice(6, 11)).toEqual([
      '一、关于加快5G基站建设的建议',
      '吸收采纳该建议。',
      '近年来，我局大力推进基站建设。',
      '（一）新建基站300个。',
      '（二）简化审批流程。',
    ]);
  });

  it('keeps the adoption sentence opening the answer when the section does not choose (older drafts)', () => {
    const letter = buildReplyLetter(
      letterInput({
        sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', answer: '已实施。', measures: [] }],
      }),
    );
    expect(letter.sections[0].paragraphs).toEqual(['吸收采纳该建议。已实施。']);
  });

  it('omits the adoption sentence or the heading where a letter has none, numbering only the headings printed', () => {
    const letter = buildReplyLetter(
      letterInput({
        sections: [
          {
            pointTitle: '加快5G基站建设',
            adoption: 'adopted',
            adoptionSentence: 'omitted',
            omitHeading: true,
            measures: ['新建基站。'],
          },
          { pointTitle: '推进政务数据共享', adoption: 'for-reference', measures: [] },
        ],
      }),
    );
    const lines = letterLines(letter);
    expect(lines).toContain('（一）新建基站。');
    expect(lines).toContain('一、关于推进政务数据共享的建议');
    expect(lines.some((l) => l.includes('加快5G基站建设'))).toBe(false);
    expect(lines.some((l) => l.startsWith('吸收采纳'))).toBe(false);
  });

  it('refuses a section that says nothing at all', () => {
    expect(() =>
      buildReplyLetter(
        letterInput({
          sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', adoptionSentence: 'omitted', measures: [] }],
        }),
      ),
    ).toThrow(/sections\[0\] says nothing/);
  });
});
