import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, Lang, urgencyOf } from '../format';

const COLOURS = { overdue: 'red', 'due-soon': 'orange', normal: 'green', none: 'default' } as const;

/** A deadline as 2023年7月5日 with the working days left (or overdue), coloured by urgency. */
export function DeadlineTag(props: {
  dueAt: string | null | undefined;
  workingDaysLeft?: number | null;
  workingDaysOverdue?: number | null;
  explanation?: string;
}) {
  const { t, i18n } = useTranslation();
  if (!props.dueAt) return <span>—</span>;
  const urgency = urgencyOf(props);
  const lang = i18n.language as Lang;
  let suffix = '';
  if (props.workingDaysOverdue) suffix = t('deadline.overdue', { count: props.workingDaysOverdue });
  else if (props.workingDaysLeft === 0) suffix = t('deadline.today');
  else if (props.workingDaysLeft) suffix = t('deadline.left', { count: props.workingDaysLeft });
  const tag = (
    <Tag color={COLOURS[urgency]} data-urgency={urgency}>
      {formatDate(props.dueAt, lang)}
      {suffix ? `（${suffix}）` : ''}
    </Tag>
  );
  return props.explanation ? <Tooltip title={props.explanation}>{tag}</Tooltip> : tag;
}
