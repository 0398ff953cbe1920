import { chineseDate, NoticeContext, noticeText, proposerLetterMail } from './notification-text';

const UNITS: Record<string, string> = {
  'gov-office': 'X市人民政府办公室',
  'industry-it': 'X市工业和信息化局',
  education: 'X市教育局',
  'human-resources': 'X市人力资源和社会保障局',
  'market-regulation': 'X市市场监督管理局',
};

const proposal = {
  kind: 'proposal',
  sessionName: '市政协八届二次会议',
  number: '20230117',
  title: '关于加快数字经济发展的提案',
};
const REF = '市政协八届二次会议第20230117号提案《关于加快数字经济发展的提案》';

function ctx(kind: string, payload: unknown, overrides: Partial<NoticeContext> = {}): NoticeContext {
  return {
    kind,
    payload,
    unitId: 'education',
    proposalId: '8-2_20230117',
    proposal,
    unitName: (id) => UNITS[id] ?? id,
    ...overrides,
  };
}

/** End of 2026-01-05 in Asia/Shanghai. */
const DUE = '2026-01-05T15:59:59.999Z';

describe('notification texts', () => {
  it('writes dates as 2026年1月5日 in Asia/Shanghai', () => {
    expect(chineseDate(DUE)).toBe('2026年1月5日');
    expect(chineseDate('2026-01-04T16:00:00.000Z')).toBe('2026年1月5日');
    expect(chineseDate('2026-01-04T15:59:59.999Z')).toBe('2026年1月4日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });

  it('reminds a co-handling unit of its opinion deadline', () => {
    const t = noticeText(
      ctx(
        'deadline-reminder',
        {
          proposalId: '8-2_20230117',
          eventSeq: 9,
          kind: 'reminder',
          deadlineKey: 'opinion:education',
          unitId: 'education',
          dueAt: DUE,
        },
        { workingDays: { left: 1 } },
      ),
    );
    expect(t.title).toBe(`【催办】${REF}的会办意见将于2026年1月5日到期（还剩1个工作日）`);
    expect(t.body).toBe(
      `X市教育局：\n${REF}的会办意见将于2026年1月5日到期（还剩1个工作日），请抓紧办理。\n（本通知由办理系统自动发送，请登录系统办理。）`,
    );
    expect(t.sms).toBe(
      '【办理】市政协八届二次会议第20230117号提案的会办意见将于2026年1月5日到期（还剩1个工作日），请抓紧办理。',
    );
  });

  it('names each deadline kind in Chinese, and a reminder on the day itself', () => {
    const title = (deadlineKey: string, left = 3) =>
      noticeText(ctx('deadline-reminder', { deadlineKey, dueAt: DUE }, { workingDays: { left } })).title;
    expect(title('reply:industry-it')).toContain('的答复将于');
    expect(title('contact:industry-it')).toContain('的沟通协商将于');
    expect(title('follow-up:industry-it')).toContain('的落实情况报告将于');
    expect(title('publication:industry-it')).toContain('的答复公开将于');
    expect(title('feedback:industry-it')).toContain('的满意度测评将于');
    expect(title('something-new:industry-it')).toContain('的办理事项将于');
    expect(title('reply:industry-it', 0)).toMatch(/（今日到期）$/);
  });

  it('escalates an overdue reply, counting working days and escalations', () => {
    const t = noticeText(
      ctx(
        'deadline-escalation',
        { deadlineKey: 'reply:industry-it', unitId: 'industry-it', dueAt: DUE, escalation: 2, kind: 'escalation' },
        { unitId: 'industry-it', workingDays: { overdue: 4 } },
      ),
    );
    expect(t.title).toBe(`【督办】${REF}的答复已于2026年1月5日到期，已逾期4个工作日（第2次督办）`);
    expect(t.body.split('\n')).toEqual([
      'X市工业和信息化局：',
      `${REF}的答复已于2026年1月5日到期，至今已逾期4个工作日仍未办结（第2次督办），请立即办理并向督办部门说明情况。`,
      '本通知同时送督办人员。',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
    expect(t.sms).toBe(
      '【办理】督办：X市工业和信息化局承办的市政协八届二次会议第20230117号提案答复已逾期4个工作日，请立即办理。',
    );
    // Escalated on a day off right after the deadline: no working day has passed yet.
    const first = noticeText(
      ctx(
        'deadline-escalation',
        { deadlineKey: 'reply:industry-it', dueAt: DUE, escalation: 1 },
        { workingDays: { overdue: 0 } },
      ),
    );
    expect(first.title).toBe(`【督办】${REF}的答复已于2026年1月5日到期，已逾期（第1次督办）`);
  });

  it('tells each assigned unit its role, the other units and its deadlines', () => {
    const payload = {
      proposalId: '8-2_20230117',
      eventSeq: 3,
      eventType: 'assigned',
      at: '2026-03-09T02:00:00.000Z',
      unitId: 'education',
      actor: { userId: 'officer', unitId: 'gov-office' },
      data: { mode: 'lead', replyingUnitIds: ['industry-it'], coHandlerUnitIds: ['human-resources', 'education'] },
    };
    const co = noticeText(
      ctx('assigned', payload, {
        unitDeadlines: [
          { kind: 'objection', dueAt: '2026-03-16T15:59:59.999Z' },
          { kind: 'opinion', dueAt: '2026-04-09T15:59:59.999Z' },
          { kind: 'limit', dueAt: '2026-09-09T15:59:59.999Z' },
        ],
      }),
    );
    expect(co.title).toBe(`【交办】${REF}已交由贵单位会办`);
    expect(co.body.split('\n')).toEqual([
      'X市教育局：',
      `${REF}已交由贵单位会办。`,
      '主办单位：X市工业和信息化局；会办单位：X市人力资源和社会保障局、X市教育局。',
      '办理时限：申请调整2026年3月16日前；会办意见2026年4月9日前。',
      '如交办有误，请在申请调整期限内提出调整申请。',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
    const lead = noticeText(ctx('assigned', { ...payload, unitId: 'industry-it' }, { unitId: 'industry-it' }));
    expect(lead.title).toBe(`【交办】${REF}已交由贵单位主办`);
    const split = noticeText(
      ctx('assigned', { data: { mode: 'split', replyingUnitIds: ['industry-it', 'education'], coHandlerUnitIds: [] } }),
    );
    expect(split.title).toBe(`【交办】${REF}已交由贵单位分办`);
    expect(split.body).toContain('分办单位：X市工业和信息化局、X市教育局。');
    const single = noticeText(ctx('assigned', { data: { mode: 'single', replyingUnitIds: ['education'] } }));
    expect(single.title).toBe(`【交办】${REF}已交由贵单位办理`);
  });

  it('words a returned opinion, a sent-back draft, extension and objection decisions', () => {
    const returned = noticeText(
      ctx('opinion-returned', { actor: { unitId: 'industry-it' }, data: { reason: '请补充数据', version: 2 } }),
    );
    expect(returned.title).toBe(`【退回】${REF}的会办意见被主办单位退回修改`);
    expect(returned.body).toContain(`贵单位就${REF}提交的会办意见（第2版）被主办单位X市工业和信息化局退回修改`);
    expect(returned.body).toContain('退回理由：请补充数据');

    const sentBack = noticeText(
      ctx(
        'draft-sent-back',
        { data: { step: 'sign-off', comment: '请补充资金安排', draftVersion: 3 } },
        { unitId: 'industry-it' },
      ),
    );
    expect(sentBack.title).toBe(`【退回】${REF}的答复稿在签发环节被退回`);
    expect(sentBack.body).toContain('答复稿（第3稿）在签发环节被退回');
    expect(sentBack.body).toContain('意见：请补充资金安排');

    const approved = noticeText(
      ctx('extension-decided', {
        data: { deadlineKey: 'reply:industry-it', decision: 'approve', reason: '同意', requestedEndDate: '2026-07-15' },
      }),
    );
    expect(approved.title).toBe(`【延期】${REF}的答复延期申请已批准，新的期限为2026年7月15日`);
    const refused = noticeText(
      ctx('extension-decided', {
        data: { deadlineKey: 'opinion:education', decision: 'refuse', reason: '理由不充分' },
      }),
    );
    expect(refused.title).toBe(`【延期】${REF}的会办意见延期申请未获批准，原期限不变`);
    expect(refused.body).toContain('理由：理由不充分');

    const objection = (unitId: string, decision: string) =>
      noticeText(
        ctx(
          'objection-decided',
          { unitId, data: { decision, reason: '职能调整', replacementUnitId: 'market-regulation' } },
          { unitId },
        ),
      ).title;
    expect(objection('education', 'reassign')).toBe(`【调整】${REF}贵单位的调整申请已同意，改由X市市场监督管理局办理`);
    expect(objection('market-regulation', 'reassign')).toBe(`【调整】${REF}经调整，改由贵单位办理`);
    expect(objection('education', 'reject')).toBe(`【调整】${REF}贵单位的调整申请未获同意，请继续办理`);
  });

  it('tells the lead unit of each opinion, a unit of reopened handling, the office of requests to decide', () => {
    const lead = { unitId: 'industry-it' };
    const first = noticeText(
      ctx('opinion-submitted', { actor: { unitId: 'education' }, data: { version: 1, points: [] } }, lead),
    );
    expect(first.title).toBe(`【会办意见】X市教育局提交了${REF}的会办意见（第1版）`);
    expect(first.body.split('\n')[0]).toBe('X市工业和信息化局：');
    const revised = noticeText(
      ctx('opinion-submitted', { actor: { unitId: 'education' }, data: { version: 2, points: [] } }, lead),
    );
    expect(revised.title).toBe(`【会办意见】X市教育局修改后重新提交了${REF}的会办意见（第2版）`);

    const reopened = noticeText(ctx('rehandling-opened', { data: { round: 2 } }, lead));
    expect(reopened.title).toBe(`【重新办理】${REF}的答复被评为不满意，需重新办理`);
    expect(reopened.body).toContain('已进入重新办理（第2轮）');

    const office = { unitId: 'gov-office' };
    const objection = noticeText(
      ctx(
        'objection-raised',
        { actor: { unitId: 'education' }, data: { objectionId: 1, reason: '不属本单位职能' } },
        office,
      ),
    );
    expect(objection.title).toBe(`【调整申请】X市教育局对${REF}的交办提出调整申请`);
    expect(objection.body).toContain('申请理由：不属本单位职能');
    expect(objection.body.split('\n')[0]).toBe('X市人民政府办公室：');
    const extension = noticeText(
      ctx(
        'extension-requested',
        {
          actor: { unitId: 'industry-it' },
          data: { extensionId: 1, deadlineKey: 'reply:industry-it', requestedEndDate: '2026-07-15', reason: '需调研' },
        },
        office,
      ),
    );
    expect(extension.title).toBe(`【延期申请】X市工业和信息化局申请延长${REF}的答复期限至2026年7月15日`);
    expect(extension.body).toContain('申请理由：需调研');
  });

  it("names the office's decision deadline by what it decides", () => {
    const reminder = (deadlineKey: string) =>
      noticeText(
        ctx(
          'deadline-reminder',
          { kind: 'reminder', deadlineKey, unitId: 'gov-office', dueAt: DUE },
          { unitId: 'gov-office', workingDays: { left: 1 } },
        ),
      ).title;
    expect(reminder('decision:extension-1')).toBe(`【催办】${REF}的延期申请审核将于2026年1月5日到期（还剩1个工作日）`);
    expect(reminder('decision:objection-2')).toBe(`【催办】${REF}的调整申请审核将于2026年1月5日到期（还剩1个工作日）`);
  });

  it('tells the copy list a reply went out, and brings the proposer the letter by e-mail', () => {
    const dispatched = ctx(
      'reply-dispatched',
      { data: { round: 1, documentNumber: 'X工信函〔2026〕3号' } },
      { unitId: 'industry-it' },
    );
    const notice = noticeText(dispatched);
    expect(notice.title).toBe(`【抄送】X市工业和信息化局对${REF}的答复函（X工信函〔2026〕3号）已寄送`);
    expect(notice.body).toContain('已寄送提案人，抄送贵单位。');
    const withLetter = noticeText({ ...dispatched, letterLines: ['(A类)', 'X市工业和信息化局', '李明委员：'] });
    expect(withLetter.body).toContain('答复函全文：\n\n(A类)\nX市工业和信息化局\n李明委员：\n');
    const mail = proposerLetterMail(dispatched, '李明');
    expect(mail.subject).toBe(`X市工业和信息化局对${REF}的答复函（X工信函〔2026〕3号）`);
    expect(mail.body.split('\n')[0]).toBe('李明委员：');
    expect(mail.body).toContain('现随本邮件附上（PDF）');
    const suggestion = { ...dispatched, proposal: { ...proposal, kind: 'suggestion' } };
    expect(proposerLetterMail(suggestion, '王芳').body.split('\n')[0]).toBe('王芳代表：');
  });

  it('words a supervisor’s 催办 with the message and the open tasks', () => {
    const t = noticeText(
      ctx('reminder-notice', {
        actor: { userId: 'supervisor', unitId: 'gov-office' },
        data: {
          message: '请于本周内提交会办意见',
          tasks: [{ kind: 'opinion', deadlineKey: 'opinion:education', dueAt: DUE }],
        },
      }),
    );
    expect(t.title).toBe(`【催办】X市人民政府办公室催办${REF}`);
    expect(t.body.split('\n')).toEqual([
      'X市教育局：',
      `X市人民政府办公室对${REF}进行催办：请于本周内提交会办意见`,
      '待办事项：',
      '1. 会办意见，2026年1月5日到期',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
    expect(t.sms).toBe('【办理】X市人民政府办公室催办市政协八届二次会议第20230117号提案，请尽快办理。');
  });

  it('lists a unit’s daily digest, overdue tasks first', () => {
    const task = (number: string, extra: Record<string, unknown>) => ({
      proposalId: `8-2_${number}`,
      proposalKind: 'proposal',
      sessionName: '市政协八届二次会议',
      number,
      title: `关于第${number}号事项的提案`,
      taskKind: 'opinion',
      deadlineKey: 'opinion:education',
      ...extra,
    });
    const t = noticeText(
      ctx(
        'daily-digest',
        {
          unitId: 'education',
          date: '2026-01-05',
          tasks: [
            task('1', { dueAt: '2025-12-31T15:59:59.999Z', overdueWorkingDays: 2 }),
            task('2', { dueAt: DUE, workingDaysLeft: 0, taskKind: 'draft' }),
            task('3', { dueAt: '2026-01-07T15:59:59.999Z', workingDaysLeft: 2 }),
          ],
        },
        { proposal: undefined, proposalId: null },
      ),
    );
    expect(t.title).toBe('【每日待办】2026年1月5日：1项已逾期，2项即将到期');
    expect(t.body.split('\n')).toEqual([
      'X市教育局：',
      '截至2026年1月5日，贵单位有以下待办任务已逾期或即将到期：',
      '一、已逾期（1项）',
      '1. 市政协八届二次会议第1号提案《关于第1号事项的提案》：会办意见，2025年12月31日到期，已逾期2个工作日',
      '二、即将到期（2项）',
      '1. 市政协八届二次会议第2号提案《关于第2号事项的提案》：答复拟稿，2026年1月5日到期，今日到期',
      '2. 市政协八届二次会议第3号提案《关于第3号事项的提案》：会办意见，2026年1月7日到期，还剩2个工作日',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
  });

  it('calls a suggestion 建议', () => {
    const t = noticeText(
      ctx(
        'deadline-reminder',
        { deadlineKey: 'reply:x', dueAt: DUE },
        {
          proposal: {
            ...proposal,
            kind: 'suggestion',
            sessionName: '市人大十七届三次会议',
            number: '123',
            title: '关于改善交通的建议',
          },
          workingDays: { left: 7 },
        },
      ),
    );
    expect(t.title).toBe(
      '【催办】市人大十七届三次会议第123号建议《关于改善交通的建议》的答复将于2026年1月5日到期（还剩7个工作日）',
    );
  });

  it('never fails: an unknown kind, a broken payload or a missing proposal get a generic notice', () => {
    expect(noticeText(ctx('proposal-teleported', { whatever: true }))).toEqual({
      title: `【通知】${REF}有新的办理动态`,
      body: `X市教育局：\n${REF}有新的办理动态（proposal-teleported）。\n（本通知由办理系统自动发送，请登录系统办理。）`,
      sms: '【办理】市政协八届二次会议第20230117号提案有新的办理动态，请登录系统查看。',
    });
    expect(noticeText(ctx('assigned', undefined)).title).toBe(`【交办】${REF}已交由贵单位主办`);
    expect(noticeText(ctx('deadline-reminder', 'not an object')).title).toBe(`【催办】${REF}的办理事项将于期限日到期`);
    expect(noticeText(ctx('deadline-reminder', { dueAt: 'garbage' })).title).toContain('将于期限日到期');
    expect(noticeText(ctx('something', null, { proposal: undefined, proposalId: '8-2_x' })).title).toBe(
      '【通知】提案（编号8-2_x）有新的办理动态',
    );
    expect(noticeText(ctx('something', null, { proposal: undefined, proposalId: null })).title).toBe(
      '【通知】贵单位的办理事项有新的办理动态',
    );
    expect(noticeText(ctx('daily-digest', { tasks: 'nope' }, { proposal: undefined })).title).toBe(
      '【每日待办】今日：0项已逾期，0项即将到期',
    );
  });

  describe("the reminder to load next year's holiday notice", () => {
    it('names the year, says its deadlines are provisional and where to load it', () => {
      const t = noticeText(ctx('calendar-reminder', { year: 2027 }, { proposal: undefined, proposalId: null }));
      expect(t.title).toBe('【节假日日历】2027年节假日安排尚未载入');
      expect(t.body).toContain('2027年的办理时限均按周末推算，为暂定时限');
      expect(t.body).toContain('npm run calendar -- load');
      expect(t.sms).toContain('2027年节假日安排尚未载入');
    });
  });
});

describe('supervision document notices', () => {
  it('names the document, its number and the proposal, and links its PDF and Word downloads', () => {
    const t = noticeText({
      kind: 'supervision-document',
      payload: {
        documentId: 'd-1',
        documentKind: 'supervision-notice',
        documentNumber: '督办〔2026〕3号',
        issuerUnitId: 'gov-office',
      },
      unitId: 'transport',
      proposalId: 'S1_0042',
      proposal: { kind: 'proposal', sessionName: '市政协八届二次会议', number: '0042', title: '关于公交的提案' },
      unitName: (id) => ({ 'gov-office': 'X市人民政府办公室', transport: 'X市交通运输局' })[id] ?? id,
    });
    expect(t.title).toBe('【督办通知单】X市人民政府办公室督办通知单（督办〔2026〕3号）');
    expect(t.body).toContain(
      'X市人民政府办公室向贵单位发出督办通知单（督办〔2026〕3号），事关市政协八届二次会议第0042号提案《关于公交的提案》',
    );
    expect(t.body).toContain('下载（PDF）：/api/supervision-documents/d-1/pdf');
    expect(t.body).toContain('下载（Word）：/api/supervision-documents/d-1/docx');
  });
});
