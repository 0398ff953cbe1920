import { Table, Typography } from 'antd';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import { usePersonName } from '../../api/people';
import type { AdminEvent } from '../../api/types';
import { useUnitName } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, Lang } from '../../format';
import { ADMIN_EVENTS } from './organisation-data';

/** The admin audit trail, newest first: every administrative change, who made it and when. */
export function EventsTab() {
  const { t, i18n } = useTranslation('organisation');
  const personName = usePersonName();
  const unitName = useUnitName();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const events = useQuery({
    queryKey: [...ADMIN_EVENTS, { page }],
    queryFn: ({ signal }) => ok(client.GET('/api/admin/events', { params: { query: { page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ErrorAlert error={events.error} />
      <Table<AdminEvent>
        // Wider than a phone: the table scrolls inside its own box, never the page.
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        data-testid="admin-events-table"
        pagination={{
          current: page,
          pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('events.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at, i18n.language as Lang) },
          {
            title: t('events.actor'),
            key: 'actor',
            render: (_: unknown, e) => `${personName(e.actorUserId)} · ${unitName(e.actorUnitId)}`,
          },
          { title: t('events.type'), dataIndex: 'type', render: (type: string) => t(`events.types.${type}`, type) },
          {
            title: t('events.data'),
            dataIndex: 'data',
            render: (data: Record<string, unknown>) => (
              <Typography.Text code style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
                {JSON.stringify(data)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
