import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADOPTION_COLOURS } from './OpinionsList';
import type { DraftContent, ProposalDetail } from './types';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number) => (n <= 10 ? CN_NUMBERS[n - 1] : String(n));

/** A draft reply as the reviewer and the signer read it (every text shown as text). */
export function DraftView({ content, detail }: { content: Partial<DraftContent>; detail: ProposalDetail }) {
  const { t } = useTranslation('proposal');
  const pointText = (seq: number) => detail.suggestionPoints.find((p) => p.seq === seq)?.text ?? '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="draft-view">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'class',
            label: t('draft.replyClass'),
            children: content.replyClass ? t('draft.classN', { cls: content.replyClass }) : '—',
          },
          {
            key: 'disclosure',
            label: t('draft.disclosure'),
            children: content.disclosure ? t(`disclosure.${content.disclosure}`) : '—',
          },
          { key: 'topic', label: t('draft.topicShort'), children: content.topic ?? '—' },
          {
            key: 'contact',
            label: t('draft.contactName'),
            children: content.contact ? `${content.contact.name} ${content.contact.phone}` : '—',
          },
          {
            key: 'copyTo',
            label: t('draft.copyTo'),
            children: content.copyTo ? content.copyTo.join('、') : t('draft.copyToDefault'),
          },
          ...(content.attachments?.length
            ? [
                {
                  key: 'attachments',
                  label: t('draft.attachments'),
                  children: content.attachments.map((a, i) => `${i + 1}.${a}`).join('　'),
                },
              ]
            : []),
        ]}
      />
      {content.summary && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{content.summary}</Typography.Paragraph>
      )}
      {(content.sections ?? []).map((s) => (
        <div key={s.seq} data-testid={`draft-view-section-${s.seq}`}>
          <Typography.Text strong delete={s.omitHeading}>
            {cn(s.seq)}、{s.title || pointText(s.seq)}
          </Typography.Text>{' '}
          <Tag color={ADOPTION_COLOURS[s.adoption]}>{t(`adoption.${s.adoption}`)}</Tag>
          {s.omitHeading && <Tag>{t('draft.noHeading')}</Tag>}
          {/* Older sections chose no placement: their adoption sentence opens the text. */}
          <Tag>{t(`draft.adoptionSentence.${s.adoptionSentence ?? 'inline'}`)}</Tag>
          {s.text && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{s.text}</Typography.Paragraph>
          )}
          {(s.measures ?? []).map((m, i) => (
            <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', marginBottom: 4, paddingInlineStart: 16 }}>
              （{cn(i + 1)}）{m}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </Space>
  );
}
