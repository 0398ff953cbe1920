/** Confirmations before irreversible actions: what will happen, and that it cannot be undone. */
export const namespace = 'confirm';

export const zh = {
  sign: {
    title: '确认签发？',
    content:
      '签发将从{{unit}}的发文文号池（本单位本年度的文号序列）分配下一个文号。文号一经分配不能收回，答复函随即定稿，之后只能发出。',
    ok: '签发并分配文号',
  },
  dispatch: {
    title: '确认发出答复？',
    content: '答复函将发送给提案人（{{proposers}}），并抄送交办单位、提案委和各会办单位。发出后不能撤回。',
    ok: '发出答复',
  },
  accept: {
    title: '确认立案？',
    content: '将对“{{title}}”立案：提案进入交办环节，立案不能撤销。',
    contentMany: '将对所选的 {{count}} 件提案立案：提案进入交办环节，立案不能撤销。',
    ok: '立案',
  },
  assign: {
    title: '确认交办？',
    content: '交办后，各承办单位的办理时限即开始计算；之后只能由承办单位申请调整。',
    ok: '交办',
  },
  returnOpinion: {
    title: '确认退回会办意见？',
    content: '{{unit}}的会办意见将退回修改：该单位会收到通知，须重新报送。退回记录不能撤销。',
    ok: '退回',
  },
  waive: {
    title: '确认免于会办？',
    content: '{{unit}}将不再需要报送会办意见。此决定不能撤销。',
    ok: '免于会办',
  },
  publication: {
    title: '确认已公开？',
    content: '将记录这份答复已经公开，公开的记录不能撤销。',
    ok: '确认已公开',
  },
  decision: {
    title: '确认提交决定？',
    content: '决定将通知申请单位并记入办理记录，提交后不能更改。',
    ok: '提交决定',
  },
};

export const en: typeof zh = {
  sign: {
    title: 'Sign the reply?',
    content:
      "Signing takes the next document number from {{unit}}'s number pool (the unit's numbers for this year). A number once given is never returned; the letter is final and can then only be dispatched.",
    ok: 'Sign and number',
  },
  dispatch: {
    title: 'Dispatch the reply?',
    content:
      'The letter goes to the proposers ({{proposers}}), with copies to the assigning office, the committee and each co-handling unit. It cannot be recalled.',
    ok: 'Dispatch',
  },
  accept: {
    title: 'Accept the proposal?',
    content: '"{{title}}" will be accepted and goes on to assignment. Acceptance cannot be undone.',
    contentMany:
      'The {{count}} selected proposals will be accepted and go on to assignment. Acceptance cannot be undone.',
    ok: 'Accept',
  },
  assign: {
    title: 'Assign the proposal?',
    content: "Every handling unit's deadlines start now; afterwards only a unit's objection can change the assignment.",
    ok: 'Assign',
  },
  returnOpinion: {
    title: 'Return the opinion?',
    content:
      "{{unit}}'s opinion goes back for revision: the unit is told and must submit it again. The return stays on record.",
    ok: 'Return',
  },
  waive: {
    title: 'Waive the opinion?',
    content: '{{unit}} will no longer need to submit an opinion. This cannot be undone.',
    ok: 'Waive',
  },
  publication: {
    title: 'Confirm publication?',
    content: 'The reply is recorded as published; the record cannot be undone.',
    ok: 'Confirm',
  },
  decision: {
    title: 'Submit the decision?',
    content: 'The decision is sent to the unit that asked and recorded; it cannot be changed afterwards.',
    ok: 'Submit decision',
  },
};
