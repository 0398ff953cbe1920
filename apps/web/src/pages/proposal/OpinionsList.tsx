import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePersonName } from '../../api/people';
import { useUnitName } from '../../api/units';
import { DeadlineTag } from '../../components/DeadlineTag';
import { colon, formatDateTime, Lang, paren } from '../../format';
import type { DeadlineView, PointAnswer, ProposalDetail, UnitOpinion } from './types';

const STATUS_COLOURS: Record<string, string> = {
  pending: 'orange',
  submitted: 'green',
  returned: 'red',
  waived: 'default',
};

export const ADOPTION_COLOURS: Record<string, string> = {
  adopted: 'green',
  'partly-adopted': 'blue',
  'for-reference': 'default',
};

/** Each co-handling unit's opinion: status, version, per-point answers, summary, returns and waiver. */
export function OpinionsList({ detail, opinions }: { detail: ProposalDetail; opinions: UnitOpinion[] }) {
  const { t } = useTranslation('proposal');
  if (opinions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opinions.none')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {opinions.map((o) => (
        <OpinionCard
          key={o.unitId}
          opinion={o}
          detail={detail}
          deadline={detail.deadlines.find((d) => d.key === `opinion:${o.unitId}`)}
        />
      ))}
    </Space>
  );
}

function OpinionCard({
  opinion: o,
  detail,
  deadline,
}: {
  opinion: UnitOpinion;
  detail: ProposalDetail;
  deadline?: DeadlineView;
}) {
  const { t, i18n } = useTranslation('proposal');
  const unitName = useUnitName();
  const personName = usePersonName();
  const lang = i18n.language as Lang;
  const pointText = (seq: number) => detail.suggestionPoints.find((p) => p.seq === seq)?.text ?? `#${seq}`;
  return (
    <Card
      size="small"
      data-testid={`opinion-${o.unitId}`}
      title={
        <Space wrap>
          <span>{unitName(o.unitId)}</span>
          <Tag color={STATUS_COLOURS[o.status]} data-testid="opinion-status">
            {t(`opinions.status.${o.status}`)}
          </Tag>
          {o.version > 0 && (
            <Typography.Text type="secondary">{t('opinions.version', { version: o.version })}</Typography.Text>
          )}
        </Space>
      }
      extra={deadline?.status === 'running' ? <DeadlineTag dueAt={deadline.dueAt} due={deadline.due} /> : undefined}
    >
      {o.waiver && (
        <Typography.Paragraph type="secondary">
          {t('opinions.waived')}
          {colon(lang)}
          {o.waiver.reason}
          {paren(`${personName(o.waiver.by)} · ${formatDateTime(o.waiver.at, lang)}`, lang)}
        </Typography.Paragraph>
      )}
      {o.returns.map((r, i) => (
        <Typography.Paragraph key={i} type="danger" data-testid="opinion-return">
          {t('opinions.returned')}
          {paren(t('opinions.version', { version: r.version }), lang)}
          {colon(lang)}
          {r.reason}
          {r.by ? paren(`${personName(r.by)} · ${formatDateTime(r.at, lang)}`, lang) : ''}
        </Typography.Paragraph>
      ))}
      {o.points.length > 0 ? (
        <>
          <Table<PointAnswer>
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={o.points}
            columns={[
              {
                title: t('opinions.point'),
                key: 'point',
                width: '30%',
                render: (_, p) => `${p.seq}. ${pointText(p.seq)}`,
              },
              {
                title: t('opinions.adoption'),
                dataIndex: 'adoption',
                width: 110,
                render: (a: string) => <Tag color={ADOPTION_COLOURS[a]}>{t(`adoption.${a}`)}</Tag>,
              },
              {
                title: t('opinions.text'),
                dataIndex: 'text',
                render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
              },
            ]}
          />
          {o.summary && (
            <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>
                {t('opinions.summary')}
                {colon(lang)}
              </Typography.Text>
              {o.summary}
            </Typography.Paragraph>
          )}
          {o.submittedAt && (
            <Typography.Text type="secondary">
              {t('opinions.submittedAt')}
              {colon(lang)}
              {formatDateTime(o.submittedAt, lang)}
              {o.submittedBy ? ` · ${personName(o.submittedBy)}` : ''}
            </Typography.Text>
          )}
        </>
      ) : (
        !o.waiver && <Typography.Text type="secondary">{t('opinions.notYet')}</Typography.Text>
      )}
    </Card>
  );
}
