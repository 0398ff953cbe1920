import { Alert, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import type { OrganisationImportReport } from '../../api/types';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { readText } from '../intake/read-text';
import { organisationChanged } from './organisation-data';

type Row = OrganisationImportReport['rows'][number];
const STATUS_COLOURS = { created: 'green', updated: 'blue', unchanged: 'default', failed: 'red' } as const;

/** Imports a whole organisation from a JSON or CSV file and lists every row's result. */
export function ImportTab() {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const [report, setReport] = useState<OrganisationImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const text = await readText(file);
      const json = /\.json$/i.test(file.name) || text.trimStart().startsWith('{');
      setReport(
        await ok(
          client.POST('/api/admin/organisation/import', {
            // Sent as read (JSON or CSV text), not serialised again.
            body: text as never,
            bodySerializer: (body: unknown) => body,
            headers: { 'Content-Type': json ? 'application/json' : 'text/csv' },
          }),
        ),
      );
      await organisationChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('import.intro')} />
      <Upload
        accept=".csv,.json,.txt,text/csv,application/json"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="organisation-import-file">
          {busy ? t('import.running') : t('import.choose')}
        </Button>
      </Upload>
      <ErrorAlert error={error} />
      {report && (
        <>
          <Typography.Text data-testid="organisation-import-summary">{t('import.summary', report)}</Typography.Text>
          <Table<Row>
            // Wider than a phone: the table scrolls inside its own box, never the page.
            scroll={{ x: 'max-content' }}
            rowKey="row"
            size="small"
            dataSource={report.rows}
            pagination={{ pageSize: 100, showSizeChanger: false }}
            data-testid="organisation-import-rows"
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70 },
              { title: t('import.type'), dataIndex: 'type', render: (v: Row['type']) => t(`import.types.${v}`) },
              { title: t('import.id'), dataIndex: 'id' },
              {
                title: t('import.result'),
                dataIndex: 'status',
                render: (s: Row['status']) => <Tag color={STATUS_COLOURS[s]}>{t(`import.statuses.${s}`)}</Tag>,
              },
              {
                title: t('import.problem'),
                key: 'problem',
                render: (_: unknown, r) =>
                  r.error ? (
                    <>
                      <div>{errorText(c, { code: r.error.code, message: r.error.message, details: [] } as never)}</div>
                      {(r.error.details ?? []).map((d, i) => (
                        <div key={i}>{d.field ? `${d.field}: ${d.message}` : d.message}</div>
                      ))}
                    </>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
