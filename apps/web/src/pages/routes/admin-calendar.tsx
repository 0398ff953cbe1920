import { Alert, Button, Input, Modal, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { client, ok, type Schemas } from '../../api/client';
import { queryClient } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatIsoDate, Lang } from '../../format';
import { readText } from '../intake/read-text';
import { proposalPath } from '../proposals/types';

type Version = Schemas['CalendarVersionResponse'];
const CALENDARS = ['admin', 'calendars'] as const;

/** Admins load holiday notices and local days off, see every version and its re-planning report. */
export default function AdminCalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  const lang = i18n.language as Lang;
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'info' | 'warning'; text: string } | null>(null);
  const [reportOf, setReportOf] = useState<Version | null>(null);

  const status = useQuery({
    queryKey: [...CALENDARS, 'status'],
    queryFn: ({ signal }) => ok(client.GET('/api/admin/calendars/status', { signal })),
  });
  const versions = useQuery({
    queryKey: [...CALENDARS, 'versions'],
    queryFn: ({ signal }) => ok(client.GET('/api/admin/calendars', { signal })),
    // Re-planning runs in the background: follow it while a version is not done.
    refetchInterval: (q) => (q.state.data?.some((v) => v.replan.status !== 'done') ? 3000 : false),
  });
  const report = useQuery({
    queryKey: [...CALENDARS, 'report', reportOf?.seq],
    enabled: reportOf !== null,
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/admin/calendars/{seq}/report', {
          params: { path: { seq: reportOf?.seq ?? 0 } },
          signal,
        }),
      ),
  });

  const load = async (file: File) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const text = await readText(file);
      const ics = file.name.toLowerCase().endsWith('.ics');
      const result = await ok(
        client.POST('/api/admin/calendars', {
          params: { query: { source: 'web', ...(ics && label.trim() ? { label: label.trim() } : {}) } },
          // Sent as read (JSON or iCalendar text), not serialised again.
          body: text as never,
          bodySerializer: (body: unknown) => body,
          headers: { 'Content-Type': ics ? 'text/calendar' : 'application/json' },
        }),
      );
      const v = result.version;
      if (!result.replanStarted) setOutcome({ type: 'warning', text: t('replanNotStarted') });
      else if (!result.created) setOutcome({ type: 'info', text: t('alreadyLoaded', { seq: v.seq }) });
      else setOutcome({ type: 'success', text: t('loaded', { seq: v.seq, label: v.label }) });
      await queryClient.invalidateQueries({ queryKey: CALENDARS });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const missing = status.data?.missingNextYear;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {missing ? (
        <Alert type="warning" showIcon data-testid="calendar-reminder" title={t('reminder', { year: missing })} />
      ) : null}
      <Alert type="info" showIcon title={t('intro')} description={t('formats')} />
      <ErrorAlert error={error ?? status.error ?? versions.error} onClose={() => setError(null)} />
      {status.data && (
        <Space wrap data-testid="calendar-years">
          <Typography.Text strong>{t('years')}</Typography.Text>
          {status.data.years.map((y) =>
            y.published ? (
              <Tag key={y.year} color="green" data-year={y.year} data-published="true">
                {y.year} {t('published')}
              </Tag>
            ) : (
              <Tooltip key={y.year} title={t('provisionalHelp')}>
                <Tag color="gold" data-year={y.year} data-published="false">
                  {y.year} {t('provisional')}
                </Tag>
              </Tooltip>
            ),
          )}
          <Typography.Text type="secondary">
            {t('calendarVersion', { version: status.data.calendarVersion })}
          </Typography.Text>
        </Space>
      )}
      <Space wrap>
        <Input
          style={{ width: 260 }}
          placeholder={t('label')}
          aria-label={t('label')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Upload
          accept=".json,.ics,application/json,text/calendar"
          showUploadList={false}
          beforeUpload={(file) => {
            void load(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            {t('upload')}
          </Button>
        </Upload>
      </Space>
      {outcome && <Alert type={outcome.type} showIcon role="status" title={outcome.text} />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('versions')}
      </Typography.Title>
      <Table<Version>
        // Wider than a phone: the table scrolls inside its own box, never the page.
        scroll={{ x: 'max-content' }}
        rowKey="seq"
        size="small"
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        pagination={false}
        columns={[
          { title: t('seq'), dataIndex: 'seq', width: 70 },
          { title: t('labelColumn'), dataIndex: 'label' },
          { title: t('kind'), render: (_, v) => t(`kinds.${v.kind}`) },
          {
            title: t('covers'),
            render: (_, v) => [...v.years.map(String), ...v.localDaysOff.map((d) => formatIsoDate(d, lang))].join('、'),
          },
          { title: t('loadedAt'), render: (_, v) => formatDateTime(v.loadedAt, lang) },
          { title: t('loadedBy'), dataIndex: 'loadedBy' },
          { title: t('source'), render: (_, v) => `${v.source} (${v.format})` },
          {
            title: t('replan'),
            render: (_, v) => t(`replanStatus.${v.replan.status}`, { count: v.replan.signalled }),
          },
          {
            title: t('report'),
            render: (_, v) => (
              <Button size="small" onClick={() => setReportOf(v)}>
                {t('report')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={reportOf !== null}
        width={1000}
        footer={null}
        onCancel={() => setReportOf(null)}
        title={reportOf ? t('reportTitle', { seq: reportOf.seq, label: reportOf.label }) : ''}
      >
        <ErrorAlert error={report.error} />
        <Table<Schemas['DeadlineChangeResponse']>
          // Wider than a phone: the table scrolls inside its own box, never the page.
          scroll={{ x: 'max-content' }}
          rowKey={(c) => `${c.proposalId}/${c.deadlineKey}`}
          size="small"
          loading={report.isLoading}
          dataSource={report.data?.changes ?? []}
          locale={{ emptyText: t('reportEmpty') }}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('proposal'),
              render: (_, c) => <Link to={proposalPath(c.proposalId)}>{c.proposalTitle ?? c.proposalId}</Link>,
            },
            { title: t('deadline'), dataIndex: 'deadlineKey' },
            { title: t('oldDate'), render: (_, c) => (c.oldEndDate ? formatIsoDate(c.oldEndDate, lang) : '—') },
            { title: t('newDate'), render: (_, c) => (c.newEndDate ? formatIsoDate(c.newEndDate, lang) : '—') },
            {
              title: t('why'),
              render: (_, c) => (
                <Space wrap>
                  {reportOf && t('because', { label: reportOf.label, seq: reportOf.seq })}
                  {c.oldProvisional && !c.newProvisional && <Tag color="green">{t('becameFinal')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Modal>
    </Space>
  );
}
