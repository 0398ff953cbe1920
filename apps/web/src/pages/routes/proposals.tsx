import { Button, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProposalStage } from '@banli/domain';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import { sessionLabel, useSessions } from '../../api/sessions';
import { useUnitName } from '../../api/units';
import { LoadFailed } from '../../components/LoadFailed';
import { TitleLine } from '../../components/TitleText';
import { useUrlState } from '../../components/useUrlState';
import { formatDate, Lang, paren } from '../../format';
import { ProposalSummary, proposalPath, proposersLabel, STAGES } from '../proposals/types';

/** Every proposal the user may see: full-text search, session and stage filters, key proposals first. */
export default function ProposalsPage() {
  const { t, i18n } = useTranslation('proposals');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const sessions = useSessions().data ?? [];
  const { get, number, set } = useUrlState();
  const q = get('q');
  const sessionCode = get('sessionCode');
  const stage = get('stage');
  const page = number('page', 1);
  const pageSize = number('pageSize', 20);
  const [form] = Form.useForm<{ q: string; sessionCode?: string; stage?: string }>();
  const search = useQuery({
    queryKey: ['proposals', { q, sessionCode, stage, page, pageSize }],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/proposals', {
          params: {
            query: {
              page,
              pageSize,
              ...(q ? { q } : {}),
              ...(sessionCode ? { sessionCode } : {}),
              ...(stage ? { stage: stage as ProposalStage } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const data = search.data ?? null;
  const error = search.error;
  const loading = search.isFetching;

  useEffect(() => {
    form.setFieldsValue({ q, sessionCode: sessionCode || undefined, stage: stage || undefined });
  }, [form, q, sessionCode, stage]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Form
        form={form}
        layout="inline"
        role="search"
        onFinish={(v) =>
          set({ q: v.q?.trim() ?? '', sessionCode: v.sessionCode ?? '', stage: v.stage ?? '', page: '' })
        }
        style={{ rowGap: 8 }}
      >
        <Form.Item name="q" label={t('query')}>
          <Input
            placeholder={t('queryPlaceholder')}
            allowClear
            maxLength={200}
            style={{ width: 300, maxWidth: '100%' }}
          />
        </Form.Item>
        <Form.Item name="sessionCode" label={t('session')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('sessionPlaceholder')}
            style={{ width: 240 }}
            options={sessions.map((s) => ({ value: s.code, label: sessionLabel(s) }))}
          />
        </Form.Item>
        <Form.Item name="stage" label={t('stage')}>
          <Select
            allowClear
            placeholder={t('anyStage')}
            style={{ width: 160 }}
            options={STAGES.map((s) => ({ value: s, label: c(`stage.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {c('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                set({ q: '', sessionCode: '', stage: '', page: '' });
              }}
            >
              {c('reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error ? (
        <LoadFailed what="proposals" error={error} onRetry={() => search.refetch()} retrying={loading} />
      ) : (
        <Table<ProposalSummary>
          rowKey="id"
          data-testid="proposal-list"
          loading={loading}
          dataSource={data?.items ?? []}
          size="middle"
          scroll={{ x: 1000 }}
          tableLayout="fixed"
          locale={{ emptyText: data ? (q || sessionCode || stage ? t('empty') : t('emptyNone')) : ' ' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => c(data?.totalCapped ? 'totalCapped' : 'total', { count: n }),
            onChange: (p, s) => set({ page: p, pageSize: s }),
          }}
          columns={[
            {
              title: t('proposal'),
              key: 'proposal',
              render: (_, p) => (
                <div style={{ minWidth: 0 }}>
                  <TitleLine
                    to={proposalPath(p.id)}
                    text={p.title}
                    tags={
                      (p.keyProposal || p.kind === 'suggestion') && (
                        <>
                          {p.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
                          {p.kind === 'suggestion' && <Tag>{t('kind.suggestion')}</Tag>}
                        </>
                      )
                    }
                  />
                  <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ display: 'block' }}>
                    {p.sessionName} · {t('number', { number: p.number })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('proposers'),
              key: 'proposers',
              width: 150,
              render: (_, p) => proposersLabel(p.proposers, (lead, total, more) => t('joint', { lead, total, more })),
            },
            { title: t('stage'), dataIndex: 'stage', width: 120, render: (s: string) => c(`stage.${s}`) },
            {
              title: t('units'),
              key: 'units',
              width: 220,
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  {p.assignedUnitIds.map((u) => (
                    <span key={u}>
                      {unitName(u)}
                      {u === p.leadUnitId && p.assignedUnitIds.length > 1 ? paren(t('lead'), i18n.language) : ''}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('nextDeadline'),
              key: 'next',
              width: 170,
              // The list has no due status from the API (only the detail and the inbox do): the date,
              // marked when the API says it is provisional.
              render: (_, p) =>
                p.closedAt || !p.nextDueAt ? (
                  '—'
                ) : (
                  <Space size={4}>
                    {formatDate(p.nextDueAt, i18n.language as Lang)}
                    {p.nextDueProvisional && (
                      <Tooltip title={c('deadline.provisional')}>
                        <Tag color="gold" data-provisional="true">
                          {c('deadline.provisionalShort')}
                        </Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
            },
            {
              title: t('received'),
              dataIndex: 'receivedAt',
              width: 130,
              render: (d: string) => formatDate(d, i18n.language as Lang),
            },
          ]}
        />
      )}
    </Space>
  );
}
