import { Card, Empty, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftDiff } from './draftDiff';
import type { DraftVersion } from './types';

const INSERTED = { background: '#d9f7be', color: '#135200', textDecoration: 'underline' } as const;
const DELETED = { background: '#ffccc7', color: '#a8071a', textDecoration: 'line-through' } as const;

const keyOf = (d: DraftVersion) => `${d.round}-${d.draftVersion}`;

/**
 * Two draft versions compared, part by part (class, disclosure, summary, the reply to each
 * point, topic, contact, 抄送, 附件): insertions underlined in green, deletions struck through in
 * red; by default only the parts that changed. The earlier of the last two versions against
 * the latest to begin with; any two can be chosen.
 */
export function DraftDiff({ versions, pointSeqs }: { versions: DraftVersion[]; pointSeqs: number[] }) {
  const { t } = useTranslation('proposal');
  const [fromKey, setFromKey] = useState(() => (versions.length > 1 ? keyOf(versions[versions.length - 2]) : ''));
  const [toKey, setToKey] = useState(() => (versions.length > 0 ? keyOf(versions[versions.length - 1]) : ''));
  const [onlyChanged, setOnlyChanged] = useState(true);
  const from = versions.find((d) => keyOf(d) === fromKey);
  const to = versions.find((d) => keyOf(d) === toKey);
  const diff = useMemo(
    () => (from && to ? draftDiff(from.content, to.content, pointSeqs, (k, v) => t(k, v ?? {})) : []),
    [from, to, pointSeqs, t],
  );
  if (versions.length < 2) return null;
  const options = versions.map((d) => ({
    value: keyOf(d),
    label: t('draft.versionN', { round: d.round, version: d.draftVersion }),
  }));
  const shown = onlyChanged ? diff.filter((d) => d.changed) : diff;
  return (
    <Card size="small" title={t('diff.title')} data-testid="draft-diff">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="diff-from"
          aria-label={t('diff.from')}
          prefix={t('diff.from')}
          style={{ minWidth: 200 }}
          value={fromKey || undefined}
          onChange={setFromKey}
          options={options}
        />
        <Select
          data-testid="diff-to"
          aria-label={t('diff.to')}
          prefix={t('diff.to')}
          style={{ minWidth: 200 }}
          value={toKey || undefined}
          onChange={setToKey}
          options={options}
        />
        <Space size={4}>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} aria-label={t('diff.onlyChanged')} />
          <Typography.Text>{t('diff.onlyChanged')}</Typography.Text>
        </Space>
      </Space>
      <div style={{ marginBottom: 8, display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <span style={INSERTED}>{t('diff.inserted')}</span>
        <span style={DELETED}>{t('diff.deleted')}</span>
      </div>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diff.same')} />
      ) : (
        shown.map((d) => (
          <section key={d.key} data-testid={`diff-${d.key}`} style={{ marginTop: 8 }}>
            <Typography.Text strong>
              {t(d.label, d.labelValues ?? {})}
              {!d.changed && <Typography.Text type="secondary">{` · ${t('diff.unchanged')}`}</Typography.Text>}
            </Typography.Text>
            <div
              style={{
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: '4px 8px',
              }}
            >
              {d.parts.length === 0 || d.parts.every((p) => p.value === '') ? (
                <Typography.Text type="secondary">{t('diff.empty')}</Typography.Text>
              ) : (
                d.parts.map((p, i) =>
                  p.added ? (
                    <ins key={i} style={INSERTED} data-diff="inserted">
                      {p.value}
                    </ins>
                  ) : p.removed ? (
                    <del key={i} style={DELETED} data-diff="deleted">
                      {p.value}
                    </del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  ),
                )
              )}
            </div>
          </section>
        ))
      )}
    </Card>
  );
}
