import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisplayTitle } from '../../components/TitleText';
import { formatDate, Lang, paren } from '../../format';
import { useUnitName } from '../../api/units';

import type { ProposalDetail, Signature } from './types';

const STAGE_COLOURS: Record<string, string> = {
  consultation: 'blue',
  drafting: 'blue',
  review: 'geekblue',
  'sign-off': 'purple',
  dispatch: 'cyan',
  feedback: 'cyan',
  're-handling': 'orange',
  closed: 'green',
};

/** Session, number, title, proposers, stage, key proposal with its leaders, the units. */
export function ProposalHeader({
  detail,
  coHandlerUnitIds,
  signatures,
}: {
  detail: ProposalDetail;
  coHandlerUnitIds: string[];
  signatures: Signature[];
}) {
  const { t, i18n } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const displayTitle = useDisplayTitle();
  const lang = i18n.language as Lang;
  const replying = detail.assignedUnitIds.filter((u) => !coHandlerUnitIds.includes(u));
  const items = [
    { key: 'session', label: t('session'), children: detail.sessionName },
    { key: 'number', label: t('number'), children: detail.number },
    {
      key: 'proposers',
      label: t('proposers'),
      children: (
        <span data-testid="proposers">
          {detail.proposers.map((p, i) => (
            <span key={`${p.name}-${i}`}>
              {i > 0 ? '、' : ''}
              {p.name}
              {p.lead && detail.proposers.length > 1 ? paren(t('leadProposer'), i18n.language) : ''}
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'stage',
      label: t('stage'),
      children: (
        <Tag color={STAGE_COLOURS[detail.stage] ?? 'default'} data-testid="stage">
          {c(`stage.${detail.stage}`)}
        </Tag>
      ),
    },
    ...(detail.leadUnitId
      ? [{ key: 'lead', label: t('leadUnit'), children: unitName(detail.leadUnitId) }]
      : replying.length
        ? [{ key: 'replying', label: t('replyingUnits'), children: replying.map(unitName).join('、') }]
        : []),
    ...(coHandlerUnitIds.length
      ? [{ key: 'co', label: t('coUnits'), children: coHandlerUnitIds.map(unitName).join('、') }]
      : []),
    { key: 'received', label: t('receivedAt'), children: formatDate(detail.receivedAt, lang) },
    ...signatures.map((s) => ({
      key: `doc-${s.unitId}-${s.round}`,
      label: t('documentNumber'),
      children: <span data-testid="document-number">{s.documentNumber}</span>,
    })),
  ];
  return (
    <Card size="small">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8}>
          {detail.keyProposal && (
            <Tag color="volcano" data-testid="key-tag">
              {c('keyProposal')}
              {detail.keyLeaders?.length
                ? ` · ${t('keyLeaders', { names: detail.keyLeaders.join(lang === 'en' ? ', ' : '、') })}`
                : ''}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {detail.sessionName} · {t('numberLabel', { number: detail.number })}
          </Typography.Text>
        </Space>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="proposal-title">
          {displayTitle(detail.title)}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />
      </Space>
    </Card>
  );
}

/** The proposal text and its numbered suggestion points. */
export function ProposalContent({ detail }: { detail: ProposalDetail }) {
  const { t } = useTranslation('proposal');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <section aria-labelledby="proposal-points">
        <Typography.Title level={5} id="proposal-points">
          {t('points')}
        </Typography.Title>
        <ol style={{ paddingInlineStart: 24, margin: 0 }} data-testid="suggestion-points">
          {detail.suggestionPoints.map((p) => (
            <li key={p.seq}>
              <Typography.Text>{p.text}</Typography.Text>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="proposal-body">
        <Typography.Title level={5} id="proposal-body">
          {t('body')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="proposal-body">
          {detail.body}
        </Typography.Paragraph>
      </section>
    </Space>
  );
}
