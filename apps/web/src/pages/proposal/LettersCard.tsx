import { Button, Card, Empty, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, download, ok } from '../../api/client';
import { useUnitName } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LetterFrame } from './LetterFrame';
import type { SignedLetter } from './types';

/** The signed letters, as frozen at sign-off: document number, downloads, and the print view. */
export function LettersCard({ proposalId, letters }: { proposalId: string; letters: SignedLetter[] }) {
  const { t } = useTranslation('proposal');
  return (
    <Card size="small" title={t('letters.title')} data-testid="letters">
      {letters.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('letters.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {letters.map((l) => (
            <Letter key={`${l.unitId}-${l.round}`} proposalId={proposalId} letter={l} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function Letter({ proposalId, letter }: { proposalId: string; letter: SignedLetter }) {
  const { t } = useTranslation('proposal');
  const unitName = useUnitName();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const file = <T extends 'blob' | 'text'>(format: string, parseAs: T) =>
    client.GET('/api/proposals/{id}/letters/{unitId}/{round}/{format}', {
      params: { path: { id: proposalId, unitId: letter.unitId, round: letter.round, format } },
      parseAs,
    });
  const formats = letter.formats.map((f) => f.format);
  const get = (format: string) => {
    setError(null);
    download(file(format, 'blob'), `${letter.documentNumber}.${format}`).catch(setError);
  };
  const view = async () => {
    setError(null);
    try {
      setHtml(await ok(file('html', 'text')));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`letter-${letter.unitId}-${letter.round}`}>
      <Typography.Text strong data-testid="letter-number">
        {letter.documentNumber}
      </Typography.Text>
      <Typography.Text type="secondary">
        {unitName(letter.unitId)} · {t('letters.round', { round: letter.round })}
      </Typography.Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space wrap>
        {formats.includes('docx') && (
          <Button icon={<DownloadOutlined />} onClick={() => get('docx')}>
            {t('letters.docx')}
          </Button>
        )}
        {formats.includes('pdf') && (
          <Button icon={<DownloadOutlined />} onClick={() => get('pdf')}>
            {t('letters.pdf')}
          </Button>
        )}
        {formats.includes('html') && (
          <Button icon={<DownloadOutlined />} onClick={() => get('html')}>
            {t('letters.html')}
          </Button>
        )}
        {formats.includes('html') && (
          <Button icon={<EyeOutlined />} onClick={() => void view()}>
            {t('letters.view')}
          </Button>
        )}
      </Space>
      <Modal
        open={html !== null}
        title={t('letters.frame', { number: letter.documentNumber })}
        width={920}
        footer={null}
        onCancel={() => setHtml(null)}
        destroyOnHidden
      >
        {html !== null && (
          <LetterFrame html={html} title={t('letters.frame', { number: letter.documentNumber })} height={600} />
        )}
      </Modal>
    </Space>
  );
}
