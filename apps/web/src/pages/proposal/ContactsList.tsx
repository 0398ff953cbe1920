import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePersonName } from '../../api/people';
import { useUnitName } from '../../api/units';
import { formatDateTime, Lang } from '../../format';
import type { Contact } from './types';

/** The recorded contacts with the proposers (沟通协商). */
export function ContactsList({ contacts }: { contacts: Contact[] }) {
  const { t, i18n } = useTranslation('proposal');
  const unitName = useUnitName();
  const personName = usePersonName();
  const lang = i18n.language as Lang;
  if (contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.none')} />;
  return (
    <Table<Contact>
      size="small"
      rowKey={(c) => `${c.at}-${c.unitId}`}
      pagination={false}
      dataSource={contacts}
      data-testid="contacts"
      columns={[
        {
          title: t('contacts.at'),
          dataIndex: 'contactedAt',
          width: 170,
          render: (v: string) => formatDateTime(v, lang),
        },
        {
          title: t('contacts.method'),
          dataIndex: 'method',
          width: 90,
          render: (m: string) => <Tag>{t(`method.${m}`)}</Tag>,
        },
        {
          title: t('contacts.summary'),
          dataIndex: 'summary',
          render: (s: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span>,
        },
        {
          title: t('contacts.by'),
          key: 'by',
          width: 200,
          render: (_, c) => `${personName(c.by)} · ${unitName(c.unitId)}`,
        },
      ]}
    />
  );
}
