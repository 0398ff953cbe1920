import { Button, Card, Col, DatePicker, Empty, Radio, Row, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, download, ok } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, StatisticsRow } from './types';

// ECharts is large: it loads with the dashboard's charts, not with every screen (route modules
// are imported eagerly for their `route` export).
const Chart = lazy(async () => ({ default: (await import('./charts')).Chart }));

/** GET /api/supervision/statistics: JSON for the screen, CSV or XLSX (headings in the UI's language) to download. */
function statisticsQuery(o: {
  groupBy: 'unit' | 'session';
  session: string;
  period: Period;
  format: 'json' | 'csv' | 'xlsx';
  lang: 'zh-CN' | 'en';
}) {
  return {
    groupBy: o.groupBy,
    format: o.format,
    ...(o.session ? { session: o.session } : {}),
    ...(o.period ? { from: o.period[0], to: o.period[1] } : {}),
    ...(o.format !== 'json' ? { lang: o.lang } : {}),
  };
}

/** The statistics' period (work assigned within it), as two Shanghai dates; null: all time. */
type Period = [string, string] | null;

const SATISFACTION_COLOURS = ['#389e0d', '#95de64', '#cf1322', '#bfbfbf'];

/** On-time rates and satisfaction per unit (or session), as charts and as a table; CSV/XLSX exports. */
export function StatisticsSection({
  session,
  groupBy,
  onGroupBy,
  onDrill,
}: {
  session: string;
  groupBy: 'unit' | 'session';
  onGroupBy(g: 'unit' | 'session'): void;
  /** From a chart's bar or a row to its list: the deadlines of that unit (or session). */
  onDrill(key: string): void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const query = useQuery({
    queryKey: ['supervision', 'statistics', { groupBy, session, period }],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/supervision/statistics', {
          params: { query: statisticsQuery({ groupBy, session, period, format: 'json', lang }) },
          signal,
        }),
      ),
  });
  const data = query.data ?? null;
  const error = exportError ?? query.error;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await download(
        client.GET('/api/supervision/statistics', {
          params: { query: statisticsQuery({ groupBy, session, period, format, lang }) },
          parseAs: 'blob',
        }),
        `banli-statistics-${groupBy}.${format}`,
      );
      setExportError(null);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  };

  const rows = data?.items ?? [];
  const names = rows.map((r) => r.name);
  const height = Math.max(180, 72 + rows.length * 44);
  const rate = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

  return (
    <Card
      title={t('statistics')}
      size="small"
      extra={
        <Space wrap>
          <Radio.Group
            value={groupBy}
            onChange={(e) => onGroupBy(e.target.value)}
            optionType="button"
            size="small"
            aria-label={t('groupBy')}
            options={[
              { value: 'unit', label: t('byUnit') },
              { value: 'session', label: t('bySession') },
            ]}
          />
          <DatePicker.RangePicker
            size="small"
            aria-label={t('period')}
            placeholder={[t('periodFrom'), t('periodTo')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              setPeriod(range?.[0] && range[1] ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')] : null)
            }
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting === 'csv'}
            onClick={() => void exportAs('csv')}
          >
            {t('exportCsv')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting === 'xlsx'}
            onClick={() => void exportAs('xlsx')}
          >
            {t('exportXlsx')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {rows.length === 0 ? (
        <Empty description={t('noStatistics')} />
      ) : (
        <>
          <Suspense fallback={<Spin />}>
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Typography.Title level={5}>{t('onTimeChart')}</Typography.Title>
                <Chart
                  testId="chart-on-time"
                  label={t('chartLabel', { title: t('onTimeChart') })}
                  height={height}
                  onPick={(i) => rows[i] && onDrill(rows[i].key)}
                  option={{
                    tooltip: {
                      trigger: 'axis',
                      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`),
                    },
                    legend: { top: 0, data: [t('replyOnTime'), t('opinionOnTime')] },
                    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                    yAxis: {
                      type: 'category',
                      data: names,
                      inverse: true,
                      axisLabel: { width: 160, overflow: 'truncate' },
                    },
                    series: [
                      {
                        name: t('replyOnTime'),
                        type: 'bar',
                        data: rows.map((r) => rate(r.replyOnTimeRate)),
                        itemStyle: { color: '#b71c1c' },
                      },
                      {
                        name: t('opinionOnTime'),
                        type: 'bar',
                        data: rows.map((r) => rate(r.opinionOnTimeRate)),
                        itemStyle: { color: '#1677ff' },
                      },
                    ],
                  }}
                />
              </Col>
              <Col xs={24} lg={12}>
                <Typography.Title level={5}>{t('satisfactionChart')}</Typography.Title>
                <Chart
                  testId="chart-satisfaction"
                  label={t('chartLabel', { title: t('satisfactionChart') })}
                  height={height}
                  onPick={(i) => rows[i] && onDrill(rows[i].key)}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: {
                      top: 0,
                      data: [t('satisfied'), t('basicallySatisfied'), t('unsatisfied'), t('notRated')],
                    },
                    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: {
                      type: 'category',
                      data: names,
                      inverse: true,
                      axisLabel: { width: 160, overflow: 'truncate' },
                    },
                    series: (['satisfied', 'basicallySatisfied', 'unsatisfied', 'notRated'] as const).map((k, i) => ({
                      name: t(k),
                      type: 'bar',
                      stack: 'satisfaction',
                      data: rows.map((r) => r.satisfaction[k]),
                      itemStyle: { color: SATISFACTION_COLOURS[i] },
                    })),
                  }}
                />
              </Col>
            </Row>
          </Suspense>
          <Table<StatisticsRow>
            rowKey="key"
            size="small"
            data-testid="statistics-table"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 1800 }}
            style={{ marginTop: 16 }}
            columns={[
              {
                title: t('table.name'),
                dataIndex: 'name',
                fixed: 'left',
                width: 200,
                render: (name: string, r) => (
                  <Typography.Link onClick={() => onDrill(r.key)} title={t('drillDown')}>
                    {name}
                  </Typography.Link>
                ),
              },
              { title: t('table.assignedReplying'), dataIndex: 'assignedAsReplying', align: 'right' },
              { title: t('table.assignedCoHandling'), dataIndex: 'assignedAsCoHandling', align: 'right' },
              { title: t('table.closed'), dataIndex: 'closed', align: 'right' },
              {
                title: t('table.replyOnTime'),
                key: 'reply',
                align: 'right',
                render: (_, r) => `${percent(r.replyOnTimeRate)}（${r.repliesOnTime}/${r.repliesDue}）`,
              },
              {
                title: t('table.opinionOnTime'),
                key: 'opinion',
                align: 'right',
                render: (_, r) => `${percent(r.opinionOnTimeRate)}（${r.opinionsOnTime}/${r.opinionsDue}）`,
              },
              {
                title: t('table.averageDays'),
                dataIndex: 'averageWorkingDaysToReply',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
              {
                title: t('table.satisfaction'),
                key: 'satisfaction',
                align: 'right',
                render: (_, r) =>
                  [
                    r.satisfaction.satisfied,
                    r.satisfaction.basicallySatisfied,
                    r.satisfaction.unsatisfied,
                    r.satisfaction.notRated,
                  ].join(' / '),
              },
              { title: t('table.rehandled'), dataIndex: 'rehandled', align: 'right' },
              ...figureColumns(t, groupBy),
            ]}
            summary={() =>
              data?.total ? (
                <Table.Summary fixed>
                  <TotalRow total={data.total} groupBy={groupBy} label={t('table.total')} />
                </Table.Summary>
              ) : null
            }
          />
        </>
      )}
    </Card>
  );
}

type Translate = (key: string) => string;

/** What the office reports beyond the on-time rates: each rate with its numerator and denominator. */
function figureColumns(t: Translate, groupBy: 'unit' | 'session') {
  const ratio = (rate: number | null, n: number, d: number) => `${percent(rate)}（${n}/${d}）`;
  return [
    {
      title: t('table.closingRate'),
      key: 'closingRate',
      align: 'right' as const,
      render: (_: unknown, r: StatisticsRow) => ratio(r.closingRate, r.closed, r.assignedAsReplying),
    },
    {
      title: t('table.closedOnTimeRate'),
      key: 'closedOnTimeRate',
      align: 'right' as const,
      render: (_: unknown, r: StatisticsRow) => ratio(r.closedOnTimeRate, r.closedOnTime, r.assignedAsReplying),
    },
    {
      title: t('table.satisfactionRate'),
      key: 'satisfactionRate',
      align: 'right' as const,
      render: (_: unknown, r: StatisticsRow) => percent(r.satisfactionRate),
    },
    {
      title: t('table.contactRate'),
      key: 'contactRate',
      align: 'right' as const,
      render: (_: unknown, r: StatisticsRow) => ratio(r.contactRate, r.repliesWithContact, r.repliesSigned),
    },
    {
      title: t('table.meetingRate'),
      key: 'meetingRate',
      align: 'right' as const,
      render: (_: unknown, r: StatisticsRow) => ratio(r.meetingRate, r.repliesWithMeeting, r.repliesSigned),
    },
    { title: t('table.reminderNotices'), dataIndex: 'reminderNotices', align: 'right' as const },
    { title: t('table.workingDaysHeldUp'), dataIndex: 'workingDaysHeldUp', align: 'right' as const },
    ...(groupBy === 'session'
      ? [
          {
            title: t('table.review'),
            key: 'review',
            align: 'right' as const,
            render: (_: unknown, r: StatisticsRow) =>
              r.review ? [r.review.accepted, r.review.notAccepted, r.review.merged].join(' / ') : '—',
          },
        ]
      : []),
  ];
}

/** 合计: the API's total row (counts summed, rates made again from the sums). */
function TotalRow({ total, groupBy, label }: { total: StatisticsRow; groupBy: 'unit' | 'session'; label: string }) {
  const ratio = (rate: number | null, n: number, d: number) => `${percent(rate)}（${n}/${d}）`;
  const cells = [
    label,
    total.assignedAsReplying,
    total.assignedAsCoHandling,
    total.closed,
    ratio(total.replyOnTimeRate, total.repliesOnTime, total.repliesDue),
    ratio(total.opinionOnTimeRate, total.opinionsOnTime, total.opinionsDue),
    total.averageWorkingDaysToReply ?? '—',
    [
      total.satisfaction.satisfied,
      total.satisfaction.basicallySatisfied,
      total.satisfaction.unsatisfied,
      total.satisfaction.notRated,
    ].join(' / '),
    total.rehandled,
    ratio(total.closingRate, total.closed, total.assignedAsReplying),
    ratio(total.closedOnTimeRate, total.closedOnTime, total.assignedAsReplying),
    percent(total.satisfactionRate),
    ratio(total.contactRate, total.repliesWithContact, total.repliesSigned),
    ratio(total.meetingRate, total.repliesWithMeeting, total.repliesSigned),
    total.reminderNotices,
    total.workingDaysHeldUp,
    ...(groupBy === 'session'
      ? [total.review ? [total.review.accepted, total.review.notAccepted, total.review.merged].join(' / ') : '—']
      : []),
  ];
  return (
    <Table.Summary.Row data-testid="statistics-total">
      {cells.map((v, i) => (
        <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>
          {i === 0 ? <strong>{v}</strong> : v}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
