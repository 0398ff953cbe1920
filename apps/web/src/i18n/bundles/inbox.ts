export const namespace = 'inbox';

export const zh = {
  title: '我的待办',
  open: '待办',
  dueSoon: '7日内到期',
  overdue: '已逾期',
  filter: '筛选',
  filterOpen: '全部待办',
  filterDueSoon: '即将到期',
  filterOverdue: '已逾期',
  filterClosed: '已办',
  kind: '事项类型',
  proposal: '提案',
  number: '第{{number}}号',
  task: '事项',
  stage: '阶段',
  deadline: '办理时限',
};

export const en: typeof zh = {
  title: 'My tasks',
  open: 'Open',
  dueSoon: 'Due within 7 days',
  overdue: 'Overdue',
  filter: 'Filter',
  filterOpen: 'All open',
  filterDueSoon: 'Due soon',
  filterOverdue: 'Overdue',
  filterClosed: 'Done',
  kind: 'Task',
  proposal: 'Proposal',
  number: 'No. {{number}}',
  task: 'Task',
  stage: 'Stage',
  deadline: 'Deadline',
};
