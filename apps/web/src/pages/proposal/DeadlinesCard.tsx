import { Card, Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnitName } from '../../api/units';
import { DeadlineTag } from '../../components/DeadlineTag';
import { formatDate, formatIsoDate, Lang } from '../../format';
import { holidayName, skippedRuns } from './derive';
import type { DeadlineView } from './types';

const STATUS_COLOURS: Record<string, string> = { running: 'processing', met: 'success', cancelled: 'default' };

/** Every deadline of the proposal, each with how it was computed (rule, start, days skipped, calendar). */
export function DeadlinesCard({ deadlines }: { deadlines: DeadlineView[] }) {
  const { t } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const shown = deadlines.filter((d) => d.status !== 'cancelled');
  return (
    <Card size="small" title={t('deadlines.title')} data-testid="deadlines">
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deadlines.none')} />
      ) : (
        <Collapse
          size="small"
          ghost
          items={shown.map((d) => ({
            key: d.key,
            label: (
              <Space wrap size={4} data-testid={`deadline-${d.key}`}>
                <Typography.Text strong>{c(`deadlineKind.${d.kind}`)}</Typography.Text>
                <Typography.Text type="secondary">{unitName(d.unitId)}</Typography.Text>
                <DeadlineLine d={d} />
              </Space>
            ),
            children: <Explanation d={d} />,
          }))}
        />
      )}
    </Card>
  );
}

export function DeadlineLine({ d }: { d: DeadlineView }) {
  const { t, i18n } = useTranslation('proposal');
  const lang = i18n.language as Lang;
  return (
    <>
      {d.status === 'running' ? (
        <DeadlineTag dueAt={d.dueAt} due={d.due} />
      ) : (
        d.dueAt && <Typography.Text>{formatDate(d.dueAt, lang)}</Typography.Text>
      )}
      {d.status !== 'running' && (
        <Tag color={STATUS_COLOURS[d.status] ?? 'default'}>{t(`deadlines.status.${d.status}`)}</Tag>
      )}
      {d.extended && <Tag color="purple">{t('deadlines.extended')}</Tag>}
      {d.provisional && <Tag color="gold">{t('deadlines.provisional')}</Tag>}
    </>
  );
}

function Explanation({ d }: { d: DeadlineView }) {
  const { t, i18n } = useTranslation('proposal');
  const lang = i18n.language as Lang;
  const x = d.explanation;
  if (!x) return <Typography.Text type="secondary">{t('deadlines.status.planning')}</Typography.Text>;
  const runs = skippedRuns(x.skipped ?? []);
  const items = [
    {
      key: 'start',
      label: t('deadlines.start'),
      children: t('deadlines.startNote', { date: formatIsoDate(x.startDate, lang) }),
    },
    {
      key: 'rule',
      label: t('deadlines.rule'),
      children: t(`deadlines.units.${x.rule.unit}`, { count: x.rule.amount }),
    },
    ...(x.nominalEndDate !== x.endDate
      ? [{ key: 'nominal', label: t('deadlines.nominalEnd'), children: formatIsoDate(x.nominalEndDate, lang) }]
      : []),
    {
      key: 'end',
      label: t('deadlines.end'),
      children: (
        <Space orientation="vertical" size={0}>
          <span>{t('deadlines.endNote', { date: formatIsoDate(x.endDate, lang) })}</span>
          {x.rolledForward && <Typography.Text type="secondary">{t('deadlines.rolledForward')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'skipped',
      label: t('deadlines.skipped', { count: x.skipped?.length ?? 0 }),
      children: runs.length ? (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '…' }}>
          {runs
            .map((r) => {
              const range =
                r.from === r.to
                  ? formatIsoDate(r.from, lang)
                  : `${formatIsoDate(r.from, lang)}–${formatIsoDate(r.to, lang)}`;
              const why = r.name ? holidayName(r.name, lang) : t(`deadlines.reason.${r.reason}`);
              return `${range} ${why}`;
            })
            .join(lang === 'en' ? '; ' : '；')}
        </Typography.Paragraph>
      ) : (
        '—'
      ),
    },
    { key: 'calendar', label: t('deadlines.calendarVersion'), children: x.calendarVersion },
    ...(x.provisional
      ? [
          {
            key: 'provisional',
            label: t('deadlines.provisional'),
            children: (
              <Typography.Text type="warning">
                {t('deadlines.provisionalNote', {
                  years: (x.provisionalYears ?? []).join(lang === 'en' ? ', ' : '、'),
                })}
              </Typography.Text>
            ),
          },
        ]
      : []),
    ...(d.remindersSent || d.escalations
      ? [
          {
            key: 'alarms',
            label: t('deadlines.alarms'),
            children: [
              d.remindersSent ? t('deadlines.reminders', { count: d.remindersSent }) : '',
              d.escalations ? t('deadlines.escalations', { count: d.escalations }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      items={items}
      data-testid={`explanation-${d.key}`}
      styles={{ label: { width: 120 } }}
    />
  );
}
