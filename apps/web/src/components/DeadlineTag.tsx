import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatDate, Lang, paren } from '../format';

type DueStatus = Schemas['DueStatusResponse'];

const COLOURS = {
  overdue: 'red',
  'due-soon': 'orange',
  'on-track': 'green',
  done: 'default',
  none: 'default',
} as const;

/**
 * A deadline as the API says it stands (its `due`, the domain's one due-status rule): 2023年7月5日
 * with the working days left (orange when due soon, green on track) or overdue (red); once done,
 * when it was done; marked 暂定 when its year's holiday notice is not loaded. Nothing here counts days.
 */
export function DeadlineTag(props: { dueAt: string | null | undefined; due: DueStatus; explanation?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { due } = props;
  let text: string;
  if (due.state === 'done') {
    text = due.doneAt ? t('deadline.doneOn', { date: formatDate(due.doneAt, lang) }) : t('deadline.done');
  } else {
    if (!props.dueAt) return <span>—</span>;
    let suffix = '';
    if (due.state === 'overdue')
      suffix = due.workingDaysOverdue ? t('deadline.overdue', { count: due.workingDaysOverdue }) : t('deadline.late');
    else if (due.workingDaysLeft === 0) suffix = t('deadline.today');
    else if (due.workingDaysLeft !== undefined) suffix = t('deadline.left', { count: due.workingDaysLeft });
    text = `${formatDate(props.dueAt, lang)}${suffix ? paren(suffix, lang) : ''}`;
  }
  const provisional = 'provisional' in due && due.provisional === true;
  const tag = (
    <Tag color={COLOURS[due.state]} data-due={due.state} data-provisional={provisional || undefined}>
      {text}
      {provisional && paren(t('deadline.provisionalShort'), lang)}
    </Tag>
  );
  // A provisional date may move once its year's notice is loaded: say so wherever it shows.
  const title = [props.explanation, provisional ? t('deadline.provisional') : undefined].filter(Boolean).join(' ');
  return title ? <Tooltip title={title}>{tag}</Tooltip> : tag;
}
