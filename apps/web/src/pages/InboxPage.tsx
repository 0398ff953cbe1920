import { Card, Col, Radio, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { InboxTask } from '../api/types';
import { TaskQuery, useTasks, useUnitScopeAllowed } from '../api/tasks';
import { DeadlineTag } from '../components/DeadlineTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { countText } from '../format';

/**
 * The tasks the user can act on (or, for those the API allows, every task of their unit): key
 * proposals first, then by deadline; overdue in red, due soon in orange, as the API says; done
 * tasks with when they were done.
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { t: c } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filter = params.get('filter') ?? 'open';
  const kind = params.get('kind') ?? '';
  const unitScopeAllowed = useUnitScopeAllowed();
  const scope = unitScopeAllowed && params.get('scope') === 'unit' ? 'unit' : 'mine';
  const query = useMemo(
    (): TaskQuery => ({
      page,
      pageSize,
      scope,
      ...(filter === 'overdue' ? { overdue: true } : {}),
      ...(filter === 'closed' ? { status: 'closed' as const } : {}),
      ...(kind ? { kind: kind as TaskQuery['kind'] } : {}),
    }),
    [page, pageSize, filter, kind, scope],
  );
  const { data, error, loading } = useTasks(query);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {scope === 'unit' ? t('titleUnit') : t('title')}
        </Typography.Title>
        {unitScopeAllowed && (
          <Radio.Group
            value={scope}
            onChange={(e) => set({ scope: e.target.value === 'unit' ? 'unit' : '', page: '' })}
            optionType="button"
            data-testid="inbox-scope"
            aria-label={t('scope')}
            options={[
              { value: 'mine', label: t('scopeMine') },
              { value: 'unit', label: t('scopeUnit') },
            ]}
          />
        )}
      </Space>
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('open')}
              value={countText(data?.counts.open ?? 0, data?.counts.openCapped)}
              data-testid="count-open"
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('dueSoon')}
              value={countText(data?.counts.dueSoon ?? 0, data?.counts.dueSoonCapped)}
              styles={{ content: { color: '#d46b08' } }}
              data-testid="count-due-soon"
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('overdue')}
              value={countText(data?.counts.overdue ?? 0, data?.counts.overdueCapped)}
              styles={{ content: { color: '#cf1322' } }}
              data-testid="count-overdue"
            />
          </Card>
        </Col>
      </Row>
      <Space wrap>
        <Radio.Group
          value={filter}
          onChange={(e) => set({ filter: e.target.value === 'open' ? '' : String(e.target.value), page: '' })}
          optionType="button"
          options={[
            { value: 'open', label: t('filterOpen') },
            { value: 'overdue', label: t('filterOverdue') },
            { value: 'closed', label: t('filterClosed') },
          ]}
          aria-label={t('filter')}
        />
        <Select
          allowClear
          placeholder={t('kind')}
          style={{ width: 180 }}
          value={kind || undefined}
          onChange={(v) => set({ kind: v ?? '', page: '' })}
          options={Object.keys(c('task', { returnObjects: true }) as Record<string, string>).map((k) => ({
            value: k,
            label: c(`task.${k}`),
          }))}
          aria-label={t('kind')}
        />
      </Space>
      <Table<InboxTask>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => c(data?.totalCapped ? 'totalCapped' : 'total', { count: n }),
          onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
        }}
        columns={[
          {
            title: t('proposal'),
            key: 'proposal',
            render: (_, task) => (
              <Space orientation="vertical" size={0}>
                <Space>
                  {task.proposal.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
                  <Link to={`/proposals/${encodeURIComponent(task.proposalId)}`}>{task.proposal.title}</Link>
                </Space>
                <Typography.Text type="secondary">
                  {task.proposal.sessionName} · {t('number', { number: task.proposal.number })}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('task'), dataIndex: 'kind', render: (k: string) => c(`task.${k}`) },
          { title: t('stage'), key: 'stage', render: (_, task) => c(`stage.${task.proposal.stage}`) },
          {
            title: t('deadline'),
            key: 'deadline',
            render: (_, task) => <DeadlineTag dueAt={task.dueAt} due={task.due} />,
          },
        ]}
      />
    </Space>
  );
}
