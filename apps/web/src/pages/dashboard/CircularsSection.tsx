import { Button, Card, DatePicker, Empty, Input, List, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client';
import { queryClient } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, Lang } from '../../format';
import { SupervisionDocumentDownloads } from '../proposal/SupervisionDocumentsCard';

const CIRCULARS_KEY = ['supervision', 'circulars'] as const;

/**
 * 督办通报: a supervisor issues the circular of the units with overdue work over a period (from
 * the statistics per unit); it goes to each unit listed. The latest ones, with their downloads.
 */
export function CircularsSection() {
  const { t, i18n } = useTranslation('dashboard');
  const [period, setPeriod] = useState<[string, string] | null>(null);
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown; issued: string | null }>({
    busy: false,
    error: null,
    issued: null,
  });
  const list = useQuery({
    queryKey: CIRCULARS_KEY,
    queryFn: ({ signal }) => ok(client.GET('/api/supervision/circulars', { signal })),
  });
  const issue = async () => {
    if (!period) return;
    setState({ busy: true, error: null, issued: null });
    try {
      const message = note.trim();
      const doc = await ok(
        client.POST('/api/supervision/circulars', {
          body: { from: period[0], to: period[1], ...(message ? { message } : {}) },
        }),
      );
      setState({ busy: false, error: null, issued: doc.documentNumber });
      setNote('');
      await queryClient.invalidateQueries({ queryKey: CIRCULARS_KEY });
    } catch (e) {
      setState({ busy: false, error: e, issued: null });
    }
  };
  if (list.error instanceof ApiError && list.error.status === 403) return null;
  return (
    <Card size="small" title={t('circulars.title')} data-testid="circulars">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('circulars.hint')}</Typography.Text>
        <Space wrap>
          <DatePicker.RangePicker
            size="small"
            aria-label={t('circulars.period')}
            placeholder={[t('periodFrom'), t('periodTo')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              setPeriod(range?.[0] && range[1] ? [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')] : null)
            }
          />
          <Input
            size="small"
            style={{ width: 280 }}
            maxLength={2000}
            value={note}
            placeholder={t('circulars.note')}
            aria-label={t('circulars.note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            size="small"
            type="primary"
            disabled={!period}
            loading={state.busy}
            onClick={() => void issue()}
            data-testid="issue-circular"
          >
            {t('circulars.issue')}
          </Button>
        </Space>
        <ErrorAlert error={state.error ?? list.error} />
        {state.issued && (
          <Typography.Text type="success" data-testid="circular-issued">
            {t('circulars.issued', { number: state.issued })}
          </Typography.Text>
        )}
        {(list.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('circulars.none')} />
        ) : (
          <List
            size="small"
            dataSource={list.data ?? []}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>
                    {d.documentNumber} {t('circulars.periodText', { from: d.periodFrom, to: d.periodTo })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('circulars.units', { n: d.addresseeUnitIds.length })} ·{' '}
                    {formatDateTime(d.issuedAt, i18n.language as Lang)}
                  </Typography.Text>
                  <SupervisionDocumentDownloads doc={d} />
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
