import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import type { AdminUnit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ADMIN_UNITS, organisationChanged, useOptionsOf } from './organisation-data';

interface UnitValues {
  id: string;
  name: string;
  shortName?: string;
  kind: AdminUnit['kind'];
  issuerCode?: string;
  sortOrder?: number;
  enabled: boolean;
}

/** Every unit, disabled ones too: add one, rename, re-kind, reorder, enable or disable it. */
export function UnitsTab() {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const units = useQuery({
    queryKey: ADMIN_UNITS,
    queryFn: ({ signal }) => ok(client.GET('/api/admin/units', { signal })),
  });
  const [editing, setEditing] = useState<AdminUnit | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const kindLabel = (kind: string) => t(`unitKind.${kind}`, { defaultValue: kind });

  const toggle = async (u: AdminUnit) => {
    setBusy(u.id);
    try {
      await ok(
        client.PATCH('/api/admin/units/{unitId}', {
          params: { path: { unitId: u.id } },
          body: { enabled: !u.enabled },
        }),
      );
      setError(null);
      await organisationChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-add">
        {t('units.add')}
      </Button>
      <ErrorAlert error={error ?? units.error} onClose={error ? () => setError(null) : undefined} />
      <Table<AdminUnit>
        // Wider than a phone: the table scrolls inside its own box, never the page.
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={false}
        data-testid="units-table"
        columns={[
          { title: t('units.sortOrder'), dataIndex: 'sortOrder', width: 70 },
          { title: t('units.id'), dataIndex: 'id' },
          { title: t('units.name'), dataIndex: 'name' },
          { title: t('units.shortName'), dataIndex: 'shortName' },
          { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
          { title: t('units.issuerCode'), dataIndex: 'issuerCode' },
          { title: t('units.openTasks'), dataIndex: 'openTasks', width: 90 },
          { title: t('units.people'), dataIndex: 'people', width: 70 },
          {
            title: t('units.status'),
            dataIndex: 'enabled',
            render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('units.on') : t('units.off')}</Tag>,
          },
          {
            key: 'actions',
            render: (_: unknown, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`unit-edit-${u.id}`}>
                  {t('units.edit')}
                </Button>
                <Button size="small" loading={busy === u.id} onClick={() => void toggle(u)}>
                  {u.enabled ? t('units.disable') : t('units.enable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitModal
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void organisationChanged();
          }}
          cancel={c('cancel')}
        />
      )}
    </Space>
  );
}

function UnitModal(props: { unit: AdminUnit | null; onClose(): void; onSaved(): void; cancel: string }) {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kinds = useOptionsOf('organisation', 'unitKind');
  const u = props.unit;

  const save = async (v: UnitValues) => {
    setBusy(true);
    try {
      const fields = {
        name: v.name,
        ...(v.shortName?.trim() ? { shortName: v.shortName.trim() } : {}),
        kind: v.kind,
        issuerCode: v.issuerCode?.trim() || null,
        sortOrder: v.sortOrder ?? 0,
        enabled: v.enabled,
      };
      if (u) await ok(client.PATCH('/api/admin/units/{unitId}', { params: { path: { unitId: u.id } }, body: fields }));
      else await ok(client.POST('/api/admin/units', { body: { id: v.id, ...fields } }));
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={u ? t('units.editTitle', { name: u.name }) : t('units.addTitle')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={c('save')}
      cancelText={props.cancel}
      okButtonProps={{ loading: busy, 'data-testid': 'unit-save' } as never}
      maskClosable={false}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {u && <Alert type="info" showIcon title={t('units.renameNote')} style={{ marginBottom: 16 }} />}
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          u ? { ...u, issuerCode: u.issuerCode ?? undefined } : { enabled: true, sortOrder: 0, kind: 'bureau' }
        }
        data-testid="unit-form"
      >
        <Form.Item
          name="id"
          label={t('units.id')}
          extra={t('units.idHint')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,63}$/, message: t('units.idHint') }]}
        >
          <Input disabled={!!u} />
        </Form.Item>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('units.shortName')}
          extra={t('units.shortNameHint')}
          rules={[{ max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select options={kinds} aria-label={t('units.kind')} />
        </Form.Item>
        <Form.Item name="issuerCode" label={t('units.issuerCode')} rules={[{ max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="enabled" label={t('units.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
