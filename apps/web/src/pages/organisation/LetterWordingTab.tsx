import { App, Button, Descriptions, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok, type Schemas } from '../../api/client';
import { queryClient } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ADMIN_EVENTS, ADMIN_UNITS } from './organisation-data';

type LetterWording = Schemas['LetterWordingResponse'];

export const ADMIN_LETTER_WORDING = ['admin', 'letter-wording'] as const;

const CITY = 'city';
const FIELDS = ['opening', 'consulted', 'closing', 'sectionHeading'] as const;
const ADOPTIONS = ['adopted', 'partly-adopted', 'for-reference'] as const;

/**
 * How reply letters are worded: the city's default and each issuing unit's own. The API keeps
 * and checks the templates (an unknown placeholder comes back naming its field); a signed
 * letter keeps the wording it was signed with.
 */
export function LetterWordingTab() {
  const { t } = useTranslation('organisation');
  const { message } = App.useApp();
  const [scope, setScope] = useState<string>(CITY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const wordings = useQuery({
    queryKey: ADMIN_LETTER_WORDING,
    queryFn: ({ signal }) => ok(client.GET('/api/admin/letter-wording', { signal })),
  });
  const units = useQuery({
    queryKey: ADMIN_UNITS,
    queryFn: ({ signal }) => ok(client.GET('/api/admin/units', { signal })),
  });

  if (!wordings.data) return <ErrorAlert error={wordings.error} />;
  const list = wordings.data;
  const own = scope === CITY ? list.city : list.units.find((u) => u.unitId === scope);
  const source: 'own' | 'city' | 'default' = own ? 'own' : scope !== CITY && list.city ? 'city' : 'default';
  const shown: LetterWording = own?.wording ?? (source === 'city' ? list.city!.wording : list.defaultWording);

  const changed = async (text: string) => {
    setError(null);
    void message.success(text);
    await Promise.all(
      [ADMIN_LETTER_WORDING, ADMIN_EVENTS].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  };
  const run = async (call: () => Promise<unknown>, text: string) => {
    setBusy(true);
    try {
      await call();
      await changed(text);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = (body: LetterWording) =>
    run(
      () =>
        scope === CITY
          ? ok(client.PUT('/api/admin/letter-wording/city', { body }))
          : ok(client.PUT('/api/admin/letter-wording/units/{unitId}', { params: { path: { unitId: scope } }, body })),
      t('wording.saved'),
    );
  const reset = () =>
    run(
      () =>
        scope === CITY
          ? ok(client.DELETE('/api/admin/letter-wording/city'))
          : ok(client.DELETE('/api/admin/letter-wording/units/{unitId}', { params: { path: { unitId: scope } } })),
      t('wording.removed'),
    );

  const bureaus = (units.data ?? []).filter((u) => u.kind === 'bureau' || u.issuerCode);
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 900 }} data-testid="letter-wording">
      <Space wrap>
        <Typography.Text>{t('wording.scope')}</Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('wording.scope')}
          style={{ minWidth: 280 }}
          value={scope}
          onChange={(v) => {
            setScope(v);
            setError(null);
          }}
          options={[
            { value: CITY, label: t('wording.city') },
            ...bureaus.map((u) => ({ value: u.id, label: t('wording.unit', { name: u.name }) })),
          ]}
          data-testid="letter-wording-scope"
        />
        <Tag color={source === 'own' ? 'blue' : 'default'}>{t(`wording.source.${source}`)}</Tag>
      </Space>
      <ErrorAlert error={error} />
      <Form<LetterWording>
        key={`${scope}:${own?.updatedAt ?? source}`}
        layout="vertical"
        initialValues={shown}
        onFinish={(v) => void save(v)}
        data-testid="letter-wording-form"
      >
        {FIELDS.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={t(`wording.${field}`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`wording-${field}`} />
          </Form.Item>
        ))}
        {ADOPTIONS.map((a) => (
          <Form.Item
            key={a}
            name={['adoption', a]}
            label={t(`wording.adoption.${a}`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input />
          </Form.Item>
        ))}
        <Space wrap>
          <Form.Item name="addressOne" label={t('wording.addressOne')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="addressMany" label={t('wording.addressMany')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="letter-wording-save">
            {t('wording.save')}
          </Button>
          {own && (
            <Popconfirm title={t('wording.resetConfirm')} onConfirm={() => void reset()}>
              <Button loading={busy} data-testid="letter-wording-reset">
                {t('wording.reset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
      <Descriptions size="small" column={1} bordered title={t('wording.placeholders')}>
        {list.placeholders.map((p) => (
          <Descriptions.Item key={p.name} label={`{${p.name}}`}>
            {t(`wording.placeholder.${p.name}`, { defaultValue: p.description })}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
}
