import type { Adoption } from '@banli/domain';
import type { ReplyLetterInput, ReplyLetterSectionInput } from '../src/lib/reply-letter';

const POINTS = [
  '加快5G基站建设',
  '完善数字人才培养体系',
  '推进政务数据共享',
  '支持中小企业数字化转型',
  '加强数据安全监管',
  '建设工业互联网平台',
  '扩大数字消费场景',
  '优化数字经济营商环境',
  '培育数据要素市场',
  '推动智慧交通建设',
  '完善数字普惠金融服务',
  '加强数字经济统计监测',
];
const ADOPTIONS: Adoption[] = ['adopted', 'partly-adopted', 'for-reference'];

export function sectionsOf(count: number, measuresEach = 2): ReplyLetterSectionInput[] {
  return Array.from({ length: count }, (_, i) => ({
    pointTitle: POINTS[i % POINTS.length],
    adoption: ADOPTIONS[i % ADOPTIONS.length],
    measures: Array.from(
      { length: measuresEach },
      (_, j) =>
        `第${i + 1}项建议的第${j + 1}条措施：我局会同有关部门制定实施方案，明确责任分工和时间节点，确保各项任务落到实处。`,
    ),
  }));
}

/** A valid letter input: one section, a single proposer, two co-handling units. */
export function letterInput(overrides: Partial<ReplyLetterInput> = {}): ReplyLetterInput {
  return {
    kind: 'proposal',
    replyClass: 'A',
    issuerName: 'X市交通运输局',
    documentNumber: 'X交函〔2023〕12号',
    sessionName: '市政协八届二次会议',
    proposalNumber: '20230117',
    proposalTitle: '关于加快数字经济发展的提案',
    proposers: [{ name: '李明', lead: true }],
    coHandlingUnitNames: ['市人力资源和社会保障局', '市教育局'],
    sections: sectionsOf(1),
    topic: '数字经济发展',
    signedOn: '2023-07-05',
    contact: { name: '王伟', phone: '0571-87000000' },
    disclosure: 'publish',
    governmentOfficeName: '市政府办公室',
    proposalCommitteeName: '市政协提案委员会',
    ...overrides,
  };
}

const JOINT = [
  { name: '李明', lead: true },
  { name: '王芳', lead: false },
  { name: '张强', lead: false },
];

/** Text that breaks HTML or XML when it is not escaped. */
export const HOSTILE_TEXT = `<script>alert("x")</script> & 'quoted' ]]> <w:p>`;

/** A letter whose texts would inject markup into HTML or break the DOCX's XML if not escaped. */
export const HOSTILE_CASE: { name: string; input: ReplyLetterInput } = {
  name: 'texts with markup and XML specials',
  input: letterInput({
    kind: 'suggestion',
    proposalTitle: `关于${HOSTILE_TEXT}的建议`,
    summary: HOSTILE_TEXT,
    sections: [
      { pointTitle: `防范${HOSTILE_TEXT}`, adoption: 'adopted', answer: HOSTILE_TEXT, measures: [HOSTILE_TEXT] },
    ],
    contact: { name: '王<b>伟</b>', phone: '0571-87000000' },
  }),
};

/** The letters every rendering is read back for: each section count, proposer count, disclosure and kind. */
export const READ_BACK_CASES: { name: string; input: ReplyLetterInput }[] = [
  {
    name: 'one section, one proposer, no co-handlers, published proposal',
    input: letterInput({ coHandlingUnitNames: [], disclosure: 'publish' }),
  },
  {
    name: 'three sections, joint suggestion with a summary, on request',
    input: letterInput({
      kind: 'suggestion',
      sessionName: '市十六届人大二次会议',
      proposalCommitteeName: '市人大常委会代表工作委员会',
      proposalTitle: '关于推进城市数字化转型的建议',
      proposers: JOINT,
      sections: sectionsOf(3, 3).map((s, i) =>
        i === 1 ? { ...s, answer: '经研究，该建议涉及多个部门。\n现将有关情况说明如下。' } : s,
      ),
      summary: '近年来，我市高度重视数字经济发展，出台了一系列政策措施。\n下一步，我们将继续加大工作力度。',
      disclosure: 'on-request',
    }),
  },
  {
    name: 'twelve sections, joint proposal, never published',
    input: letterInput({
      proposers: JOINT,
      sections: sectionsOf(12).map((s, i) => (i === 11 ? { ...s, measures: sectionsOf(1, 12)[0].measures } : s)),
      disclosure: 'never',
    }),
  },
  HOSTILE_CASE,
  {
    name: 'adoption sentences standing alone, with and without an answer, and sub-points',
    input: letterInput({
      proposers: JOINT,
      sections: [
        {
          pointTitle: '加快5G基站建设',
          adoption: 'adopted',
          adoptionSentence: 'paragraph',
          answer: '近年来，我局会同有关部门大力推进5G基站建设，取得明显成效。',
          measures: ['新建5G基站300个，实现城区连续覆盖。', '简化基站建设审批流程，推行并联审批。'],
        },
        {
          pointTitle: '推进政务数据共享',
          adoption: 'partly-adopted',
          adoptionSentence: 'paragraph',
          measures: ['建成全市统一的数据共享平台。', '制定公共数据目录。', '开展数据质量评估。'],
        },
        { pointTitle: '加强数据安全监管', adoption: 'for-reference', adoptionSentence: 'paragraph', measures: [] },
      ],
    }),
  },
];

/** The case with standalone adoption sentences and sub-points (issue 16, point 2). */
export const STANDALONE_ADOPTION_CASE = READ_BACK_CASES[4];
