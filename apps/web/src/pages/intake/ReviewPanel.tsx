import { Alert, Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/useConfirm';
import { useDisplayTitle } from '../../components/TitleText';
import { colon, formatDateTime, Lang } from '../../format';
import { Link } from 'react-router-dom';
import { client, idempotent, ok } from '../../api/client';
import { useTasks } from '../../api/tasks';
import type { InboxTask } from '../../api/types';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { useIdempotencyKeys } from '../../components/useIdempotencyKey';
import { proposalPath } from '../proposals/types';

/** Acceptances in flight at once. */
const ACCEPT_CONCURRENCY = 4;

interface ReviewBody {
  decision: 'accept' | 'merge' | 'convert';
  reason?: string;
  mergedInto?: string;
}

/**
 * The committee's review (立案): registered proposals awaiting it are the registrar's tasks of
 * kind review-registration. Accept one, or many at once; merge or convert one with a reason.
 */
export function ReviewPanel({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation('intake');
  const { t: c } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, error, loading, reload } = useTasks(
    { kind: 'review-registration', page, pageSize },
    { enabled: active },
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ accepted: number; failed: { task: InboxTask; error: unknown }[] } | null>(
    null,
  );
  const [deciding, setDeciding] = useState<InboxTask | null>(null);
  const [decisionError, setDecisionError] = useState<unknown>(null);
  const [form] = Form.useForm<ReviewBody>();
  const decision = Form.useWatch('decision', form);
  const keys = useIdempotencyKeys();
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  const displayTitle = useDisplayTitle();

  const review = (proposalId: string, body: ReviewBody) =>
    ok(
      client.POST('/api/proposals/{id}/review', {
        params: { path: { id: proposalId } },
        body,
        headers: idempotent(keys.keyFor(proposalId, body)),
      }),
    ).then(() => keys.settle(proposalId));

  const acceptAll = async (tasks: InboxTask[]) => {
    const go = await confirm({
      title: k('accept.title'),
      content:
        tasks.length === 1
          ? k('accept.content', { title: displayTitle(tasks[0].proposal.title) })
          : k('accept.contentMany', { count: tasks.length }),
      okText: k('accept.ok'),
    });
    if (!go) return;
    setOutcome(null);
    setProgress({ done: 0, total: tasks.length });
    const failed: { task: InboxTask; error: unknown }[] = [];
    let accepted = 0;
    let done = 0;
    let next = 0;
    // A few at a time: each is its own workflow action (and its own idempotency key).
    const lane = async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        try {
          await review(task.proposalId, { decision: 'accept' });
          accepted++;
        } catch (e) {
          failed.push({ task, error: e });
        }
        setProgress({ done: ++done, total: tasks.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(ACCEPT_CONCURRENCY, tasks.length) }, lane));
    setProgress(null);
    setOutcome({ accepted, failed });
    setSelected(failed.map((f) => f.task.proposalId));
    await reload();
  };

  const decide = async (values: ReviewBody) => {
    if (!deciding) return;
    const body: ReviewBody = {
      decision: values.decision,
      reason: values.reason?.trim(),
      ...(values.decision === 'merge' ? { mergedInto: values.mergedInto?.trim() } : {}),
    };
    try {
      await review(deciding.proposalId, body);
      setDeciding(null);
      setDecisionError(null);
      form.resetFields();
      await reload();
    } catch (e) {
      setDecisionError(e);
    }
  };

  const items = data?.items ?? [];
  const busy = progress !== null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('review.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Space wrap>
        <Button
          type="primary"
          disabled={!selected.length || busy}
          loading={busy}
          data-testid="accept-selected"
          onClick={() => void acceptAll(items.filter((task) => selected.includes(task.proposalId)))}
        >
          {t('review.acceptSelected', { count: selected.length })}
        </Button>
        {progress && (
          <Typography.Text aria-live="polite">
            {t('review.accepting', { done: progress.done, total: progress.total })}
          </Typography.Text>
        )}
      </Space>
      {outcome && (
        <Alert
          type={outcome.failed.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          data-testid="review-outcome"
          title={t('review.accepted', { count: outcome.accepted })}
          description={
            outcome.failed.length ? (
              <>
                {t('review.partFailed', { count: outcome.failed.length })}
                {outcome.failed.map((f) => (
                  <div key={f.task.proposalId}>
                    {f.task.proposal.sessionName} {f.task.proposal.number}
                    {colon(i18n.language)}
                    {errorText(c, f.error)}
                  </div>
                ))}
              </>
            ) : undefined
          }
        />
      )}
      <Table<InboxTask>
        rowKey="proposalId"
        data-testid="review-list"
        loading={loading}
        dataSource={items}
        size="middle"
        scroll={{ x: 800 }}
        locale={{ emptyText: t('review.empty') }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (task) => ({ 'aria-label': task.proposal.title }) as never,
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => c('total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('review.proposal'),
            key: 'proposal',
            render: (_, task) => (
              <Space orientation="vertical" size={0}>
                <Space size={4}>
                  {task.proposal.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
                  <Link to={proposalPath(task.proposalId)}>{task.proposal.title}</Link>
                </Space>
                <Typography.Text type="secondary">
                  {task.proposal.sessionName} · {t('review.number', { number: task.proposal.number })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('review.received'),
            dataIndex: 'openedAt',
            width: 200,
            render: (d: string) => formatDateTime(d, i18n.language as Lang),
          },
          {
            title: '',
            key: 'actions',
            width: 220,
            render: (_, task) => (
              <Space>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => void acceptAll([task])}
                  aria-label={`${t('review.accept')}${colon(i18n.language)}${task.proposal.title}`}
                >
                  {t('review.accept')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  disabled={busy}
                  onClick={() => {
                    setDecisionError(null);
                    setDeciding(task);
                  }}
                >
                  {t('review.more')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={deciding?.proposal.title}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        okText={t('review.submit')}
        destroyOnHidden={false}
        forceRender
      >
        <ErrorAlert error={decisionError} />
        <Form<ReviewBody>
          form={form}
          layout="vertical"
          initialValues={{ decision: 'convert' }}
          onFinish={(v) => void decide(v)}
        >
          <Form.Item name="decision" label={t('review.decision')}>
            <Radio.Group
              options={[
                { value: 'merge', label: t('review.merge') },
                { value: 'convert', label: t('review.convert') },
              ]}
            />
          </Form.Item>
          {decision === 'merge' && (
            <Form.Item
              name="mergedInto"
              label={t('review.mergedInto')}
              rules={[{ required: true, whitespace: true, message: t('review.mergedIntoRequired') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('review.reason')}
            rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
