import { Button, Card, Collapse, Dropdown, Empty, Space, Spin, Tag, Typography } from 'antd';
import { CopyOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, Lang } from '../../format';
import { useSimilarReplies } from './hooks';
import { ADOPTION_COLOURS } from './OpinionsList';
import type { SimilarReply, SimilarReplySection } from './types';

const FOLLOW_UP_COLOURS: Record<SimilarReply['followUp'], string> = {
  'not-promised': 'default',
  pending: 'processing',
  kept: 'green',
  'kept-late': 'gold',
  broken: 'red',
  unknown: 'default',
};

/**
 * 相似答复参考: the signed replies of earlier proposals most like this one, each with its class,
 * adoption and follow-up promise, expandable to its sections; `onCopy` (while the draft is
 * editable) puts a section into the reply to one of this proposal's points.
 */
export function SimilarReplies({
  proposalId,
  pointSeqs,
  onCopy,
}: {
  proposalId: string;
  /** The suggestion points of this proposal, in the draft's section order. */
  pointSeqs: number[];
  onCopy?: (index: number, section: SimilarReplySection) => void;
}) {
  const { t, i18n } = useTranslation('proposal');
  const lang = i18n.language as Lang;
  const { data, error, isLoading } = useSimilarReplies(proposalId);

  const copyButton = (r: SimilarReply, s: SimilarReplySection) =>
    onCopy && (
      <Dropdown
        trigger={['click']}
        menu={{
          items: pointSeqs.map((seq, index) => ({ key: String(index), label: t('similar.copyTo', { seq }) })),
          onClick: ({ key }) => onCopy(Number(key), s),
        }}
      >
        <Button size="small" icon={<CopyOutlined />} data-testid={`similar-copy-${r.proposalId}-${s.seq}`}>
          {t('similar.copy')} <DownOutlined />
        </Button>
      </Dropdown>
    );

  // Only drafting staff may read them (the API answers 403 to anyone else): nothing to show then.
  if (error instanceof ApiError && error.status === 403) return null;

  return (
    <Card size="small" title={t('similar.title')} data-testid="similar-replies">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('similar.hint')}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {isLoading ? (
        <Spin />
      ) : !data || data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('similar.none')} />
      ) : (
        <Collapse
          size="small"
          items={data.map((r) => ({
            key: `${r.proposalId}/${r.unitId}/${r.round}`,
            label: (
              <Space orientation="vertical" size={2} data-testid={`similar-${r.proposalId}`}>
                <Typography.Text strong>
                  {r.sessionName} · {t('numberLabel', { number: r.number })} · {r.title}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('similar.signedOn', {
                    unit: r.unitName,
                    number: r.documentNumber,
                    date: formatDate(r.signedAt, lang),
                  })}
                </Typography.Text>
                <Space wrap size={4}>
                  <Tag color="blue">{t('similar.classN', { cls: r.replyClass })}</Tag>
                  {r.adoptions.map((a) => (
                    <Tag key={a} color={ADOPTION_COLOURS[a]}>
                      {t(`adoption.${a}`, { defaultValue: a })}
                    </Tag>
                  ))}
                  <Tag color={FOLLOW_UP_COLOURS[r.followUp]} data-testid="similar-follow-up">
                    {t(`similar.followUp.${r.followUp}`)}
                  </Tag>
                </Space>
              </Space>
            ),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {r.sections.map((s) => (
                  <div key={s.seq} data-testid={`similar-section-${r.proposalId}-${s.seq}`}>
                    <Space wrap size={4}>
                      <Typography.Text strong>
                        {t('similar.section', { seq: s.seq })}
                        {s.title ? `：${s.title}` : ''}
                      </Typography.Text>
                      <Tag color={ADOPTION_COLOURS[s.adoption]}>
                        {t(`adoption.${s.adoption}`, { defaultValue: s.adoption })}
                      </Tag>
                      {copyButton(r, s)}
                    </Space>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.text}</Typography.Paragraph>
                    {s.measures.length > 0 && (
                      <ol style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('similar.measures')}>
                        {s.measures.map((m, i) => (
                          <li key={i} style={{ whiteSpace: 'pre-wrap' }}>
                            {m}
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                ))}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
