import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ADMIN_SETTINGS, organisationChanged } from './organisation-data';

interface SettingsValues {
  governmentName: string;
  proposal: string;
  suggestion: string;
  /** One name per line. */
  copyTo: string;
}

/** The city's names in letters and screens: the government, the registering committees, the default 抄送 list. */
export function SettingsTab() {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const settings = useQuery({
    queryKey: ADMIN_SETTINGS,
    queryFn: ({ signal }) => ok(client.GET('/api/admin/city-settings', { signal })),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();

  const save = async (v: SettingsValues) => {
    setBusy(true);
    try {
      await ok(
        client.PUT('/api/admin/city-settings', {
          body: {
            governmentName: v.governmentName,
            committeeNames: { proposal: v.proposal ?? '', suggestion: v.suggestion ?? '' },
            copyTo: (v.copyTo ?? '')
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          },
        }),
      );
      setError(null);
      void message.success(t('settings.saved'));
      await organisationChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!settings.data) return <ErrorAlert error={settings.error} />;
  const s = settings.data;
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <ErrorAlert error={error} />
      <Form<SettingsValues>
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          governmentName: s.governmentName,
          proposal: s.committeeNames.proposal,
          suggestion: s.committeeNames.suggestion,
          copyTo: s.copyTo.join('\n'),
        }}
        data-testid="city-settings-form"
      >
        <Form.Item
          name="governmentName"
          label={t('settings.governmentName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="proposal" label={t('settings.committeeProposal')} extra={t('settings.committeeHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="suggestion" label={t('settings.committeeSuggestion')} extra={t('settings.committeeHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="copyTo" label={t('settings.copyTo')} extra={t('settings.copyToHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="city-settings-save">
          {c('save')}
        </Button>
      </Form>
    </Space>
  );
}
