import { Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, download, ok, type Schemas } from '../../api/client';
import { useUnitName } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, Lang } from '../../format';
import { proposalKey } from './hooks';

export type SupervisionDocument = Schemas['SupervisionDocumentResponse'];

/** A supervision document's downloads, PDF and DOCX. */
export function SupervisionDocumentDownloads({ doc }: { doc: SupervisionDocument }) {
  const { t } = useTranslation('proposal');
  const [error, setError] = useState<unknown>(null);
  const get = (format: 'pdf' | 'docx') => {
    setError(null);
    download(
      client.GET('/api/supervision-documents/{docId}/{format}', {
        params: { path: { docId: doc.id, format } },
        parseAs: 'blob',
      }),
      `${doc.documentNumber}.${format}`,
    ).catch(setError);
  };
  return (
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space wrap>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => get('pdf')}>
          {t('supervisionDocuments.pdf')}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => get('docx')}>
          {t('supervisionDocuments.docx')}
        </Button>
      </Space>
    </>
  );
}

/** 督办文书: the 催办单 and 督办通知单 of the proposal the caller may read (shown only when there are some). */
export function SupervisionDocumentsCard({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation('proposal');
  const unitName = useUnitName();
  const query = useQuery({
    queryKey: [...proposalKey(proposalId), 'supervision-documents'],
    queryFn: ({ signal }): Promise<SupervisionDocument[]> =>
      ok(client.GET('/api/proposals/{id}/supervision-documents', { params: { path: { id: proposalId } }, signal })),
  });
  const docs = query.data ?? [];
  if (docs.length === 0 && !query.error) return null;
  return (
    <Card size="small" title={t('supervisionDocuments.title')} data-testid="supervision-documents">
      <ErrorAlert error={query.error} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {docs.map((d) => (
          <Space key={d.id} orientation="vertical" size={2} data-testid={`supervision-document-${d.kind}`}>
            <Typography.Text strong>
              {t(`supervisionDocuments.kinds.${d.kind}`)} {d.documentNumber}
            </Typography.Text>
            <Typography.Text type="secondary">
              {d.unitId ? `${t('supervisionDocuments.to', { unit: unitName(d.unitId) })} · ` : ''}
              {formatDateTime(d.issuedAt, i18n.language as Lang)}
            </Typography.Text>
            <SupervisionDocumentDownloads doc={d} />
          </Space>
        ))}
      </Space>
    </Card>
  );
}
