import { Button, Card, Col, Empty, Radio, Row, Space, Spin, Table, Typography } from 'antd';
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
  format: 'json' | 'csv' | 'xlsx';
  lang: 'zh-CN' | 'en';
}) {
  return {
    groupBy: o.groupBy,
    format: o.format,
    ...(o.session ? { session: o.session } : {}),
    ...(o.format !== 'json' ? { lang: o.lang } : {}),
  };
}

const SATISFACTION_COLOURS = ['#389e0d', '#95de64', '#cf1322', '#bfbfbf'];

/** On-time rates and satisfaction per unit (or session), as charts and as a table; CSV/XLSX exports. */
export function StatisticsSection({
  session,
  groupBy,
  onGroupBy,
}: {
  session: string;
  groupBy: 'unit' | 'session';
  onGroupBy(g: 'unit' | 'session'): void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const query = useQuery({
    queryKey: ['supervision', 'statistics', { groupBy, session }],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/supervision/statistics', {
          params: { query: statisticsQuery({ groupBy, session, format: 'json', lang }) },
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
          params: { query: statisticsQuery({ groupBy, session, format, lang }) },
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
            scroll={{ x: 1000 }}
            style={{ marginTop: 16 }}
            columns={[
              { title: t('table.name'), dataIndex: 'name', fixed: 'left', width: 200 },
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
            ]}
          />
        </>
      )}
    </Card>
  );
}
