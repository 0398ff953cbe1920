import { DomainError } from '@banli/domain';
import { letterInput, sectionsOf } from '../../test/letter-fixtures';
import { buildReplyLetter, letterLines, selfReferenceOf, type ReplyLetterInput } from './reply-letter';

function validationDetails(input: ReplyLetterInput): { field?: string; message: string }[] {
  try {
    buildReplyLetter(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return (error as DomainError).details;
  }
  throw new Error('expected the input to be refused');
}

describe('buildReplyLetter', () => {
  it('writes every part of a joint proposal reply in the order of the domain guide', () => {
    const letter = buildReplyLetter(
      letterInput({
        issuerName: 'X市工业和信息化局',
        documentNumber: 'X工信函〔2023〕12号',
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
        ],
        summary: '近年来，我市数字经济发展较快。',
        sections: [
          { pointTitle: '加快5G基站建设', adoption: 'adopted', measures: ['新建基站300个。', '简化审批流程。'] },
          { pointTitle: '推进政务数据共享', adoption: 'for-reference', answer: '受条件所限，暂难实施。', measures: [] },
        ],
      }),
    );

    expect(letterLines(letter)).toEqual([
      '(A类)',
      'X市工业和信息化局',
      'X工信函〔2023〕12号',
      'X市工业和信息化局关于市政协八届二次会议第20230117号提案答复的函',
      '李明（等）委员：',
      '您们提出的《关于加快数字经济发展的提案》（市政协八届二次会议第20230117号提案）收悉。' +
        '我局会同市人力资源和社会保障局、市教育局认真研究，现答复如下：',
      '近年来，我市数字经济发展较快。',
      '一、关于加快5G基站建设的建议',
      '吸收采纳该建议。',
      '（一）新建基站300个。',
      '（二）简化审批流程。',
      '二、关于推进政务数据共享的建议',
      '该建议留作参考。受条件所限，暂难实施。',
      '专此答复，诚挚感谢您们对数字经济发展工作的关心支持。',
      'X市工业和信息化局',
      '2023年7月5日',
      '(联系人及电话：王伟 0571-87000000)',
      '公开方式：主动公开。',
      '抄送：市政府办公室、市政协提案委员会、各会办单位。',
    ]);
  });

  it('addresses a single proposer as 您, without （等）', () => {
    const letter = buildReplyLetter(letterInput({ proposers: [{ name: '李明', lead: true }] }));
    expect(letter.salutation).toBe('李明委员：');
    expect(letter.opening.startsWith('您提出的')).toBe(true);
    expect(letter.closing).toBe('专此答复，诚挚感谢您对数字经济发展工作的关心支持。');
  });

  it('greets the lead proposer, wherever the lead stands in the list', () => {
    const letter = buildReplyLetter(
      letterInput({
        proposers: [
          { name: '王芳', lead: false },
          { name: '李明', lead: true },
        ],
      }),
    );
    expect(letter.salutation).toBe('李明（等）委员：');
  });

  it('writes a deputy suggestion as 建议 addressed to 代表', () => {
    const letter = buildReplyLetter(letterInput({ kind: 'suggestion', sessionName: '市十六届人大二次会议' }));
    expect(letter.title).toBe('X市交通运输局关于市十六届人大二次会议第20230117号建议答复的函');
    expect(letter.salutation).toBe('李明代表：');
    expect(letter.opening).toContain('（市十六届人大二次会议第20230117号建议）收悉。');
  });

  it('leaves out the 会同 clause and 各会办单位 when no unit co-handled', () => {
    const letter = buildReplyLetter(letterInput({ coHandlingUnitNames: [] }));
    expect(letter.opening).toMatch(/收悉。我局认真研究，现答复如下：$/);
    expect(letter.copyTo).toBe('抄送：市政府办公室、市政协提案委员会。');
  });

  it('states each adoption status in its section', () => {
    const letter = buildReplyLetter(letterInput({ sections: sectionsOf(3) }));
    expect(letter.sections.map((s) => s.paragraphs[0])).toEqual([
      '吸收采纳该建议。',
      '部分采纳该建议。',
      '该建议留作参考。',
    ]);
  });

  it('numbers twelve sections and twelve sub-points in Chinese', () => {
    const sections = sectionsOf(12);
    sections[11] = { ...sections[11], measures: sectionsOf(1, 12)[0].measures };
    const letter = buildReplyLetter(letterInput({ sections }));
    expect(letter.sections.map((s) => s.heading.split('、')[0])).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
    ]);
    expect(letter.sections[11].heading).toBe('十二、关于加强数字经济统计监测的建议');
    expect(letter.sections[11].subPoints.map((s) => s.slice(0, s.indexOf('）') + 1))).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（六）',
      '（七）',
      '（八）',
      '（九）',
      '（十）',
      '（十一）',
      '（十二）',
    ]);
  });

  it('splits a multi-line summary or answer into paragraphs', () => {
    const letter = buildReplyLetter(
      letterInput({
        summary: '第一段。\r\n\n  第二段。  ',
        sections: [
          { pointTitle: '加快5G基站建设', adoption: 'partly-adopted', answer: '一是。\n二是。', measures: [] },
        ],
      }),
    );
    expect(letter.summary).toEqual(['第一段。', '第二段。']);
    expect(letter.sections[0].paragraphs).toEqual(['部分采纳该建议。一是。', '二是。']);
  });

  it.each([
    ['2023-07-05', '2023年7月5日'],
    ['2023-12-01', '2023年12月1日'],
    // Late evening UTC is already the next day in Shanghai.
    ['2023-07-04T16:30:00Z', '2023年7月5日'],
    ['2023-12-31T15:59:59.999Z', '2023年12月31日'],
  ])('dates a letter signed on %s as %s', (signedOn, date) => {
    expect(buildReplyLetter(letterInput({ signedOn })).date).toBe(date);
  });

  it.each([
    ['publish', '公开方式：主动公开。'],
    ['on-request', '公开方式：依申请公开。'],
    ['never', '公开方式：不予公开。'],
  ] as const)('writes disclosure %s as %s', (disclosure, line) => {
    expect(buildReplyLetter(letterInput({ disclosure })).disclosure).toBe(line);
  });

  it('copies to the given list instead of the default', () => {
    const letter = buildReplyLetter(
      letterInput({
        copyTo: ['市政府办公室', '市政协办公室'],
        governmentOfficeName: undefined,
        proposalCommitteeName: undefined,
      }),
    );
    expect(letter.copyTo).toBe('抄送：市政府办公室、市政协办公室。');
  });

  it('notes the attachments after the body, numbered when there are several, before the signature', () => {
    const letter = buildReplyLetter(letterInput({ attachments: ['《X市5G基站建设规划》', '2023年建设进度表'] }));
    expect(letter.attachments).toEqual(['附件：1.X市5G基站建设规划', '2.2023年建设进度表']);
    const lines = letterLines(letter);
    expect(lines.indexOf('附件：1.X市5G基站建设规划')).toBe(lines.indexOf(letter.closing) + 1);
    expect(lines.indexOf('2.2023年建设进度表')).toBe(lines.lastIndexOf(letter.signature) - 1);
    expect(buildReplyLetter(letterInput({ attachments: ['进度表'] })).attachments).toEqual(['附件：进度表']);
    expect(buildReplyLetter(letterInput()).attachments).toEqual([]);
    expect(validationDetails(letterInput({ attachments: ['  '] }))).toContainEqual({
      field: 'attachments[0]',
      message: 'is required',
    });
  });

  it('does not thank for 工作工作 when the topic already ends in 工作', () => {
    expect(buildReplyLetter(letterInput({ topic: '交通运输工作' })).closing).toBe(
      '专此答复，诚挚感谢您对交通运输工作的关心支持。',
    );
  });

  it('does not double the 《》 of a title given with them', () => {
    expect(buildReplyLetter(letterInput({ proposalTitle: '《关于加快数字经济发展的提案》' })).opening).toContain(
      '《关于加快数字经济发展的提案》（',
    );
  });

  it('lets the unit say how it refers to itself', () => {
    expect(buildReplyLetter(letterInput({ issuerSelfReference: '我们' })).opening).toContain('我们会同');
  });

  it.each([
    ['X市交通运输局', '我局'],
    ['X市发展和改革委员会', '我委'],
    ['X市人民政府办公室', '我办'],
    ['X市大数据中心', '我中心'],
    ['X省教育厅', '我厅'],
    ['X市供销合作总社', '我单位'],
  ])('lets %s call itself %s', (unit, self) => {
    expect(selfReferenceOf(unit)).toBe(self);
  });

  it('is plain data: a JSON round trip gives the same letter', () => {
    const letter = buildReplyLetter(letterInput({ sections: sectionsOf(3) }));
    expect(JSON.parse(JSON.stringify(letter))).toEqual(letter);
  });

  describe('refuses an input it cannot write, naming every fault', () => {
    it('lists all faults at once', () => {
      const details = validationDetails(
        letterInput({
          replyClass: 'A类',
          documentNumber: 'X交函[2023]12号',
          proposers: [
            { name: '李明', lead: true },
            { name: '王芳', lead: true },
          ],
          sections: [],
          signedOn: '2023-07-05T10:00:00',
          contact: { name: '', phone: '0571-87000000' },
          disclosure: 'public' as never,
        }),
      );
      expect(details.map((d) => d.field)).toEqual([
        'replyClass',
        'documentNumber',
        'proposers',
        'sections',
        'signedOn',
        'contact.name',
        'disclosure',
      ]);
    });

    it('says what is wrong in the message', () => {
      expect(() => buildReplyLetter(letterInput({ documentNumber: 'X交函(2023)12号' }))).toThrow(
        /documentNumber must read like X工信函〔2023〕12号/,
      );
    });

    it('needs a lead proposer', () => {
      expect(validationDetails(letterInput({ proposers: [{ name: '李明', lead: false }] }))).toEqual([
        { field: 'proposers', message: 'must name exactly one lead proposer' },
      ]);
    });

    it('wants the bare subject of a point, since it adds 关于…的建议 itself', () => {
      const details = validationDetails(
        letterInput({ sections: [{ pointTitle: '关于加快5G基站建设的建议', adoption: 'adopted', measures: [] }] }),
      );
      expect(details.map((d) => d.field)).toEqual(['sections[0].pointTitle']);
    });

    it('refuses an unknown adoption status', () => {
      const details = validationDetails(
        letterInput({ sections: [{ pointTitle: '加快5G基站建设', adoption: 'yes' as never, measures: [] }] }),
      );
      expect(details).toEqual([
        { field: 'sections[0].adoption', message: 'must be one of adopted, partly-adopted, for-reference' },
      ]);
    });

    it('keeps one-line parts on one line', () => {
      const details = validationDetails(
        letterInput({
          proposalTitle: '关于加快\n数字经济发展的提案',
          sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', measures: ['第一条\n第二条'] }],
        }),
      );
      expect(details.map((d) => d.field)).toEqual(['proposalTitle', 'sections[0].measures[0]']);
    });

    it('needs the default copy recipients unless a copy list is given', () => {
      const details = validationDetails(letterInput({ governmentOfficeName: undefined, proposalCommitteeName: ' ' }));
      expect(details.map((d) => d.field)).toEqual(['governmentOfficeName', 'proposalCommitteeName']);
    });
  });
});
