import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUnitName } from '../../api/units';
import type { SupervisedDeadlinePage } from '../../api/types';
import { DeadlineTag } from '../../components/DeadlineTag';
import { proposalPath } from '../proposals/types';
import type { SupervisedDeadline } from './types';
import { colon, paren } from '../../format';

/** Overdue or due-soon deadlines: key proposals first with their leaders, who holds each up. */
export function DeadlinesTable(props: {
  state: 'overdue' | 'due-soon';
  data: SupervisedDeadlinePage | null;
  loading: boolean;
  onPage(page: number, pageSize: number): void;
  onRemind(d: SupervisedDeadline): void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  return (
    <Table<SupervisedDeadline>
      rowKey={(d) => `${d.proposalId}|${d.deadlineKey}`}
      data-testid={`deadlines-${props.state}`}
      loading={props.loading}
      dataSource={props.data?.items ?? []}
      size="middle"
      scroll={{ x: 1050 }}
      locale={{ emptyText: props.state === 'overdue' ? t('emptyOverdue') : t('emptyDueSoon') }}
      pagination={{
        current: props.data?.page ?? 1,
        pageSize: props.data?.pageSize ?? 20,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => c(props.data?.totalCapped ? 'totalCapped' : 'total', { count: n }),
        onChange: props.onPage,
      }}
      columns={[
        {
          title: t('proposal'),
          key: 'proposal',
          render: (_, d) => (
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                {d.keyProposal && <Tag color="volcano">{c('keyProposal')}</Tag>}
                <Link to={proposalPath(d.proposalId)}>{d.title}</Link>
              </Space>
              <Typography.Text type="secondary">
                {d.sessionName} · {t('number', { number: d.number })} · {c(`stage.${d.stage}`)}
              </Typography.Text>
              {d.keyProposal && d.keyLeaders.length > 0 && (
                <Typography.Text type="secondary">{t('leaders', { names: d.keyLeaders.join('、') })}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('deadlineKind'),
          key: 'kind',
          width: 190,
          render: (_, d) => (
            <Space orientation="vertical" size={0}>
              <span>{c(`deadlineKind.${d.kind}`)}</span>
              <Typography.Text type="secondary">{unitName(d.unitId)}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('deadline'),
          key: 'deadline',
          width: 230,
          render: (_, d) => <DeadlineTag dueAt={d.dueAt} due={d.due} />,
        },
        {
          title: props.state === 'overdue' ? t('heldBy') : t('holding'),
          key: 'heldBy',
          width: 260,
          render: (_, d) => (
            <Space orientation="vertical" size={0} data-testid="held-by">
              {d.heldBy.map((h) => (
                <span key={h.unitId}>
                  {unitName(h.unitId)}
                  {props.state === 'overdue' && (
                    <Typography.Text type="danger">
                      {paren(t('workingDays', { count: h.workingDays }), i18n.language)}
                    </Typography.Text>
                  )}
                </span>
              ))}
            </Space>
          ),
        },
        {
          title: '',
          key: 'remind',
          width: 90,
          fixed: 'right',
          render: (_, d) => (
            <Button
              size="small"
              onClick={() => props.onRemind(d)}
              aria-label={`${t('remind')}${colon(i18n.language)}${d.title}`}
            >
              {t('remind')}
            </Button>
          ),
        },
      ]}
    />
  );
}
