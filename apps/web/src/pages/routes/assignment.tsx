import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { colon, formatDate, Lang } from '../../format';
import type { InboxTask } from '../../api/types';
import { useTasks } from '../../api/tasks';
import { LoadFailed } from '../../components/LoadFailed';
import { TitleLine, TitleText } from '../../components/TitleText';
import { client, ok } from '../../api/client';
import { proposalKey } from '../proposal/hooks';
import { useUrlState } from '../../components/useUrlState';
import { AssignForm, AssignValues } from '../assignment/AssignForm';
import { BulkAssignModal } from '../assignment/BulkAssignModal';
import { proposalPath } from '../proposals/types';

/**
 * The assigning office's desk (交办): proposals awaiting assignment, a form for each, or many
 * ticked and assigned in one step (批量交办). The rows are the office's open assign tasks, so
 * what may be ticked is what the API says awaits this office.
 */
export default function AssignmentPage() {
  const { t, i18n } = useTranslation('assignment');
  const { t: c } = useTranslation();
  const { get, number, set } = useUrlState();
  // The proposal an inbox task or the proposal page sent the officer here to assign.
  const focus = get('focus');
  const page = number('page', 1);
  const pageSize = number('pageSize', 20);
  const { data, error, loading, reload } = useTasks({ kind: 'assign', page, pageSize });
  const [open, setOpen] = useState<string[]>(focus ? [focus] : []);
  const [assigned, setAssigned] = useState<string | null>(null);
  const drafts = useRef(new Map<string, AssignValues>());
  const [selected, setSelected] = useState<InboxTask[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);

  const toggle = (id: string) => setOpen((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      {focus && data && !data.items.some((x) => x.proposalId === focus) && (
        <FocusedAssignment
          proposalId={focus}
          onAssigned={(title) => {
            set({ focus: '' });
            setAssigned(title);
            void reload();
          }}
        />
      )}
      {error && <LoadFailed what="assignment" error={error} onRetry={reload} retrying={loading} />}
      {assigned && (
        <Alert
          type="success"
          showIcon
          closable
          role="status"
          onClose={() => setAssigned(null)}
          title={t('assigned', { title: assigned })}
          data-testid="assigned"
        />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={selected.length === 0}
          onClick={() => setBulkOpen(true)}
          data-testid="bulk-assign"
        >
          {t('bulkButton', { count: selected.length })}
        </Button>
        <Typography.Text type="secondary">{t('bulkHint')}</Typography.Text>
      </Space>
      {bulkOpen && (
        <BulkAssignModal
          rows={selected.map((task) => ({ proposalId: task.proposalId, title: task.proposal.title }))}
          onClose={() => setBulkOpen(false)}
          onDone={() => {
            setBulkOpen(false);
            setSelected([]);
            void reload();
          }}
        />
      )}
      {!error && (
        <Table<InboxTask>
          rowKey="proposalId"
          rowSelection={{
            selectedRowKeys: selected.map((task) => task.proposalId),
            preserveSelectedRowKeys: true,
            onChange: (_, rows) => setSelected(rows),
            getTitleCheckboxProps: () => ({ 'aria-label': t('selectAll') }),
            getCheckboxProps: (task) => ({ 'aria-label': t('select', { title: task.proposal.title }) }),
          }}
          data-testid="assign-list"
          loading={loading}
          dataSource={data?.items ?? []}
          size="middle"
          scroll={{ x: 800 }}
          tableLayout="fixed"
          locale={{ emptyText: t('empty') }}
          expandable={{
            expandedRowKeys: open,
            showExpandColumn: false,
            expandedRowRender: (task) => (
              <AssignForm
                proposalId={task.proposalId}
                title={task.proposal.title}
                draft={drafts.current.get(task.proposalId)}
                onDraft={(v) => drafts.current.set(task.proposalId, v)}
                onAssigned={() => {
                  drafts.current.delete(task.proposalId);
                  setOpen((o) => o.filter((x) => x !== task.proposalId));
                  setAssigned(task.proposal.title);
                  void reload();
                }}
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => c('total', { count: n }),
            onChange: (p, s) => set({ page: p, pageSize: s }),
          }}
          columns={[
            {
              title: t('proposal'),
              key: 'proposal',
              render: (_, task) => (
                <div style={{ minWidth: 0 }}>
                  <TitleLine
                    to={proposalPath(task.proposalId)}
                    text={task.proposal.title}
                    tags={task.proposal.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
                  />
                  <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ display: 'block' }}>
                    {task.proposal.sessionName} · {t('number', { number: task.proposal.number })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('waiting'),
              dataIndex: 'openedAt',
              width: 150,
              render: (d: string) => formatDate(d, i18n.language as Lang),
            },
            {
              title: '',
              key: 'action',
              width: 120,
              render: (_, task) => (
                <Button
                  type={open.includes(task.proposalId) ? 'default' : 'primary'}
                  aria-expanded={open.includes(task.proposalId)}
                  aria-label={`${t('assign')}${colon(i18n.language)}${task.proposal.title}`}
                  onClick={() => toggle(task.proposalId)}
                >
                  {open.includes(task.proposalId) ? t('collapse') : t('assign')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** The assignment form of one proposal named in the address, when it is not on the list's page. */
function FocusedAssignment({ proposalId, onAssigned }: { proposalId: string; onAssigned(title: string): void }) {
  const { t } = useTranslation('assignment');
  const detail = useQuery({
    queryKey: [...proposalKey(proposalId), 'detail'],
    queryFn: ({ signal }) => ok(client.GET('/api/proposals/{id}', { params: { path: { id: proposalId } }, signal })),
  });
  if (!detail.data) return null;
  // Only a proposal the API lets this officer assign gets the form.
  if (!detail.data.allowedActions.some((a) => a.action === 'assign')) return null;
  const title = detail.data.title;
  return (
    <Card size="small" title={<TitleText text={`${t('assign')} · ${title}`} />} data-testid="focused-assignment">
      <AssignForm
        proposalId={proposalId}
        title={title}
        onDraft={() => undefined}
        onAssigned={() => onAssigned(title)}
      />
    </Card>
  );
}
