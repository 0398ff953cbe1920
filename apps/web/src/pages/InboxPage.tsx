import {
  Button,
  Card,
  Col,
  Grid,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { InboxTask } from '../api/types';
import { TaskQuery, useTasks, useUnitScopeAllowed } from '../api/tasks';
import { taskPath } from '../api/taskPath';
import { DeadlineTag } from '../components/DeadlineTag';
import { LoadFailed } from '../components/LoadFailed';
import { TitleLine } from '../components/TitleText';
import { countText } from '../format';
import { sessionLabel, useSessions } from '../api/sessions';
import { STAGES } from './proposals/types';

/** The inbox's orders (the API's `sort`); the first is the default, key proposals first. */
export const INBOX_SORTS = ['dueAt', '-dueAt', '-openedAt', 'openedAt', 'stage', '-stage'] as const;
type InboxSort = (typeof INBOX_SORTS)[number];

/**
 * The tasks the user can act on (or, for those the API allows, every task of their unit): key
 * proposals first, then by deadline; overdue in red, due soon in orange, as the API says; done
 * tasks with when they were done. Each task opens the screen where it is done; on phones the
 * tasks are cards rather than a table.
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { t: c } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filter = params.get('filter') ?? 'open';
  const kind = params.get('kind') ?? '';
  const q = params.get('q') ?? '';
  const stage = params.get('stage') ?? '';
  const sessionCode = params.get('sessionCode') ?? '';
  const sortParam = params.get('sort') ?? '';
  const sort: InboxSort = (INBOX_SORTS as readonly string[]).includes(sortParam) ? (sortParam as InboxSort) : 'dueAt';
  const sessions = useSessions().data ?? [];
  // The search box edits its own text; the URL (and the query) change on Enter or the search button.
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
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
      ...(q ? { q } : {}),
      ...(stage ? { stage: stage as TaskQuery['stage'] } : {}),
      ...(sessionCode ? { sessionCode } : {}),
      ...(sort !== 'dueAt' ? { sort } : {}),
    }),
    [page, pageSize, filter, kind, scope, q, stage, sessionCode, sort],
  );
  const { data, error, loading, reload } = useTasks(query);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  // Why the list is empty: the filter that leaves nothing, or that there is no work at all.
  const emptyText = q
    ? t('empty.search', { q })
    : stage || sessionCode
      ? t('empty.filtered')
      : kind
        ? t('empty.kind')
        : filter === 'overdue'
          ? t('empty.overdue')
          : filter === 'closed'
            ? t('empty.closed')
            : scope === 'unit'
              ? t('empty.openUnit')
              : t('empty.open');

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !narrow,
    simple: narrow,
    showTotal: (n: number) => c(data?.totalCapped ? 'totalCapped' : 'total', { count: n }),
    onChange: (p: number, s: number) => set({ page: String(p), pageSize: String(s) }),
  };

  const title = (task: InboxTask) => (
    <TitleLine
      to={taskPath(task)}
      text={task.proposal.title}
      testId="task-link"
      tags={task.proposal.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
    />
  );
  const numberLine = (task: InboxTask) => (
    <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ display: 'block', maxWidth: '100%' }}>
      {task.proposal.sessionName} · {t('number', { number: task.proposal.number })}
    </Typography.Text>
  );

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
      {/* A failed read says what failed, with a retry, and shows no counts or empty list beside it. */}
      {error ? (
        <LoadFailed what="tasks" error={error} onRetry={reload} retrying={loading} />
      ) : (
        <Row gutter={[8, 8]}>
          <Col xs={8}>
            <Card size="small">
              <Statistic
                title={t('open')}
                value={data ? countText(data.counts.open, data.counts.openCapped) : '–'}
                data-testid="count-open"
              />
            </Card>
          </Col>
          <Col xs={8}>
            <Card size="small">
              <Statistic
                title={t('dueSoon')}
                value={data ? countText(data.counts.dueSoon, data.counts.dueSoonCapped) : '–'}
                styles={{ content: { color: '#d46b08' } }}
                data-testid="count-due-soon"
              />
            </Card>
          </Col>
          <Col xs={8}>
            <Card size="small">
              <Statistic
                title={t('overdue')}
                value={data ? countText(data.counts.overdue, data.counts.overdueCapped) : '–'}
                styles={{ content: { color: '#cf1322' } }}
                data-testid="count-overdue"
              />
            </Card>
          </Col>
        </Row>
      )}
      <Space wrap data-testid="inbox-filters">
        <Input.Search
          role="searchbox"
          data-testid="inbox-search"
          value={typed}
          allowClear
          maxLength={200}
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          style={{ width: narrow ? '100%' : 300, maxWidth: '100%' }}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => set({ q: v.trim(), page: '' })}
        />
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
        <Select
          allowClear
          data-testid="inbox-stage"
          placeholder={t('anyStage')}
          style={{ width: 140 }}
          value={stage || undefined}
          onChange={(v) => set({ stage: v ?? '', page: '' })}
          options={STAGES.map((st) => ({ value: st, label: c(`stage.${st}`) }))}
          aria-label={t('stage')}
        />
        <Select
          allowClear
          data-testid="inbox-session"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('anySession')}
          style={{ width: 220, maxWidth: '100%' }}
          value={sessionCode || undefined}
          onChange={(v) => set({ sessionCode: v ?? '', page: '' })}
          options={sessions.map((s) => ({ value: s.code, label: sessionLabel(s) }))}
          aria-label={t('session')}
        />
        <Select
          data-testid="inbox-sort"
          style={{ width: 180 }}
          value={sort}
          onChange={(v) => set({ sort: v === 'dueAt' ? '' : v, page: '' })}
          options={INBOX_SORTS.map((v) => ({ value: v, label: t(`sort.${v}`) }))}
          aria-label={t('sortBy')}
          prefix={narrow ? undefined : t('sortBy')}
        />
      </Space>
      {error ? null : narrow ? (
        <List<InboxTask>
          data-testid="task-cards"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: data ? emptyText : ' ' }}
          pagination={data && data.total > 0 ? { ...pagination, align: 'center' } : false}
          renderItem={(task) => (
            <List.Item style={{ padding: '4px 0', borderBlockEnd: 0 }}>
              <Card size="small" style={{ width: '100%', minWidth: 0 }} data-testid="task-card">
                <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
                  {title(task)}
                  {numberLine(task)}
                  <Space wrap size={4}>
                    <Tag color="blue">{c(`task.${task.kind}`)}</Tag>
                    <Tag>{c(`stage.${task.proposal.stage}`)}</Tag>
                    <DeadlineTag dueAt={task.dueAt} due={task.due} />
                  </Space>
                  <Button type="primary" size="small" onClick={() => navigate(taskPath(task))}>
                    {t('openTask')}
                  </Button>
                </div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<InboxTask>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          size="middle"
          tableLayout="fixed"
          locale={{ emptyText: data ? emptyText : ' ' }}
          pagination={pagination}
          columns={[
            {
              title: t('proposal'),
              key: 'proposal',
              render: (_, task) => (
                <div style={{ minWidth: 0 }}>
                  {title(task)}
                  {numberLine(task)}
                </div>
              ),
            },
            { title: t('task'), dataIndex: 'kind', width: 140, render: (k: string) => c(`task.${k}`) },
            { title: t('stage'), key: 'stage', width: 120, render: (_, task) => c(`stage.${task.proposal.stage}`) },
            {
              title: t('deadline'),
              key: 'deadline',
              width: 250,
              render: (_, task) => <DeadlineTag dueAt={task.dueAt} due={task.due} />,
            },
          ]}
        />
      )}
    </Space>
  );
}
