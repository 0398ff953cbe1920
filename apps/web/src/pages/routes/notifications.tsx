import { Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { HTMLAttributes, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { client, ok } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { TitleText } from '../../components/TitleText';
import { useUrlState } from '../../components/useUrlState';
import { colon, formatDateTime, Lang } from '../../format';
import { notificationsChanged, UserNotification } from '../notifications/types';
import { proposalPath } from '../proposals/types';

/** The user's notifications: all or unread only, newest first; mark one or all read. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const { t: c } = useTranslation();
  const { get, number, set } = useUrlState();
  const unreadOnly = get('unread') === 'true';
  const page = number('page', 1);
  const pageSize = number('pageSize', 20);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const query = useQuery({
    queryKey: ['notifications', 'list', { page, pageSize, unreadOnly }],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/notifications', {
          params: { query: { page, pageSize, unread: unreadOnly || undefined } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? null;
  const navigate = useNavigate();

  /** Marks one notification read (`id`), or all of them. */
  const act = async (id: string) => {
    setBusy(id);
    try {
      await (id === 'all'
        ? ok(client.POST('/api/notifications/read-all'))
        : ok(client.POST('/api/notifications/{id}/read', { params: { path: { id } } })));
      setActionError(null);
      await notificationsChanged();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
    }
  };

  /** Opens a notification: marked read first (its failure only shown), then its proposal. */
  const open = async (id: string, to: string) => {
    try {
      await ok(client.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
      await notificationsChanged();
    } catch (e) {
      setActionError(e);
    }
    navigate(to);
  };

  const kindLabel = (kind: string) => {
    const key = `kinds.${kind}`;
    const label = t(key);
    return label === key ? null : label;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Radio.Group
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(e) => set({ unread: e.target.value === 'unread' ? 'true' : '', page: '' })}
          optionType="button"
          aria-label={t('show')}
          options={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('unread', { count: data?.unreadCount ?? 0 }) },
          ]}
        />
        <Button
          icon={<CheckOutlined />}
          disabled={!data?.unreadCount}
          loading={busy === 'all'}
          onClick={() => void act('all')}
          data-testid="mark-all-read"
        >
          {t('markAllRead')}
        </Button>
      </Space>
      <ErrorAlert error={actionError} />
      {query.error ? (
        <LoadFailed
          what="notifications"
          error={query.error}
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <Table<UserNotification>
          rowKey="id"
          data-testid="notification-list"
          loading={query.isFetching}
          dataSource={data?.items ?? []}
          showHeader={false}
          tableLayout="fixed"
          size="middle"
          locale={{ emptyText: unreadOnly ? t('emptyUnread') : t('empty') }}
          onRow={(n) =>
            ({
              'data-testid': 'notification',
              'data-read': n.readAt ? 'true' : 'false',
              style: { background: n.readAt ? undefined : '#fff7f6' },
            }) as HTMLAttributes<HTMLElement>
          }
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
              key: 'notice',
              render: (_, n) => (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  {/* A plain wrapping row, not a Space: Space's items do not shrink, so a long title
                      pushed a phone's page sideways instead of being cut. */}
                  <div
                    style={{
                      display: 'flex',
                      flexWrap: 'wrap',
                      alignItems: 'center',
                      gap: 4,
                      width: '100%',
                      minWidth: 0,
                    }}
                  >
                    {!n.readAt && <Tag color="red">{t('new')}</Tag>}
                    {kindLabel(n.kind) && <Tag>{kindLabel(n.kind)}</Tag>}
                    <TitleText text={n.title} strong={!n.readAt} style={{ minWidth: 0, maxWidth: '100%' }} />
                  </div>
                  <Typography.Text type="secondary">
                    {formatDateTime(n.createdAt, i18n.language as Lang)}
                  </Typography.Text>
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                    ellipsis={{ rows: 4, expandable: true }}
                  >
                    {n.body}
                  </Typography.Paragraph>
                </Space>
              ),
            },
            {
              key: 'actions',
              width: 200,
              render: (_, n) => (
                <Space orientation="vertical" size={4}>
                  {n.proposalId && (
                    // Opening a notification marks it read, then goes where it points.
                    <Link
                      to={proposalPath(n.proposalId)}
                      onClick={(e) => {
                        if (n.readAt || e.ctrlKey || e.metaKey || e.shiftKey) return;
                        e.preventDefault();
                        void open(n.id, proposalPath(n.proposalId as string));
                      }}
                    >
                      {t('openProposal')}
                    </Link>
                  )}
                  {n.readAt ? (
                    <Typography.Text type="secondary">{t('read')}</Typography.Text>
                  ) : (
                    <Button
                      size="small"
                      loading={busy === n.id}
                      onClick={() => void act(n.id)}
                      aria-label={`${t('markRead')}${colon(i18n.language)}${n.title}`}
                    >
                      {t('markRead')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
